using System;
using System.Linq;
using NmrDsl.Runtime.Mas;
using NmrDsl.Runtime.Spin;

namespace NmrDsl.Runtime.Tests.Mas;

/// <summary>
/// Second-order quadrupolar MAS central-transition lineshapes against the closed forms of Freude &amp; Haase (see
/// <see cref="FreudeHaase"/>; no MAS facts are in /work/shared/reference/descriptors.md, so the standard CT theory is the reference).
/// </summary>
public sealed class MasLineshapeTests
{
    private static readonly Lazy<MasSpectrumSimulator> Al27 = new(() => new MasSpectrumSimulator(QuadrupolarIsotopes.Al27, 9.4, 22));

    [Fact]
    public void RotorAveragedFactorEqualsTheClosedFormForAnyOrientationAndEta()
    {
        var random = new Random(6);
        double worst = 0;
        for (int i = 0; i < 300; i++)
        {
            double x = random.NextDouble(), phi = 2 * Math.PI * random.NextDouble(), eta = random.NextDouble();
            double q = MasPowderPattern.RotorAveragedQ(eta, Math.Acos(x), phi);
            worst = Math.Max(worst, Math.Abs(q - 1.5 * FreudeHaase.F(x, phi, eta)));
        }

        Assert.True(worst < 1e-13, $"max |Q − 1.5 F| = {worst:E2}");
    }

    [Fact]
    public void PatternCoefficientsEqualTheDirectRotorAverage()
    {
        // Compute expands Q in η from the same rotations without allocations; it must equal RotorAveragedQ (checked above
        // against the closed form) orientation by orientation.
        PowderOrientations zcw = PowderOrientations.Zcw(10);
        MasPowderPattern pattern = MasPowderPattern.Compute(zcw);
        double worst = 0;
        foreach (double eta in new[] { 0.0, 0.37, 1.0 })
        {
            for (int j = 0; j < zcw.Count; j++)
            {
                worst = Math.Max(worst, Math.Abs(pattern.Q(j, eta) - MasPowderPattern.RotorAveragedQ(eta, zcw.Beta[j], zcw.Alpha[j])));
            }
        }

        Assert.True(worst < 1e-13, $"max difference {worst:E2}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void PowderMeanGivesTheIsotropicQuadrupolarShift(double eta)
    {
        // ⟨Q⟩ over the sphere = (3/10)(1 + η²/3) (FreudeHaase: ⟨F⟩ = (1 + η²/3)/5). ZCW cos β = 1 − j/N is a
        // rectangle rule: error ≤ max|dQ/dx| / N ≈ 3 / 75025 ≈ 4e-5.
        MasPowderPattern pattern = Al27.Value.Pattern!;
        double mean = Enumerable.Range(0, pattern.Count).Average(j => pattern.Q(j, eta));
        Assert.Equal(0.3 * (1 + eta * eta / 3), mean, 4e-5);
        double scale = SecondOrderQuadrupolar.ScalePpm(QuadrupolarIsotopes.Al27, 9.4, 5);
        Assert.Equal(-scale * 0.3 * (1 + eta * eta / 3), SecondOrderQuadrupolar.IsotropicShiftPpm(QuadrupolarIsotopes.Al27, 9.4, 5, eta), 1e-9);
    }

    [Fact]
    public void EtaZeroEdgesAndHornSitWhereTheAnalyticFormulaPutsThem()
    {
        (PpmAxis axis, double[] h, double scale) = Histogram(0);
        double step = axis.Step;
        double highEdge = -scale * 1.5 * FreudeHaase.Eta0Min, lowEdge = -scale * 1.5 * FreudeHaase.Eta0Max;
        double horn = -scale * 1.5 * FreudeHaase.Eta0Horn;
        (double first, double last) = Support(axis, h);
        // Linear deposit spreads a point over its two neighbouring bin centres: edges agree to one bin.
        Assert.InRange(first, lowEdge - step, lowEdge + step);
        Assert.InRange(last, highEdge - step, highEdge + step);
        // The two divergences: the high-ppm edge is the tallest bin; the horn at F = 5/16 is the tallest in the interior.
        Assert.InRange(ArgMax(axis, h, double.NegativeInfinity, double.PositiveInfinity), highEdge - 2 * step, highEdge + step);
        Assert.InRange(ArgMax(axis, h, lowEdge + 5 * step, highEdge - 5 * step), horn - 2 * step, horn + 2 * step);
    }

    [Fact]
    public void EtaOneEdgesAndSingularitiesSitWhereTheAnalyticFormulaPutsThem()
    {
        (PpmAxis axis, double[] h, double scale) = Histogram(1);
        double step = axis.Step;
        double highEdge = -scale * 1.5 * FreudeHaase.Eta1Min, lowEdge = -scale * 1.5 * FreudeHaase.Eta1Max;
        (double first, double last) = Support(axis, h);
        // The η = 1 minimum F = 0 is reached at one isolated point (k = −1, x² = ½), so the ZCW set gets near it only to
        // within its angular spacing: allow two bins there (≈ 0.06 ppm of the 26.9-ppm width).
        Assert.InRange(first, lowEdge - step, lowEdge + step);
        Assert.InRange(last, highEdge - 2 * step, highEdge + step);
        // The saddle-type singularities at F = 2/7 and 1/3 (k = +1 line) are the two tallest interior bins.
        double a = -scale * 1.5 * FreudeHaase.Eta1SaddleHigh, b = -scale * 1.5 * FreudeHaase.Eta1SaddleLow;
        double peak = ArgMax(axis, h, lowEdge + 5 * step, highEdge - 5 * step);
        Assert.True(Math.Abs(peak - a) <= 2 * step || Math.Abs(peak - b) <= 2 * step, $"tallest interior bin at {peak} ppm; expected {a} or {b}");
    }

    private static (PpmAxis Axis, double[] Histogram, double Scale) Histogram(double eta)
    {
        // ²⁷Al (I = 5/2) at 9.4 T, C_Q = 5 MHz: scale 10⁶ a² S / ν0² ≈ 46 ppm; bins of 0.03 ppm from −45 to 2 ppm.
        double scale = SecondOrderQuadrupolar.ScalePpm(QuadrupolarIsotopes.Al27, 9.4, 5);
        var axis = new PpmAxis(-45, 2, 1568);
        MasSpectrum spectrum = Al27.Value.Simulate([new QuadrupolarSite(0, 5, eta)], axis, 0);
        Assert.Equal(0, spectrum.OutsideWeight);
        Assert.Equal(1, spectrum.Area(), 1e-12);
        return (axis, spectrum.Intensity, scale);
    }

    private static (double First, double Last) Support(PpmAxis axis, double[] h)
    {
        int first = Array.FindIndex(h, v => v > 0), last = Array.FindLastIndex(h, v => v > 0);
        return (axis.At(first), axis.At(last));
    }

    private static double ArgMax(PpmAxis axis, double[] h, double fromPpm, double toPpm)
    {
        int best = -1;
        for (int i = 0; i < h.Length; i++)
        {
            double x = axis.At(i);
            if (x >= fromPpm && x <= toPpm && (best < 0 || h[i] > h[best]))
            {
                best = i;
            }
        }

        return axis.At(best);
    }
}
