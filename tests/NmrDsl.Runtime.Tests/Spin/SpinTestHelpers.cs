using System;
using System.Linq;
using System.Numerics;
using NmrDsl.Runtime.Spin;

namespace NmrDsl.Runtime.Tests.Spin;

/// <summary>Small helpers shared by the spin tests (reference: /work/shared/reference/spin-dynamics.md).</summary>
internal static class SpinTestHelpers
{
    public const string Reference = "/work/shared/reference/spin-dynamics.md";

    /// <summary>A homonuclear ¹H system from (name, ppm) pairs and (i, j, Hz) couplings.</summary>
    public static SpinSystem Protons(double fieldTesla, double referencePpm, (string Name, double Ppm)[] spins, params (int A, int B, double Hz)[] couplings) =>
        new("test", spins.Select(s => new SpinSite(s.Name, Isotope.H1, s.Ppm)), couplings.Select(c => new ScalarCoupling(c.A, c.B, c.Hz)), fieldTesla, referencePpm);

    /// <summary>A ¹H system whose offsets are given directly in Hz (reference 0 ppm).</summary>
    public static SpinSystem ProtonsHz(double fieldTesla, double[] offsetsHz, params (int A, int B, double Hz)[] couplings)
    {
        double nu0 = Isotope.H1.LarmorFrequencyHz(fieldTesla);
        return Protons(fieldTesla, 0, offsetsHz.Select((f, k) => ("S" + k, f / nu0 * 1e6)).ToArray(), couplings);
    }

    /// <summary>Expectation Tr(σ A) / Tr(I_z²) (one spin's full polarisation = 1).</summary>
    public static Complex Expectation(ComplexMatrix sigma, ComplexMatrix a, double norm) => ComplexMatrix.TraceOfProduct(sigma, a) / norm;

    public static double RelativeError(double actual, double expected) => Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-300);

    public static double MaxAbsDifference(Complex[] a, Complex[] b) => a.Zip(b, (x, y) => (x - y).Magnitude).Max();
}
