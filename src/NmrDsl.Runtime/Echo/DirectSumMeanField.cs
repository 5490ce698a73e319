using System;
using System.Numerics;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// The mean field by its defining sum, m_i = Σ_{j≠i} K(i − j) (s_jx + i s_jy), with the displacement i − j taken modulo
/// the lattice extents (reference /work/shared/reference/echo-challenge.md §1.3). O(N²) per call, exact up to the
/// rounding of N products. Vectorised over the output column i₁ with <see cref="Vector{T}"/>: each kernel row d₀ is
/// stored twice over (K_ext[u] = K(d₀, u mod L₁), u &lt; 2L₁), so the L₁ outputs of a row read a contiguous slice
/// K_ext[L₁ − j₁ + i₁]. Every output sums its terms in the same order (j₀, then j₁, ascending) with separate multiply
/// and add, so the result does not depend on the vector width.
/// </summary>
public sealed class DirectSumMeanField : IMeanFieldSolver
{
    private readonly double[] _extended;
    private readonly int _l0;
    private readonly int _l1;
    private readonly int _stride;

    /// <summary>A solver for <paramref name="kernel"/>.</summary>
    public DirectSumMeanField(LatticeKernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        _l0 = kernel.Lattice.Extents[0];
        _l1 = kernel.Lattice.Extents[1];
        _stride = 2 * _l1 + Vector<double>.Count;
        _extended = new double[_l0 * _stride];
        ReadOnlySpan<double> w = kernel.Weights;
        for (int d0 = 0; d0 < _l0; d0++)
        {
            for (int u = 0; u < 2 * _l1; u++)
            {
                _extended[d0 * _stride + u] = w[d0 * _l1 + u % _l1];
            }
        }
    }

    /// <inheritdoc />
    public void Compute(ReadOnlySpan<double> sx, ReadOnlySpan<double> sy, Span<double> mx, Span<double> my)
    {
        int n = _l0 * _l1;
        if (sx.Length != n || sy.Length != n || mx.Length != n || my.Length != n)
        {
            throw new ArgumentException($"All spans must have the lattice's {n} sites.");
        }

        int width = Vector<double>.Count;
        ReadOnlySpan<double> extended = _extended;
        Span<double> lanesX = stackalloc double[width];
        Span<double> lanesY = stackalloc double[width];
        for (int i0 = 0; i0 < _l0; i0++)
        {
            for (int block = 0; block < _l1; block += width)
            {
                Vector<double> accX = Vector<double>.Zero, accY = Vector<double>.Zero;
                for (int j0 = 0; j0 < _l0; j0++)
                {
                    int d0 = i0 - j0;
                    if (d0 < 0)
                    {
                        d0 += _l0;
                    }

                    // Unchecked loads: the largest index is d0·stride + L₁ + block + width − 1 < (d0 + 1)·stride.
                    ref readonly double row = ref extended[d0 * _stride];
                    ReadOnlySpan<double> xs = sx.Slice(j0 * _l1, _l1);
                    ReadOnlySpan<double> ys = sy.Slice(j0 * _l1, _l1);
                    for (int j1 = 0; j1 < xs.Length; j1++)
                    {
                        Vector<double> k = Vector.LoadUnsafe(in row, (nuint)(_l1 - j1 + block));
                        accX += new Vector<double>(xs[j1]) * k;
                        accY += new Vector<double>(ys[j1]) * k;
                    }
                }

                accX.CopyTo(lanesX);
                accY.CopyTo(lanesY);
                int count = Math.Min(width, _l1 - block);
                lanesX[..count].CopyTo(mx.Slice(i0 * _l1 + block, count));
                lanesY[..count].CopyTo(my.Slice(i0 * _l1 + block, count));
            }
        }
    }
}
