using System;

namespace NmrDsl.Testing;

/// <summary>
/// Closed-form reference solutions and error measures shared by the validation tests and the
/// benchmarks (one copy, linked into each project as tests/Shared/ReferenceSolutions.cs).
/// </summary>
internal static class ReferenceSolutions
{
    /// <summary>First positive zero of the Bessel function J0 (Abramowitz &amp; Stegun, Table 9.5).</summary>
    public const double J0FirstZero = 2.404825557695773;

    /// <summary>
    /// Volume-averaged uptake of a sphere of radius R, initially at 0, surface held at 1
    /// (Crank, The Mathematics of Diffusion, 2nd ed., 1975, eq. 6.20):
    /// M_t/M_∞ = 1 − (6/π²) Σ_{n≥1} exp(−n² π² D t / R²) / n².
    /// </summary>
    public static double SphereUptake(double t, double radius, double diffusivity)
    {
        double tau = diffusivity * t / (radius * radius);
        double sum = 0;
        for (int n = 1; n <= 2000; n++)
        {
            double term = Math.Exp(-n * n * Math.PI * Math.PI * tau) / (n * (double)n);
            sum += term;
            if (term < 1e-20)
            {
                break;
            }
        }

        return 1.0 - 6.0 / (Math.PI * Math.PI) * sum;
    }

    /// <summary>
    /// Bessel J0 by its power series Σ (−1)^m (x/2)^{2m} / (m!)² (Abramowitz &amp; Stegun 9.1.10);
    /// MathNet.Numerics 5 has only spherical and modified Bessel functions. The terms alternate and
    /// shrink for x ≤ 3, so the sum is accurate to rounding there.
    /// </summary>
    public static double BesselJ0(double x)
    {
        double q = -(x * x) / 4.0, term = 1.0, sum = 1.0;
        for (int m = 1; m < 60; m++)
        {
            term *= q / (m * (double)m);
            sum += term;
            if (Math.Abs(term) < 1e-18 * Math.Abs(sum))
            {
                break;
            }
        }

        return sum;
    }

    /// <summary>Bessel J1 by its power series Σ (−1)^m (x/2)^{2m+1} / (m! (m+1)!) (A&amp;S 9.1.10).</summary>
    public static double BesselJ1(double x)
    {
        double q = -(x * x) / 4.0, term = x / 2.0, sum = term;
        for (int m = 1; m < 60; m++)
        {
            term *= q / (m * (double)(m + 1));
            sum += term;
            if (Math.Abs(term) < 1e-18 * Math.Abs(sum))
            {
                break;
            }
        }

        return sum;
    }

    /// <summary>Observed order log2(e_coarse / e_fine) for a grid or step refined by 2.</summary>
    public static double Order(double coarseError, double fineError) => Math.Log2(coarseError / fineError);

    /// <summary>First Fourier mode of the slab heat equation with zero ends: A sin(πx/L) exp(−απ²t/L²).</summary>
    public static double SlabMode(double x, double t, double length, double diffusivity, double amplitude)
        => amplitude * Math.Sin(Math.PI * x / length) * Math.Exp(-diffusivity * Math.PI * Math.PI * t / (length * length));
}
