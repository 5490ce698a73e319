using System;
using System.Numerics;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// The mean field as a periodic convolution by the convolution theorem, with the 2-D DFT done as two dense matrix
/// products, Ŝ = F₀ S F₁ with F_L[a, b] = e^{−2πi ab/L}, and the inverse m = F̄₀ (K̂ ∘ Ŝ) F̄₁ / N (reference
/// /work/shared/reference/echo-challenge.md §1.3 for m). O(N(L₀ + L₁)) per call instead of O(N log N), but the products
/// are dense, vectorised (<see cref="Vector{T}"/> over a row) and free of the per-call overhead of MathNet.Numerics'
/// Bluestein transform, which it uses for lengths that are not powers of two (≈ 20 µs per 1-D call). Same result as
/// <see cref="DirectSumMeanField"/> to ~1e-15 relative to Σ|K||s|; every output sums in a fixed order with separate
/// multiply and add, so it does not depend on the vector width.
/// </summary>
public sealed class SeparableDftMeanField : IMeanFieldSolver
{
    private readonly int _l0;
    private readonly int _l1;
    private readonly int _stride;           // row stride of L0×L1 arrays and of F₁, padded to whole vectors
    private readonly double[] _f0Re, _f0Im, _f0ConjIm;     // L0×L0, dense (left operand, read element-wise)
    private readonly double[] _f1Re, _f1Im, _f1ConjIm;     // L1×stride (right operand, read by vectors)
    private readonly double[] _kRe, _kIm;                  // K̂ = F₀ K F₁, L0×stride
    private readonly double[] _aRe, _aIm, _bRe, _bIm;      // scratch, L0×stride

    /// <summary>A solver for <paramref name="kernel"/>; transforms the kernel once.</summary>
    public SeparableDftMeanField(LatticeKernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        _l0 = kernel.Lattice.Extents[0];
        _l1 = kernel.Lattice.Extents[1];
        int width = Vector<double>.Count;
        _stride = (_l1 + width - 1) / width * width;
        (_f0Re, _f0Im) = DftMatrix(_l0, _l0);
        _f0ConjIm = Array.ConvertAll(_f0Im, v => -v);
        (_f1Re, _f1Im) = DftMatrix(_l1, _stride);
        _f1ConjIm = Array.ConvertAll(_f1Im, v => -v);
        _aRe = new double[_l0 * _stride];
        _aIm = new double[_l0 * _stride];
        _bRe = new double[_l0 * _stride];
        _bIm = new double[_l0 * _stride];
        _kRe = new double[_l0 * _stride];
        _kIm = new double[_l0 * _stride];
        ReadOnlySpan<double> w = kernel.Weights;
        for (int r = 0; r < _l0; r++)
        {
            w.Slice(r * _l1, _l1).CopyTo(_bRe.AsSpan(r * _stride, _l1));
        }

        Multiply(_f0Re, _f0Im, _bRe, _bIm, _aRe, _aIm, _l0, _l0, _stride);
        Multiply(_aRe, _aIm, _f1Re, _f1Im, _kRe, _kIm, _l0, _l1, _stride);
        Array.Clear(_bRe);
    }

    /// <inheritdoc />
    public void Compute(ReadOnlySpan<double> sx, ReadOnlySpan<double> sy, Span<double> mx, Span<double> my)
    {
        int n = _l0 * _l1;
        if (sx.Length != n || sy.Length != n || mx.Length != n || my.Length != n)
        {
            throw new ArgumentException($"All spans must have the lattice's {n} sites.");
        }

        for (int r = 0; r < _l0; r++)
        {
            sx.Slice(r * _l1, _l1).CopyTo(_bRe.AsSpan(r * _stride, _l1));
            sy.Slice(r * _l1, _l1).CopyTo(_bIm.AsSpan(r * _stride, _l1));
        }

        Multiply(_f0Re, _f0Im, _bRe, _bIm, _aRe, _aIm, _l0, _l0, _stride);          // F₀ S
        Multiply(_aRe, _aIm, _f1Re, _f1Im, _bRe, _bIm, _l0, _l1, _stride);          // (F₀ S) F₁ = Ŝ
        for (int i = 0; i < _bRe.Length; i++)
        {
            double re = _bRe[i] * _kRe[i] - _bIm[i] * _kIm[i];
            double im = _bRe[i] * _kIm[i] + _bIm[i] * _kRe[i];
            _bRe[i] = re;
            _bIm[i] = im;
        }

        Multiply(_f0Re, _f0ConjIm, _bRe, _bIm, _aRe, _aIm, _l0, _l0, _stride);      // F̄₀ (K̂ ∘ Ŝ)
        Multiply(_aRe, _aIm, _f1Re, _f1ConjIm, _bRe, _bIm, _l0, _l1, _stride);      // … F̄₁
        double scale = 1.0 / n;
        for (int r = 0; r < _l0; r++)
        {
            for (int c = 0; c < _l1; c++)
            {
                mx[r * _l1 + c] = _bRe[r * _stride + c] * scale;
                my[r * _l1 + c] = _bIm[r * _stride + c] * scale;
            }
        }
    }

    /// <summary>F[a, b] = e^{−2πi (ab mod L)/L}, L×L stored with row stride <paramref name="stride"/> (padding zero).</summary>
    private static (double[] Re, double[] Im) DftMatrix(int length, int stride)
    {
        var re = new double[length * stride];
        var im = new double[length * stride];
        for (int a = 0; a < length; a++)
        {
            for (int b = 0; b < length; b++)
            {
                (double sin, double cos) = Math.SinCos(-2 * Math.PI * ((long)a * b % length) / length);
                re[a * stride + b] = cos;
                im[a * stride + b] = sin;
            }
        }

        return (re, im);
    }

    /// <summary>
    /// C = A·B for complex matrices: A is rows×inner with row stride = inner (read element-wise), B is inner×(stride)
    /// and C rows×(stride), both with row stride <paramref name="stride"/>; vectorised over C's columns.
    /// </summary>
    private static void Multiply(double[] aRe, double[] aIm, double[] bRe, double[] bIm, double[] cRe, double[] cIm, int rows, int inner, int stride)
    {
        int width = Vector<double>.Count;
        int aStride = aRe.Length / rows;
        ReadOnlySpan<double> br = bRe, bi = bIm;
        for (int i = 0; i < rows; i++)
        {
            for (int block = 0; block < stride; block += width)
            {
                Vector<double> accRe = Vector<double>.Zero, accIm = Vector<double>.Zero;
                for (int k = 0; k < inner; k++)
                {
                    var xr = new Vector<double>(aRe[i * aStride + k]);
                    var xi = new Vector<double>(aIm[i * aStride + k]);
                    var yr = new Vector<double>(br.Slice(k * stride + block, width));
                    var yi = new Vector<double>(bi.Slice(k * stride + block, width));
                    accRe += xr * yr - xi * yi;
                    accIm += xr * yi + xi * yr;
                }

                accRe.CopyTo(cRe, i * stride + block);
                accIm.CopyTo(cIm, i * stride + block);
            }
        }
    }
}
