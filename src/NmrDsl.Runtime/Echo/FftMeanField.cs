using System;
using System.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// The mean field as a periodic convolution by FFT (convolution theorem on the L₀×L₁ torus):
/// m = F⁻¹[ F[K] · F[s_x + i s_y] ], a 2-D transform done as 1-D MathNet.Numerics transforms along rows then columns
/// (its managed provider has no multi-dimensional transform), unscaled forward and 1/L inverse per axis
/// (<see cref="FourierOptions.Matlab"/>). Same quantity as <see cref="DirectSumMeanField"/> (reference
/// /work/shared/reference/echo-challenge.md §1.3), agreeing to rounding (~1e-16 relative to Σ|K||s|).
/// </summary>
public sealed class FftMeanField : IMeanFieldSolver
{
    private readonly Complex[] _kernelSpectrum;
    private readonly Complex[] _buffer;
    private readonly Complex[] _row;
    private readonly Complex[] _column;
    private readonly int _l0;
    private readonly int _l1;

    /// <summary>A solver for <paramref name="kernel"/>; transforms the kernel once.</summary>
    public FftMeanField(LatticeKernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        _l0 = kernel.Lattice.Extents[0];
        _l1 = kernel.Lattice.Extents[1];
        ReadOnlySpan<double> w = kernel.Weights;
        _kernelSpectrum = new Complex[w.Length];
        for (int i = 0; i < w.Length; i++)
        {
            _kernelSpectrum[i] = w[i];
        }

        _buffer = new Complex[w.Length];
        _row = new Complex[_l1];
        _column = new Complex[_l0];
        Transform(_kernelSpectrum, inverse: false);
    }

    /// <inheritdoc />
    public void Compute(ReadOnlySpan<double> sx, ReadOnlySpan<double> sy, Span<double> mx, Span<double> my)
    {
        int n = _buffer.Length;
        if (sx.Length != n || sy.Length != n || mx.Length != n || my.Length != n)
        {
            throw new ArgumentException($"All spans must have the lattice's {n} sites.");
        }

        for (int i = 0; i < n; i++)
        {
            _buffer[i] = new Complex(sx[i], sy[i]);
        }

        Transform(_buffer, inverse: false);
        for (int i = 0; i < n; i++)
        {
            _buffer[i] *= _kernelSpectrum[i];
        }

        Transform(_buffer, inverse: true);
        for (int i = 0; i < n; i++)
        {
            mx[i] = _buffer[i].Real;
            my[i] = _buffer[i].Imaginary;
        }
    }

    private void Transform(Complex[] data, bool inverse)
    {
        for (int r = 0; r < _l0; r++)
        {
            Array.Copy(data, r * _l1, _row, 0, _l1);
            Apply(_row, inverse);
            Array.Copy(_row, 0, data, r * _l1, _l1);
        }

        for (int c = 0; c < _l1; c++)
        {
            for (int r = 0; r < _l0; r++)
            {
                _column[r] = data[r * _l1 + c];
            }

            Apply(_column, inverse);
            for (int r = 0; r < _l0; r++)
            {
                data[r * _l1 + c] = _column[r];
            }
        }
    }

    private static void Apply(Complex[] samples, bool inverse)
    {
        if (inverse)
        {
            Fourier.Inverse(samples, FourierOptions.Matlab);
        }
        else
        {
            Fourier.Forward(samples, FourierOptions.Matlab);
        }
    }
}
