using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NmrDsl.Runtime.Fitting;
using NmrDsl.Runtime.IO;

namespace NmrDsl.Specs.Tests;

/// <summary>
/// Issue 3's classical inverse fit: specs/dnp/fit-radius.nmr (the two-region sphere with <c>unknown R in 10 nm ..
/// 10 um log initial 1 um</c>, 2000 cells) fitted by <see cref="InverseFit"/> to the noise-free build-up curves of
/// the independent solver in ../shared/data/dnp/ (y and z, each weighted by 1/max|data|). To keep the run short,
/// 60 of the 600 data times are fitted (evenly spaced, first and last kept). Acceptance: R within 0.5 %.
/// </summary>
public sealed class FitRadiusTests(Xunit.Abstractions.ITestOutputHelper output)
{
    // StepTolerance 1e-6: stop when a step changes ln R by less than 1e-6 (R to 1e-6 relative, far inside 0.5 %).
    private InverseFitResult FitExample(string file, double endTime, int cells)
    {
        var options = new InverseFitOptions
        {
            MaxTimes = 60,
            Fixed = new Dictionary<string, double> { ["tend"] = endTime },
            Fit = new FitOptions { StepTolerance = 1e-6 },
        };
        var problem = new FitRadius();
        problem = new FitRadius(problem.Parameters) { Options = problem.Options with { Cells = cells } };
        var result = InverseFit.Fit(problem, CsvTable.Read(SharedData.DnpFile(file)), options);
        output.WriteLine(result.Fit.ToString());
        output.WriteLine(FormattableString.Invariant($"condition number {result.Fit.Identifiability.ConditionNumber:G3}; d ln y/d ln R at t = {result.SensitivityTimes[^1]} s: {result.Sensitivities[0][0][^1]:F4}"));
        return result;
    }

    /// <summary>R = 2.5 µm (300 s) from a start of 1 µm: within 0.5 % (issue 3 acceptance).</summary>
    [Fact]
    public void Recovers_the_radius_of_the_2_5_um_example()
    {
        var result = FitExample("public_example.csv", 300.0, cells: 2000);
        double r = result.Fit.Estimate("R");
        Assert.True(result.Fit.Converged, result.Fit.StopReason);
        Assert.True(Math.Abs(r / 2.5e-6 - 1) < 0.005, FormattableString.Invariant($"R = {r:G6} m, true 2.5e-6 m"));
        Assert.Equal(new[] { "y", "z" }, result.Observables);
        Assert.Equal(60, result.Times.Length);
        Assert.True(result.Fit.Identifiability.IsIdentifiable);
    }

    /// <summary>
    /// R = 25 nm (60 s, tend overridden as a fixed parameter) from a start of 1 µm. The data constrain R weakly here
    /// (d ln y/d ln R ≈ −0.007 at the end), but they are noise-free, so the fit is expected to land within 0.5 %;
    /// if it does not, it must at least say so (large relative standard error or a warning). 500 cells instead of the
    /// spec's 2000 for speed: the particle (25 nm, shell to 31.5 nm) is far below the diffusion length √(D T1) ≈ 170 nm.
    /// </summary>
    [Fact]
    public void Fits_the_25_nm_example_or_reports_that_it_cannot()
    {
        var result = FitExample("public_example_small.csv", 60.0, cells: 500);
        double r = result.Fit.Estimate("R"), se = result.Fit.StandardError("R");
        output.WriteLine(FormattableString.Invariant($"R = {r:G6} m ({r / 25e-9 - 1:P3} from 25 nm), SE {se:G3} m"));
        if (Math.Abs(r / 25e-9 - 1) < 0.005) return;
        Assert.True(se / r > 0.005 || result.Fit.Identifiability.Warnings.Length > 0, "a missed estimate must come with a large SE or a warning");
    }

    /// <summary>
    /// Noisy data (issue 3 acceptance: "reports its standard error on noisy data"): the 2.5 µm curves at 60 times
    /// with Gaussian noise of 1 % of each curve's maximum (seeded), and sigma_y, sigma_z columns stating it. The fit
    /// must report a finite, positive standard error, land within 3 standard errors of 2.5 µm, and have a reduced χ²
    /// consistent with the noise (0.5 .. 2 for 118 degrees of freedom).
    /// </summary>
    [Fact]
    public void Reports_the_standard_error_on_noisy_data()
    {
        var clean = CsvTable.Read(SharedData.DnpFile("public_example.csv"));
        int[] rows = Enumerable.Range(0, 60).Select(i => (int)Math.Round(i * 599.0 / 59)).ToArray();
        var random = new Random(20261123);
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        double sy = 0.01 * clean.Column("y").Max(), sz = 0.01 * clean.Column("z").Max();
        var text = new System.Text.StringBuilder("t,y,z,sigma_y,sigma_z\n");
        foreach (int i in rows)
        {
            text.Append(FormattableString.Invariant($"{clean.Column("t")[i]:R},{clean.Column("y")[i] + sy * Gaussian():R},{clean.Column("z")[i] + sz * Gaussian():R},{sy:R},{sz:R}\n"));
        }
        var noisy = CsvTable.Read(new StringReader(text.ToString()), "noisy-public-example.csv");
        var problem = new FitRadius();
        var result = InverseFit.Fit(problem, noisy, new InverseFitOptions
        {
            Fixed = new Dictionary<string, double> { ["tend"] = 300.0 },
            Fit = new FitOptions { StepTolerance = 1e-6 },
        });
        double r = result.Fit.Estimate("R"), se = result.Fit.StandardError("R");
        output.WriteLine(FormattableString.Invariant($"R = {r:G6} m ± {se:G3} ({se / r:P2}), {(r - 2.5e-6) / se:F2} SE from the truth, reduced chi2 {result.Fit.ReducedChiSquare:F3}"));
        Assert.True(result.SigmaFromData);
        Assert.True(se > 0 && double.IsFinite(se));
        Assert.True(Math.Abs(r - 2.5e-6) < 3 * se, FormattableString.Invariant($"R = {r:G6} ± {se:G3} m"));
        Assert.InRange(result.Fit.ReducedChiSquare, 0.5, 2.0);
    }
}
