using System;

namespace NmrDsl.Specs.Tests;

/// <summary>Closed-form solutions the generated solvers are checked against.</summary>
internal static class AnalyticSolutions
{
    /// <summary>
    /// Fractional uptake of a sphere of radius R with fixed surface value, initially empty
    /// (Crank, The Mathematics of Diffusion, 2nd ed., eq. 6.20):
    /// M(t)/M∞ = 1 − (6/π²) Σ_{n≥1} exp(−n²π²Dt/R²)/n². Summed until terms fall below 1e-18 of the sum.
    /// </summary>
    public static double SphereUptake(double t, double radius, double diffusivity)
    {
        double tau = diffusivity * t / (radius * radius);
        double sum = 0;
        for (int n = 1; n < 1_000_000; n++)
        {
            double term = Math.Exp(-n * (double)n * Math.PI * Math.PI * tau) / (n * (double)n);
            sum += term;
            if (n > 10 && term < 1e-18 * sum) break;
        }
        return 1 - (6 / (Math.PI * Math.PI) * sum);
    }

    /// <summary>First Fourier mode of the slab heat equation with zero ends: T0 sin(πx/L) exp(−απ²t/L²).</summary>
    public static double SlabMode(double x, double t, double length, double alpha, double amplitude)
        => amplitude * Math.Sin(Math.PI * x / length) * Math.Exp(-alpha * Math.PI * Math.PI * t / (length * length));

    /// <summary>Observed order of convergence from errors on grids refined by a factor 2.</summary>
    public static double Order(double coarseError, double fineError) => Math.Log(coarseError / fineError) / Math.Log(2);
}
