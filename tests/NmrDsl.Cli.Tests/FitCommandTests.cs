using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace NmrDsl.Cli.Tests;

/// <summary>`nmrdsl fit`: end to end on a fast case, and its user errors.</summary>
public class FitCommandTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static string SmallExample => Path.Combine(EndToEndTests.RepoRoot, "..", "shared", "data", "dnp", "public_example_small.csv");

    /// <summary>
    /// specs/dnp/fit-radius.nmr reduced to 200 cells and tend = 60 s (a few seconds) fitted to the independent
    /// solver's noise-free 25 nm curves (600 times, y and z) from R = 1 µm: result.json holds R within 0.5 % of
    /// 25 nm (measured −1e-4 at 200 cells), its standard error and unit; fit.csv and fit.png are written.
    /// </summary>
    [Fact]
    public void Fit_writes_result_json_with_the_estimate()
    {
        Assert.True(File.Exists(SmallExample), "the shared data are expected beside the repository: " + SmallExample);
        using var temp = new TempDir();
        string specText = File.ReadAllText(EndToEndTests.Spec("dnp/fit-radius.nmr")).Replace("cells 2000", "cells 200").Replace("tend = 300 s", "tend = 60 s");
        Assert.Contains("cells 200 ", specText, StringComparison.Ordinal);
        var spec = temp.File("fit-small.nmr", specText);
        var directory = Path.Combine(temp.Path, "out");

        var outcome = CliRunner.Run("fit", spec, "--data", SmallExample, "--method", "fv", "--out", directory);

        output.WriteLine(outcome.All);
        Assert.True(outcome.ExitCode == ExitCodes.Success, outcome.All);
        Assert.False(outcome.HasStackTrace, outcome.All);
        Assert.Contains("[fit]", outcome.Stdout, StringComparison.Ordinal); // progress per iteration
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "result.json")));
        var r = json.RootElement.GetProperty("unknowns").EnumerateArray().Single();
        Assert.Equal("R", r.GetProperty("name").GetString());
        Assert.Equal("m", r.GetProperty("unit").GetString());
        double estimate = r.GetProperty("estimate").GetDouble();
        Assert.True(Math.Abs(estimate / 25e-9 - 1) < 0.005, "R = " + estimate.ToString("G6", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(r.GetProperty("standard_error").GetDouble() > 0);
        Assert.True(json.RootElement.GetProperty("iterations").GetInt32() > 0);
        Assert.True(File.Exists(Path.Combine(directory, "fit.csv")));
        Assert.True(File.Exists(Path.Combine(directory, "fit.png")));
        Assert.StartsWith("r_nm,t_s,P", File.ReadAllText(Path.Combine(directory, "field.csv")), StringComparison.Ordinal);
        Assert.StartsWith("t_s,y_data,y_fit,z_data,z_fit", File.ReadAllText(Path.Combine(directory, "fit.csv")), StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>fit --method pinn</c> end to end with a small budget (30 Adam + 10 L-BFGS iterations on a 10 x 40 grid; this
    /// checks the command, not the PINN's accuracy, which the runtime tests cover): exit 0, progress with the loss
    /// terms and R, result.json with method, estimate, unit, loss terms and the finite-volume sensitivity, field.csv
    /// (r_nm,t_s,P), fit.csv and the three plots, and a checkpoint that a second run resumes from.
    /// </summary>
    [Fact]
    public void Fit_method_pinn_writes_the_report_and_resumes()
    {
        using var temp = new TempDir();
        string specText = File.ReadAllText(EndToEndTests.Spec("dnp/fit-radius.nmr"))
            .Replace("cells 2000", "cells 200").Replace("tend = 300 s", "tend = 60 s").Replace("radii 30 times 600", "radii 10 times 40");
        Assert.Contains("radii 10 times 40", specText, StringComparison.Ordinal);
        var spec = temp.File("fit-small.nmr", specText);
        var directory = Path.Combine(temp.Path, "out");

        var outcome = CliRunner.Run("fit", spec, "--data", SmallExample, "--method", "pinn", "--adam", "30", "--lbfgs", "10", "--out", directory);

        output.WriteLine(outcome.All);
        Assert.True(outcome.ExitCode == ExitCodes.Success, outcome.All);
        Assert.False(outcome.HasStackTrace, outcome.All);
        Assert.Contains("[pinn]", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("R = ", outcome.Stdout, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "result.json"))))
        {
            Assert.Equal("pinn", json.RootElement.GetProperty("method").GetString());
            var r = json.RootElement.GetProperty("unknowns").EnumerateArray().Single();
            Assert.Equal("m", r.GetProperty("unit").GetString());
            Assert.True(double.IsFinite(r.GetProperty("estimate").GetDouble()));
            Assert.True(json.RootElement.GetProperty("loss_terms").GetProperty("pde").GetDouble() >= 0);
            Assert.True(json.RootElement.GetProperty("sensitivity").GetProperty("t_s").GetArrayLength() > 0);
        }
        Assert.StartsWith("r_nm,t_s,P", File.ReadAllText(Path.Combine(directory, "field.csv")), StringComparison.Ordinal);
        foreach (var file in new[] { "fit.csv", "fit.png", "field.png", "loss.png", Path.Combine("checkpoint", "pinn-checkpoint.json") })
        {
            Assert.True(File.Exists(Path.Combine(directory, file)), file);
        }

        var again = CliRunner.Run("fit", spec, "--data", SmallExample, "--method", "pinn", "--adam", "30", "--lbfgs", "10", "--out", directory);
        Assert.True(again.ExitCode == ExitCodes.Success, again.All);
        Assert.Contains("resumed from a checkpoint", again.Stdout, StringComparison.Ordinal);
    }

    /// <summary>
    /// Without --data, <c>fit</c> takes the spec's <c>data y, z from "fit-radius-example.csv"</c> line (the example
    /// shipped in specs/dnp, generated by the spec's own solver at R = 1.2 µm with 2000 cells); at 1000 cells the
    /// estimate is within 0.5 % of 1.2 µm.
    /// </summary>
    [Fact]
    public void Fit_takes_the_data_file_the_spec_declares()
    {
        using var temp = new TempDir();
        string specText = File.ReadAllText(EndToEndTests.Spec("dnp/fit-radius.nmr")).Replace("cells 2000", "cells 1000");
        var spec = temp.File("fit-radius.nmr", specText);
        File.Copy(EndToEndTests.Spec("dnp/fit-radius-example.csv"), Path.Combine(temp.Path, "fit-radius-example.csv"));
        var directory = Path.Combine(temp.Path, "out");

        var outcome = CliRunner.Run("fit", spec, "--out", directory);

        Assert.True(outcome.ExitCode == ExitCodes.Success, outcome.All);
        Assert.Contains("fit-radius-example.csv", outcome.Stdout, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "result.json")));
        double estimate = json.RootElement.GetProperty("unknowns").EnumerateArray().Single().GetProperty("estimate").GetDouble();
        Assert.True(Math.Abs(estimate / 1.2e-6 - 1) < 0.005, "R = " + estimate.ToString("G6", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary><c>simulate</c> on a spec without a simulation job (a PDE problem) is a clear user error.</summary>
    [Fact]
    public void Simulate_without_a_simulation_job_exits_1()
    {
        var outcome = CliRunner.Run("simulate", EndToEndTests.Spec("pde/slab-heat.nmr"));
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains("declares no simulation job", outcome.All, StringComparison.Ordinal);
        Assert.False(outcome.HasStackTrace, outcome.All);
    }

    [Fact]
    public void Missing_data_option_exits_1()
    {
        using var temp = new TempDir();
        string specText = string.Join("\n", File.ReadAllLines(EndToEndTests.Spec("dnp/fit-radius.nmr")).Where(l => !l.TrimStart().StartsWith("data ", StringComparison.Ordinal)));
        var outcome = CliRunner.Run("fit", temp.File("no-data.nmr", specText));
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains("--data", outcome.All, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spec_without_unknowns_is_a_user_error_naming_the_spec()
    {
        var outcome = CliRunner.Run("fit", EndToEndTests.Spec("dnp/two-region-sphere.nmr"), "--data", SmallExample);
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains("two-region-sphere", outcome.All, StringComparison.Ordinal);
        Assert.Contains("no unknown", outcome.All, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_data_file_is_reported_at_its_line()
    {
        using var temp = new TempDir();
        var data = temp.File("bad.csv", "t,y,z\n0,0,0\n1,abc,2\n");
        var outcome = CliRunner.Run("fit", EndToEndTests.Spec("dnp/fit-radius.nmr"), "--data", data);
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains("bad.csv(3,", outcome.All, StringComparison.Ordinal);
        Assert.Contains("error NMR9010", outcome.All, StringComparison.Ordinal);
    }
}
