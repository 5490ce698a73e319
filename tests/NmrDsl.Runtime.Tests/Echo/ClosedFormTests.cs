using System;
using System.Numerics;
using NmrDsl.Runtime.Echo;

namespace NmrDsl.Runtime.Tests.Echo;

/// <summary>
/// α = 0 closed form and echo position (reference: /work/shared/reference/echo-challenge.md §1.3, "Closed form for
/// α = 0" and "Pulse sequence and time grid"), on the reference 50×50 lattice (cheap: no mean field at α = 0).
/// </summary>
public sealed class ClosedFormTests
{
    private static Complex ClosedForm(double[] offsets, double gamma, EchoTimeGrid grid, int k)
    {
        double t = grid.TimeOf(k);
        double shift = k <= grid.StepsBeforeRefocusing ? t : t - 2 * grid.TimeOf(grid.StepsBeforeRefocusing);
        double re = 0, im = 0;
        foreach (double d in offsets)
        {
            (double sin, double cos) = Math.SinCos(-d * shift);
            re += cos;
            im += sin;
        }

        var mean = new Complex(re / offsets.Length, im / offsets.Length);
        return new Complex(0, -0.5) * Math.Exp(-gamma * t / 2) * mean;
    }

    /// <summary>
    /// M_k = −(i/2) e^{−Γt_k/2} (1/N) Σ_j e^{−iΔ_j s_k}, s_k = t_k (k ≤ 157) or t_k − 2T (k ≥ 158), T = 314, given the drawn
    /// offsets; d ∈ {3, 4.5, 6} and Γ = 0 (which takes the rotation path). Tolerance 1e-12 absolute on every sample
    /// (|M| ≤ ½; 471 exact steps accumulate ~1e-15).
    /// </summary>
    [Theory]
    [InlineData(3.0)]
    [InlineData(4.5)]
    [InlineData(6.0)]
    [InlineData(double.PositiveInfinity)]
    public void AlphaZeroReproducesClosedForm(double d)
    {
        EchoModel model = EchoModel.Reference;
        var parameters = new EchoParameters(0, 5, 3, d);
        EchoCurve curve = EchoSimulator.Simulate(model, parameters, 12345);
        double[] offsets = model.Offsets.Draw(12345, model.Lattice.SiteCount);
        double worst = 0;
        for (int k = 1; k <= curve.Samples.Length; k++)
        {
            worst = Math.Max(worst, (curve.Samples[k - 1] - ClosedForm(offsets, parameters.Gamma, model.TimeGrid, k)).Magnitude);
        }

        Assert.True(worst < 1e-12, $"max |M − closed form| = {worst:E3}");
    }

    /// <summary>
    /// Echo at sample 314 (1-based), t = 628 ≈ 99.95 µs, with M_314 = −(i/2)e^{−314Γ} (1e-12): the 180° pulse after sample
    /// 157 (t = 314), 471 samples, last t = 942. With α = 0.1 the echo is distorted but the grid is the same.
    /// </summary>
    [Fact]
    public void EchoIndexAndTimeMatchReference()
    {
        EchoTimeGrid grid = EchoTimeGrid.Reference;
        Assert.Equal(157, grid.StepsBeforeRefocusing);
        Assert.Equal(471, grid.SampleCount);
        Assert.Equal(314, grid.EchoSample);
        Assert.Equal(628.0, grid.TimeOf(grid.EchoSample));
        Assert.Equal(942.0, grid.TimeOf(grid.SampleCount));
        Assert.Equal(99.95e-6, EchoTimeGrid.ToSeconds(628), 8);

        var parameters = new EchoParameters(0, 5, 3, 3.5);
        EchoCurve curve = EchoSimulator.Simulate(EchoModel.Reference, parameters, 99);
        Assert.Equal(314, curve.ArgMaxMagnitude(grid.StepsBeforeRefocusing + 1));
        Complex echo = curve.Samples[313];
        Assert.True((echo - new Complex(0, -0.5 * Math.Exp(-314 * parameters.Gamma))).Magnitude < 1e-12, $"M_314 = {echo}");
    }
}
