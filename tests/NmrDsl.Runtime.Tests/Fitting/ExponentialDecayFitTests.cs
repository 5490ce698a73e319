using System;
using System.Diagnostics;
using System.Linq;
using NmrDsl.Runtime.Fitting;
using Xunit.Abstractions;

namespace NmrDsl.Runtime.Tests.Fitting;

/// <summary>y = A exp(−t/τ): exact recovery, and standard errors checked against a Monte Carlo spread.</summary>
public sealed class ExponentialDecayFitTests
{
    private const double TrueA = 2.5;
    private const double TrueTau = 3.0; // s
    private static readonly double[] Times = Enumerable.Range(0, 40).Select(i => 0.25 * i).ToArray();

    private readonly ITestOutputHelper _output;

    public ExponentialDecayFitTests(ITestOutputHelper output) => _output = output;

    private static double[] Model(double[] p) => Times.Select(t => p[0] * Math.Exp(-t / p[1])).ToArray();

    private static FitParameter[] PoorStart() =>
    [
        new FitParameter("A", 1.0, 0.0, 100.0),
        new FitParameter("tau", 0.3, 1e-3, 1e3, LogScale: true, SiUnit: "s"),
    ];

    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static double[] Noisy(int seed, double sigma)
    {
        var random = new Random(seed);
        return Model([TrueA, TrueTau]).Select(y => y + sigma * Gaussian(random)).ToArray();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ExactDataRecoversAAndTauFromPoorStart(bool central)
    {
        // Tolerance: relative error < 1e-8 for A and τ (central and forward differences; the Jacobian only steers
        // the iteration, the minimum of χ² is exact).
        FitResult fit = LeastSquaresFit.Fit(PoorStart(), Model, Model([TrueA, TrueTau]), options: new FitOptions { CentralDifferences = central });
        _output.WriteLine(fit.ToString());
        Assert.True(fit.Converged, fit.StopReason);
        Assert.True(Math.Abs(fit.Estimate("A") / TrueA - 1) < 1e-8, $"A = {fit.Estimate("A"):R}");
        Assert.True(Math.Abs(fit.Estimate("tau") / TrueTau - 1) < 1e-8, $"tau = {fit.Estimate("tau"):R}");
        Assert.True(fit.Identifiability.IsIdentifiable);
        Assert.Empty(fit.Identifiability.Warnings);
    }

    [Fact]
    public void NoisyEstimateLiesWithinThreeStandardErrors()
    {
        // Tolerance: |estimate − truth| < 3 SE for both parameters (σ = 0.02, seed 12345); the reduced χ² with
        // σ given is within [0.5, 1.6] (χ² with 38 degrees of freedom: 1 ± 0.23 at one standard deviation).
        const double sigma = 0.02;
        double[] data = Noisy(12345, sigma);
        FitResult fit = LeastSquaresFit.Fit(PoorStart(), Model, data, sigma: Enumerable.Repeat(sigma, data.Length).ToArray());
        _output.WriteLine(fit.ToString());
        Assert.True(fit.Converged, fit.StopReason);
        Assert.InRange(Math.Abs(fit.Estimate("A") - TrueA), 0, 3 * fit.StandardError("A"));
        Assert.InRange(Math.Abs(fit.Estimate("tau") - TrueTau), 0, 3 * fit.StandardError("tau"));
        Assert.InRange(fit.ReducedChiSquare, 0.5, 1.6);
        Assert.Equal(1.0, fit.Correlation[0, 0], 12);
        Assert.InRange(fit.Correlation[0, 1], -1.0, 1.0);
    }

    [Fact]
    public void StandardErrorMatchesMonteCarloSpread()
    {
        // 200 refits of seeded noisy data (σ = 0.02, seeds 1..200, sigma not given, so the covariance is scaled
        // by the residual variance). Tolerance: the mean reported standard error of A and of τ agrees with the
        // sample standard deviation of the 200 estimates within 25 % (the sample SD itself is uncertain by
        // about 1/√400 = 5 %).
        const double sigma = 0.02;
        const int runs = 200;
        var a = new double[runs];
        var tau = new double[runs];
        var seA = new double[runs];
        var seTau = new double[runs];
        var clock = Stopwatch.StartNew();
        var options = new FitOptions { MaxDegreeOfParallelism = 1 };
        int iterations = 0;
        for (int k = 0; k < runs; k++)
        {
            FitResult fit = LeastSquaresFit.Fit(PoorStart(), Model, Noisy(k + 1, sigma), options: options);
            Assert.True(fit.Converged, fit.StopReason);
            (a[k], tau[k], seA[k], seTau[k]) = (fit.Estimates[0], fit.Estimates[1], fit.StandardErrors[0], fit.StandardErrors[1]);
            iterations += fit.Iterations;
        }

        static double Sd(double[] x)
        {
            double mean = x.Average();
            return Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
        }

        double ratioA = seA.Average() / Sd(a), ratioTau = seTau.Average() / Sd(tau);
        _output.WriteLine($"{runs} refits in {clock.Elapsed.TotalSeconds:F2} s, {iterations / (double)runs:F1} iterations each; " +
            $"A: mean SE {seA.Average():E3}, MC SD {Sd(a):E3}, ratio {ratioA:F3}; tau: mean SE {seTau.Average():E3}, MC SD {Sd(tau):E3}, ratio {ratioTau:F3}; " +
            $"mean A {a.Average():F5}, mean tau {tau.Average():F5}");
        Assert.InRange(ratioA, 0.75, 1.25);
        Assert.InRange(ratioTau, 0.75, 1.25);
    }

    [Fact]
    public void ReportsProgressEveryIteration()
    {
        var reports = new System.Collections.Generic.List<FitProgress>();
        FitResult fit = LeastSquaresFit.Fit(PoorStart(), Model, Model([TrueA, TrueTau]), progress: new SynchronousProgress(reports.Add));
        Assert.Equal(fit.Iterations, reports.Count);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.Second.ChiSquare <= p.First.ChiSquare), "χ² must not increase");
    }

    [Fact]
    public void HonoursBoundsOnTheEstimate()
    {
        // True τ = 3 s lies above the upper bound 2 s: the fit must stop on the bound and say so.
        FitParameter[] p = [new FitParameter("A", 1.0, 0.0, 100.0), new FitParameter("tau", 0.5, 1e-3, 2.0, LogScale: true, SiUnit: "s")];
        FitResult fit = LeastSquaresFit.Fit(p, Model, Model([TrueA, TrueTau]));
        _output.WriteLine(fit.ToString());
        Assert.Equal(2.0, fit.Estimate("tau"), 12);
        Assert.Contains(fit.Identifiability.Warnings, w => w.StartsWith("tau ended at a bound", StringComparison.Ordinal));
    }

    private sealed class SynchronousProgress(Action<FitProgress> action) : IProgress<FitProgress>
    {
        public void Report(FitProgress value) => action(value);
    }
}
