using System;
using System.Numerics;
using MathNet.Numerics.IntegralTransforms;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// The spectrum of an FID, on an ascending frequency (Hz) axis and the matching ppm axis (ascending for
/// γ &gt; 0, descending for γ &lt; 0; plotting it with ppm decreasing to the right, as NMR does, is a
/// display choice).
/// </summary>
/// <remarks>
/// S(f_k) = Δt [ s₀/2 + Σ_{n≥1} s_n e^{−i2π f_k nΔt} ] (MathNet.Numerics FFT with
/// <see cref="FourierOptions.Matlab"/>: negative exponent, no forward scaling; the halved first
/// point is the trapezoidal rule, which gives a flat baseline and Σ_k S_k Δf = s₀/2 exactly), then
/// reordered so that f_k = (k − N/2)·SW/N, k = 0 … N−1 (ascending, 0 Hz at index N/2). Since the FID
/// of a line at offset ν is ∝ e^{+i2πνt}, it peaks at f = ν, i.e. at
/// ppm = δ_ref + f / ν0 × 10⁶ = its own δ: a singlet at +δ ppm appears at +δ on the ppm axis. The
/// real part is the absorption mode when the receiver phase is right (see <see cref="Acquisition"/>).
/// A Lorentzian of FWHM LB and amplitude A has peak height ≈ A/(π LB) in these units (Hz⁻¹).
/// </remarks>
public sealed record Spectrum(double[] FrequenciesHz, double[] Ppm, Complex[] Values)
{
    /// <summary>Digital resolution Δf = SW/N in Hz.</summary>
    public double ResolutionHz => FrequenciesHz.Length > 1 ? FrequenciesHz[1] - FrequenciesHz[0] : double.NaN;

    /// <summary>Fourier transforms <paramref name="fid"/>, zero-filled to <paramref name="zeroFillTo"/> points if larger.</summary>
    public static Spectrum FromFid(Fid fid, int zeroFillTo = 0)
    {
        ArgumentNullException.ThrowIfNull(fid);
        int n = Math.Max(fid.Points.Length, zeroFillTo);
        if (n < 2) throw new ArgumentException(Invariant($"A spectrum needs at least 2 points, got {n}."), nameof(fid));
        var buffer = new Complex[n];
        fid.Points.AsSpan().CopyTo(buffer);
        buffer[0] *= 0.5;
        Fourier.Forward(buffer, FourierOptions.Matlab);
        double sw = 1 / fid.DwellSeconds;
        var frequencies = new double[n];
        var ppm = new double[n];
        var values = new Complex[n];
        int half = n / 2;
        for (int k = 0; k < n; k++)
        {
            int source = (k + n - half) % n;
            frequencies[k] = (k - half) * sw / n;
            ppm[k] = fid.ReferencePpm + frequencies[k] / fid.ObserveFrequencyHz * 1e6;
            values[k] = buffer[source] * fid.DwellSeconds;
        }

        return new Spectrum(frequencies, ppm, values);
    }

    /// <summary>Index of the largest real value with ppm in [lowPpm, highPpm] (−1 if the window is empty).</summary>
    public int PeakIndex(double lowPpm, double highPpm)
    {
        int best = -1;
        for (int k = 0; k < Ppm.Length; k++)
        {
            if (Ppm[k] < Math.Min(lowPpm, highPpm) || Ppm[k] > Math.Max(lowPpm, highPpm)) continue;
            if (best < 0 || Values[k].Real > Values[best].Real) best = k;
        }

        return best;
    }

    /// <summary>Σ Re S_k Δf over points with ppm in [lowPpm, highPpm] (rectangle rule; signal units).</summary>
    public double RealArea(double lowPpm, double highPpm)
    {
        double sum = 0, df = Math.Abs(ResolutionHz);
        for (int k = 0; k < Ppm.Length; k++)
        {
            if (Ppm[k] >= Math.Min(lowPpm, highPpm) && Ppm[k] <= Math.Max(lowPpm, highPpm)) sum += Values[k].Real * df;
        }

        return sum;
    }
}
