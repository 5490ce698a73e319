using System;
using System.Collections.Generic;
using System.Numerics;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// A free-induction decay: complex points s(n·Δt), n = 0 … N−1, in the normalisation of
/// <see cref="Acquisition"/> (one fully excited spin has |s(0)| = 1), with what the spectrum axis needs.
/// </summary>
/// <param name="Points">The complex samples (not copied).</param>
/// <param name="DwellSeconds">Sampling interval Δt = 1/SW in s.</param>
/// <param name="ObserveFrequencyHz">Larmor frequency γB0/2π of the observed isotope in Hz (signed), which converts Hz to ppm.</param>
/// <param name="ReferencePpm">Shift of the receiver reference (0 Hz) in ppm.</param>
public sealed record Fid(Complex[] Points, double DwellSeconds, double ObserveFrequencyHz, double ReferencePpm)
{
    /// <summary>Acquisition time of point n, s.</summary>
    public double TimeAt(int n) => n * DwellSeconds;

    /// <summary>
    /// Synthesises the FID Σ_lines A e^{i2πft} e^{−πLB t} · e^{−iφ_rx} at t = nΔt (exact, no time stepping).
    /// </summary>
    public static Fid FromLines(IEnumerable<SpectralLine> lines, Acquisition acquisition, double observeFrequencyHz, double referencePpm)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(acquisition);
        var points = new Complex[acquisition.Points];
        AccumulateLines(lines, acquisition, 1.0, points);
        return new Fid(points, acquisition.DwellSeconds, observeFrequencyHz, referencePpm);
    }

    /// <summary>points[n] += weight · Σ_lines … (as <see cref="FromLines"/>).</summary>
    internal static void AccumulateLines(IEnumerable<SpectralLine> lines, Acquisition acquisition, double weight, Complex[] points)
    {
        double dt = acquisition.DwellSeconds;
        Complex receiver = Complex.FromPolarCoordinates(weight, -acquisition.ReceiverPhaseDegrees * Math.PI / 180);
        double decay = Math.Exp(-Math.PI * acquisition.LineBroadeningHz * dt);
        foreach (SpectralLine line in lines)
        {
            // Recurrence z_{n+1} = z_n · e^{(i2πf − πLB)Δt}, re-anchored every 256 points to bound round-off.
            Complex step = Complex.FromPolarCoordinates(decay, 2 * Math.PI * line.FrequencyHz * dt);
            Complex amplitude = receiver * line.Amplitude;
            Complex z = Complex.Zero;
            for (int n = 0; n < points.Length; n++)
            {
                if ((n & 255) == 0)
                {
                    double t = n * dt;
                    z = Complex.FromPolarCoordinates(Math.Exp(-Math.PI * acquisition.LineBroadeningHz * t), 2 * Math.PI * line.FrequencyHz * t);
                }
                else
                {
                    z *= step;
                }

                points[n] += amplitude * z;
            }
        }
    }

    /// <summary>Checks that two FIDs share length and dwell time (for sums and comparisons).</summary>
    internal static void RequireCompatible(Fid a, Fid b)
    {
        if (a.Points.Length != b.Points.Length || Math.Abs(a.DwellSeconds - b.DwellSeconds) > 1e-15 * a.DwellSeconds)
        {
            throw new ArgumentException(Invariant($"FIDs differ in length or dwell time ({a.Points.Length}, {a.DwellSeconds} s) vs ({b.Points.Length}, {b.DwellSeconds} s)."));
        }
    }
}
