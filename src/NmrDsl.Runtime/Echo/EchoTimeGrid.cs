using System;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// The Hahn-echo time grid of the challenge (reference: /work/shared/reference/echo-challenge.md §1.3, "Pulse sequence
/// and time grid"). Time is dimensionless, t = γ·t_phys with γ = 2π·10⁶ s⁻¹ (one unit = 0.159155 µs), so a phase is
/// ν[MHz]·t. A 90ₓ pulse at t = 0; n_τ = round(τ·γ/dt) free steps of dt; a 180_y pulse; 2n_τ more steps. Samples
/// M_k are recorded after step k = 1 … 3n_τ at t_k = k·dt (t = 0 is not stored). Reference values: τ = 50 µs, dt = 2,
/// n_τ = 157, 471 samples, the 180° pulse between samples 157 and 158 (t = 314), the echo at sample 314 (1-based),
/// t = 628 ≈ 99.95 µs.
/// </summary>
public sealed record EchoTimeGrid
{
    /// <summary>γ = 2π·10⁶ s⁻¹: one dimensionless time unit is 1/γ seconds.</summary>
    public const double TimeUnitPerSecond = 2 * Math.PI * 1e6;

    /// <summary>A grid of <paramref name="stepsBeforeRefocusing"/> steps of <paramref name="step"/> before the 180° pulse.</summary>
    public EchoTimeGrid(double step, int stepsBeforeRefocusing)
    {
        if (!(step > 0) || !double.IsFinite(step))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "The time step must be positive and finite.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(stepsBeforeRefocusing, 1);
        Step = step;
        StepsBeforeRefocusing = stepsBeforeRefocusing;
    }

    /// <summary>The reference grid: τ = 50 µs, dt = 2 → n_τ = round(50e−6·2π·10⁶/2) = 157.</summary>
    public static EchoTimeGrid Reference { get; } = FromDelay(50e-6, 2.0);

    /// <summary>n_τ = round(τ·γ/dt) (round half away from zero, as Julia's round for these values).</summary>
    public static EchoTimeGrid FromDelay(double delaySeconds, double step) =>
        new(step, (int)Math.Round(delaySeconds * TimeUnitPerSecond / step, MidpointRounding.AwayFromZero));

    /// <summary>dt, dimensionless.</summary>
    public double Step { get; }

    /// <summary>n_τ: the 180° pulse follows sample n_τ.</summary>
    public int StepsBeforeRefocusing { get; }

    /// <summary>K = 3n_τ, the number of recorded samples.</summary>
    public int SampleCount => 3 * StepsBeforeRefocusing;

    /// <summary>The 1-based index of the echo sample, 2n_τ (314 in the reference).</summary>
    public int EchoSample => 2 * StepsBeforeRefocusing;

    /// <summary>t_k = k·dt of the 1-based sample k.</summary>
    public double TimeOf(int sample) => sample * Step;

    /// <summary>t_k for k = 1 … K (array index k − 1).</summary>
    public double[] Times()
    {
        var t = new double[SampleCount];
        for (int k = 1; k <= SampleCount; k++)
        {
            t[k - 1] = TimeOf(k);
        }

        return t;
    }

    /// <summary>Physical time of a dimensionless time, in seconds: t/γ.</summary>
    public static double ToSeconds(double t) => t / TimeUnitPerSecond;
}
