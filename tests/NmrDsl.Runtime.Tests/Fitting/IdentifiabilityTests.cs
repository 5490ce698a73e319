using System;
using System.Linq;
using NmrDsl.Runtime.Fitting;
using Xunit.Abstractions;

namespace NmrDsl.Runtime.Tests.Fitting;

/// <summary>y = exp(−D t/R²) determines D/R² only: the report must say so and name the combination.</summary>
public sealed class IdentifiabilityTests
{
    private const double D = 500e-18;  // m²/s
    private const double R = 1e-6;     // m; R²/D = 2000 s
    private static readonly double[] Times = Enumerable.Range(1, 30).Select(i => 150.0 * i).ToArray();

    private readonly ITestOutputHelper _output;

    public IdentifiabilityTests(ITestOutputHelper output) => _output = output;

    private static double[] Model(double[] p) => Times.Select(t => Math.Exp(-p[0] * t / (p[1] * p[1]))).ToArray();

    [Fact]
    public void DegenerateModelIsFlaggedAndCombinationNamed()
    {
        // Expected: not identifiable, warning naming "ln D − 2 ln R"; the determined combination D/R² is
        // recovered to 1e-8 relative; the weakest Fisher direction is ∝ (2, 1) in (ln D, ln R) to 1e-4; the
        // condition number exceeds 1/SingularityTolerance = 1e10.
        FitParameter[] p =
        [
            new FitParameter("D", 1e-16, 1e-20, 1e-12, LogScale: true, SiUnit: "m^2/s"),
            new FitParameter("R", 2e-6, 1e-9, 1e-4, LogScale: true, SiUnit: "m"),
        ];
        FitResult fit = LeastSquaresFit.Fit(p, Model, Model([D, R]));
        IdentifiabilityReport report = fit.Identifiability;
        _output.WriteLine(fit.ToString());
        _output.WriteLine($"eigenvalues {string.Join(", ", report.FisherEigenvalues.Select(e => e.ToString("E3", System.Globalization.CultureInfo.InvariantCulture)))}; condition {report.ConditionNumber:E3}; weakest {report.WeakestCombination}");
        Assert.False(report.IsIdentifiable);
        Assert.True(report.ConditionNumber > 1e10, $"condition {report.ConditionNumber:E3}");
        Assert.Contains(report.Warnings, w => w.Contains("D and R are not separately identifiable: only the combination ln D − 2 ln R is determined", StringComparison.Ordinal));
        Assert.Equal(1.0, report.WeakestDirection[0], 4);
        Assert.Equal(0.5, report.WeakestDirection[1], 4);
        double ratio = fit.Estimate("D") / (fit.Estimate("R") * fit.Estimate("R"));
        Assert.True(Math.Abs(ratio / (D / (R * R)) - 1) < 1e-8, $"D/R² = {ratio:R}");
        Assert.True(fit.StandardErrors.All(s => s > 1e3 * R), "standard errors must not look finite and small");
    }

    [Fact]
    public void KnownDiffusivityMakesRadiusIdentifiable()
    {
        // Control: with D fixed the same data determine R to 1e-8 and the report has no warning.
        FitParameter[] p = [new FitParameter("R", 2e-6, 1e-9, 1e-4, LogScale: true, SiUnit: "m")];
        FitResult fit = LeastSquaresFit.Fit(p, v => Model([D, v[0]]), Model([D, R]));
        Assert.True(fit.Identifiability.IsIdentifiable);
        Assert.Empty(fit.Identifiability.Warnings);
        Assert.True(Math.Abs(fit.Estimate("R") / R - 1) < 1e-8, $"R = {fit.Estimate("R"):R}");
    }

    [Fact]
    public void CombinationIsPrintedWithIntegerCoefficients()
    {
        Assert.Equal("ln D − 2 ln R", IdentifiabilityReport.Combination(["D", "R"], [1.0, -2.0000001]));
        Assert.Equal("−ln a + 0.5 ln b", IdentifiabilityReport.Combination(["a", "b", "c"], [-1.0, 0.5, 1e-9]));
    }
}
