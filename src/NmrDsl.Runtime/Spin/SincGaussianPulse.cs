using System;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// Generator of a Gaussian-apodised sinc pulse, a common selective excitation/refocusing shape:
/// a(τ) = A · sinc(π L τ) · exp(−τ²/(2σ²)), τ = (t − T/2)/(T/2) ∈ [−1, 1] at step centres,
/// with L zero crossings on each side of the main lobe (sinc x = sin x / x). Negative lobes are
/// phase-π amplitudes (negative u_x). A is chosen so that the on-resonance small-angle flip
/// 360°·Σ_j a_j Δt equals the requested flip angle.
/// </summary>
public static class SincGaussianPulse
{
    /// <summary>Creates the pulse.</summary>
    /// <param name="durationSeconds">Total duration T in s.</param>
    /// <param name="steps">Number of piecewise-constant steps.</param>
    /// <param name="flipDegrees">Target flip angle in degrees.</param>
    /// <param name="zeroCrossings">Zero crossings L per side inside each half of the pulse (time-bandwidth product ≈ 2(L + 1)).</param>
    /// <param name="gaussianSigma">Gaussian width σ in units of T/2 (large = little apodisation).</param>
    /// <param name="phaseRadians">Phase of the main lobe (0 = x).</param>
    public static ShapedPulse Create(double durationSeconds, int steps, double flipDegrees, int zeroCrossings = 2, double gaussianSigma = 0.5, double phaseRadians = 0)
    {
        if (!(durationSeconds > 0) || !double.IsFinite(durationSeconds)) throw new ArgumentException(Invariant($"Pulse duration must be positive, got {durationSeconds} s."), nameof(durationSeconds));
        if (steps < 1) throw new ArgumentException(Invariant($"A pulse needs at least one step, got {steps}."), nameof(steps));
        if (zeroCrossings < 0) throw new ArgumentException(Invariant($"Zero crossings must be ≥ 0, got {zeroCrossings}."), nameof(zeroCrossings));
        if (!(gaussianSigma > 0)) throw new ArgumentException(Invariant($"The Gaussian width must be positive, got {gaussianSigma}."), nameof(gaussianSigma));
        double dt = durationSeconds / steps;
        var shape = new double[steps];
        double area = 0;
        for (int j = 0; j < steps; j++)
        {
            double tau = ((j + 0.5) * dt - durationSeconds / 2) / (durationSeconds / 2);
            double x = Math.PI * (zeroCrossings + 1) * tau;
            double sinc = Math.Abs(x) < 1e-12 ? 1 : Math.Sin(x) / x;
            shape[j] = sinc * Math.Exp(-tau * tau / (2 * gaussianSigma * gaussianSigma));
            area += shape[j] * dt;
        }

        if (Math.Abs(area) < 1e-300) throw new ArgumentException("The sinc-Gaussian shape has zero area; change the zero crossings or width.");
        double scale = flipDegrees / 360 / area;
        var x2 = new double[steps];
        var y2 = new double[steps];
        for (int j = 0; j < steps; j++)
        {
            x2[j] = scale * shape[j] * Math.Cos(phaseRadians);
            y2[j] = scale * shape[j] * Math.Sin(phaseRadians);
        }

        return new ShapedPulse(dt, x2, y2);
    }
}
