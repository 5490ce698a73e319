using System;
using System.Linq;

namespace NmrDsl.Runtime.Fitting;

/// <summary>
/// The stretched-exponential build-up f(t) = C (1 − exp(−(t/T)^β)) (Tse &amp; Hartmann 1968; the form the poster fits
/// to its data for augmentation, seed pinn-hyperpolarized-dnp-poster.txt; reference/spin-diffusion-pinn.md §1.2).
/// </summary>
/// <param name="Amplitude">C, in the data's unit.</param>
/// <param name="Time">T, s.</param>
/// <param name="Exponent">β (1: exponential; ≈ 0.5: the √t of diffusion-limited early build-up).</param>
/// <param name="MaxRelativeDeviation">max |f − data| / max |data| over the fitted points: how much the smooth form distorts the data.</param>
public sealed record StretchedExponential(double Amplitude, double Time, double Exponent, double MaxRelativeDeviation)
{
    /// <summary>f(t).</summary>
    public double Evaluate(double t) => t <= 0 ? 0.0 : Amplitude * (1 - Math.Exp(-Math.Pow(t / Time, Exponent)));

    /// <summary>
    /// Least-squares fit to (t, y) (<see cref="LeastSquaresFit"/>: C and T on a log scale, β in [0.1, 3]); starts from
    /// C = 1.05 max y, T where y first reaches (1 − 1/e) of that, β = 1.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 3 points, or no positive build-up to fit.</exception>
    public static StretchedExponential Fit(double[] times, double[] values)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(values);
        if (times.Length != values.Length || times.Length < 3) throw new ArgumentException("a stretched-exponential fit needs at least 3 (t, y) points of equal count");
        double peak = values.Max();
        double end = times.Max();
        if (!(peak > 0) || !(end > 0)) throw new ArgumentException("a stretched-exponential fit needs a positive build-up at positive times");
        double c0 = 1.05 * peak;
        int rise = Array.FindIndex(values, v => v >= (1 - 1 / Math.E) * c0);
        double t0 = rise > 0 ? times[rise] : end / 2;
        var parameters = new[]
        {
            new FitParameter("C", c0, 1e-6 * peak, 1e6 * peak, LogScale: true),
            new FitParameter("T", Math.Max(t0, 1e-9 * end), 1e-9 * end, 1e6 * end, LogScale: true),
            new FitParameter("beta", 1.0, 0.1, 3.0),
        };
        double[] Model(double[] p) => times.Select(t => t <= 0 ? 0.0 : p[0] * (1 - Math.Exp(-Math.Pow(t / p[1], p[2])))).ToArray();
        var fit = LeastSquaresFit.Fit(parameters, Model, values, options: new FitOptions { MaxIterations = 500, MaxDegreeOfParallelism = 1 });
        double[] f = Model(fit.Estimates);
        double deviation = f.Zip(values).Max(z => Math.Abs(z.First - z.Second)) / values.Max(Math.Abs);
        return new StretchedExponential(fit.Estimates[0], fit.Estimates[1], fit.Estimates[2], deviation);
    }
}
