using System;

namespace NmrDsl.Benchmarks;

/// <summary>
/// Fractional uptake of a sphere with fixed surface value (Crank, The Mathematics of Diffusion,
/// 2nd ed., eq. 6.20): 1 − (6/π²) Σ exp(−n²π²Dt/R²)/n².
/// </summary>
internal static class SphereSeries
{
    public static double Uptake(double t, double radius, double diffusivity)
    {
        double sum = 0;
        double tau = diffusivity * t / (radius * radius);
        for (int n = 1; n < 100_000; n++)
        {
            double term = Math.Exp(-n * n * Math.PI * Math.PI * tau) / (n * n);
            sum += term;
            if (term < 1e-18 * sum && n > 10) break;
        }
        return 1 - (6 / (Math.PI * Math.PI) * sum);
    }
}
