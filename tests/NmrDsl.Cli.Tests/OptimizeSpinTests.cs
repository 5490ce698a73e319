using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace NmrDsl.Cli.Tests;

/// <summary>
/// <c>nmrdsl run</c> on an <c>optimize</c> block, end to end: two uncoupled singlets 1 ppm apart (separate
/// spin systems), a 10 ms shaped excitation pulse optimised to excite A (2.0 ppm) and not B (3.0 ppm).
/// Bounds are analytic (/work/shared/reference/spin-dynamics.md §4.1, §5.1): the FFT spectrum of an FID has
/// Σ_k S_k Δf = s(0)/2 (Spectrum remarks), so a fully excited absorptive spin has whole-axis area 1/2 and, in a
/// window ±Δf around its Lorentzian line of FWHM LB, (1/2)(2/π)·atan(2Δf/LB); the rectangle rule over the window's
/// FFT points (2 points per FWHM here) is within a few per cent of it, and no pulse can exceed it;
/// the pulse must respect its amplitude limit. A second run in the same folder resumes from the checkpoint.
/// </summary>
public class OptimizeSpinTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Spec = """
        spinsystem SingletA "test"
          field 2.89 T
          reference 4.65 ppm
          spin H 1H 2.0 ppm
        spinsystem SingletB "test"
          field 2.89 T
          reference 4.65 ppm
          spin H 1H 3.0 ppm
        sequence Excite on SingletA
          shaped sinc-gaussian 90 deg duration 10 ms lobes 2 steps 20 phase y
          acquire 1024 points sw 2000 Hz lb 2 Hz
        optimize SelectA on Excite "excite A, not B"
          control 1 limit 500 Hz
          maximize SingletA 1.9 ppm .. 2.1 ppm
          suppress SingletB 2.9 ppm .. 3.1 ppm weight 5
          ensemble b0 -1 Hz .. 1 Hz points 2
          restarts 2
          iterations 30
          seed 3
          compare Excite
        """;

    [Fact]
    public void Optimize_excites_A_not_B_within_the_limit_and_resumes_from_its_checkpoint()
    {
        using var temp = new TempDir();
        var spec = temp.File("select.nmr", Spec);
        var outDir = Path.Combine(temp.Path, "out");

        var outcome = CliRunner.Run("run", spec, "--out", outDir);

        output.WriteLine(outcome.All);
        Assert.True(outcome.ExitCode == ExitCodes.Success, outcome.All);
        string dir = Path.Combine(outDir, "SelectA");
        foreach (var file in new[] { "pulse.csv", "pulse.png", "history.csv", "history.png", "spectrum_before.csv", "spectrum_before.png", "spectrum_after.csv", "spectrum_after.png", "comparison.csv", "comparison.png", "result.json", "checkpoint.json" })
        {
            Assert.True(File.Exists(Path.Combine(dir, file)), file + " missing:\n" + outcome.All);
        }

        // The amplitude limit is a hard constraint (AmplitudeLimit maps onto |u| < A).
        var pulse = Rows(Path.Combine(dir, "pulse.csv"));
        Assert.Equal(20, pulse.Length);
        Assert.All(pulse, r => Assert.True(r[3] < 500, $"amplitude {r[3]} Hz exceeds the 500 Hz limit"));

        // Window ±0.1 ppm = ±12.3 Hz at 123.05 MHz, LB 2 Hz: a fully excited absorptive line has area (1/2)(2/π)·atan(12.3).
        double observeHz = 2.6752218744e8 * 2.89 / (2 * Math.PI);
        double bound = 0.5 * 2 / Math.PI * Math.Atan(2 * (0.1e-6 * observeHz) / 2);
        string[] comparison = File.ReadAllLines(Path.Combine(dir, "comparison.csv"));
        Assert.Equal("sequence,SingletA_magnitude,SingletA_real,SingletB_magnitude,SingletB_real,contrast", comparison[0]);
        double[] optimized = comparison.Single(l => l.StartsWith("optimized,", StringComparison.Ordinal)).Split(',').Skip(1).Select(Parse).ToArray();
        double[] declared = comparison.Single(l => l.StartsWith("Excite,", StringComparison.Ordinal)).Split(',').Skip(1).Select(Parse).ToArray();
        output.WriteLine($"A real area {optimized[1]:F4} (bound {bound:F4}), B magnitude {optimized[2]:F4}; declared pulse: A {declared[1]:F4}, B {declared[2]:F4}");
        Assert.True(optimized[1] >= 0.8 * bound, $"A area {optimized[1]} below 80 % of the full-excitation bound {bound}");
        Assert.True(optimized[1] <= 1.08 * bound, $"A area {optimized[1]} above the full-excitation bound {bound} (+8 % rectangle rule)");
        Assert.True(optimized[2] <= 0.05 * bound, $"B magnitude area {optimized[2]} not suppressed");
        Assert.True(optimized[4] > declared[4], "the optimised contrast must beat the declared pulse's");

        // history: the best value never decreases and ends at the reported objective.
        var history = Rows(Path.Combine(dir, "history.csv"));
        for (int i = 1; i < history.Length; i++) Assert.True(history[i][3] >= history[i - 1][3]);
        using (var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "result.json"))))
        {
            var summary = json.RootElement.GetProperty("summary");
            Assert.Equal(history[^1][3], summary.GetProperty("objective_after").GetDouble(), 12);
            Assert.Equal(history.Length, summary.GetProperty("evaluations").GetDouble());
            Assert.False(json.RootElement.GetProperty("resumed_from_checkpoint").GetBoolean());
        }

        // Same spec, same folder: the completed checkpoint is found, nothing is re-optimised, the result is identical.
        var again = CliRunner.Run("run", spec, "--out", outDir);
        output.WriteLine(again.All);
        Assert.True(again.ExitCode == ExitCodes.Success, again.All);
        Assert.Contains("resuming from checkpoint.json", again.All, StringComparison.Ordinal);
        Assert.Equal(comparison, File.ReadAllLines(Path.Combine(dir, "comparison.csv")));
        Assert.Equal(history.Length, Rows(Path.Combine(dir, "history.csv")).Length);
    }

    private static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static double[][] Rows(string path) => File.ReadAllLines(path).Skip(1).Select(l => l.Split(',').Select(Parse).ToArray()).ToArray();
}
