using System;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// The mean field by its defining sum, m_i = Σ_{j≠i} K(i − j) (s_jx + i s_jy), with the displacement i − j taken modulo
/// the lattice extents (reference /work/shared/reference/echo-challenge.md §1.3). O(N²) per call; exact up to the
/// rounding of N products. Used for small lattices and as the check of <see cref="FftMeanField"/>.
/// </summary>
public sealed class DirectSumMeanField : IMeanFieldSolver
{
    private readonly double[] _weights;
    private readonly int _l0;
    private readonly int _l1;

    /// <summary>A solver for <paramref name="kernel"/>.</summary>
    public DirectSumMeanField(LatticeKernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        _weights = kernel.Weights.ToArray();
        _l0 = kernel.Lattice.Extents[0];
        _l1 = kernel.Lattice.Extents[1];
    }

    /// <inheritdoc />
    public void Compute(ReadOnlySpan<double> sx, ReadOnlySpan<double> sy, Span<double> mx, Span<double> my)
    {
        int n = _l0 * _l1;
        if (sx.Length != n || sy.Length != n || mx.Length != n || my.Length != n)
        {
            throw new ArgumentException($"All spans must have the lattice's {n} sites.");
        }

        for (int i0 = 0; i0 < _l0; i0++)
        {
            for (int i1 = 0; i1 < _l1; i1++)
            {
                double re = 0, im = 0;
                for (int j0 = 0; j0 < _l0; j0++)
                {
                    int d0 = i0 - j0;
                    if (d0 < 0)
                    {
                        d0 += _l0;
                    }

                    ReadOnlySpan<double> row = _weights.AsSpan(d0 * _l1, _l1);
                    ReadOnlySpan<double> xs = sx.Slice(j0 * _l1, _l1);
                    ReadOnlySpan<double> ys = sy.Slice(j0 * _l1, _l1);
                    for (int j1 = 0; j1 <= i1; j1++)
                    {
                        double w = row[i1 - j1];
                        re += w * xs[j1];
                        im += w * ys[j1];
                    }

                    for (int j1 = i1 + 1; j1 < _l1; j1++)
                    {
                        double w = row[i1 - j1 + _l1];
                        re += w * xs[j1];
                        im += w * ys[j1];
                    }
                }

                mx[i0 * _l1 + i1] = re;
                my[i0 * _l1 + i1] = im;
            }
        }
    }
}
