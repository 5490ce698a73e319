using System;
using System.Linq;
using NmrDsl.Runtime.Fitting;

namespace NmrDsl.Runtime.Tests.Fitting;

/// <summary>The stretched-exponential fit used for the PINN's data augmentation.</summary>
public sealed class StretchedExponentialTests
{
    /// <summary>Noise-free samples of C (1 − exp(−(t/T)^β)) give back C, T, β to 1e-6 relative and a deviation below 1e-8.</summary>
    [Theory]
    [InlineData(11.5, 80.0, 0.6)]
    [InlineData(98.0, 3.0, 1.0)]
    [InlineData(1.0, 20.0, 1.7)]
    public void Recovers_its_own_parameters(double c, double T, double beta)
    {
        double[] t = Enumerable.Range(0, 120).Select(i => 300.0 * i / 119).ToArray();
        double[] y = t.Select(x => c * (1 - Math.Exp(-Math.Pow(x / T, beta)))).ToArray();
        var fit = StretchedExponential.Fit(t, y);
        Assert.Equal(1.0, fit.Amplitude / c, 6);
        Assert.Equal(1.0, fit.Time / T, 6);
        Assert.Equal(1.0, fit.Exponent / beta, 6);
        Assert.True(fit.MaxRelativeDeviation < 1e-8, fit.MaxRelativeDeviation.ToString("G3"));
        Assert.Equal(0.0, fit.Evaluate(0.0));
    }

    [Fact]
    public void Too_few_points_are_refused()
    {
        Assert.Throws<ArgumentException>(() => StretchedExponential.Fit(new[] { 0.0, 1.0 }, new[] { 0.0, 1.0 }));
    }
}
