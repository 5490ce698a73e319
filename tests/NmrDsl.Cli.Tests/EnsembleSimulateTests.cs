using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace NmrDsl.Cli.Tests;

/// <summary>
/// <c>ensemble</c> lines in a sequence, end to end: a B0 ensemble of offsets {−5, 0, +5} Hz averages a singlet's FID
/// to s(t)·(1 + 2cos(2π·5 Hz·t))/3 (equal weights; a pure-shift line under an offset Δ acquires e^{i2πΔt},
/// /work/shared/reference/spin-dynamics.md §5.1), and a B1 ensemble of scales {0.5, 1} on a 90° pulse gives
/// s(0)·(sin 45° + sin 90°)/2.
/// </summary>
public class EnsembleSimulateTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static string Spec(string ensemble) => $"""
        spinsystem Singlet "test"
          field 2.89 T
          reference 4.65 ppm
          spin H 1H 2.0 ppm
        sequence PulseAcquire on Singlet
        {ensemble}
          pulse 90 deg phase y
          acquire 512 points sw 1000 Hz
        """;

    private static double[][] Fid(string dir) => File.ReadAllLines(Path.Combine(dir, "fid.csv")).Skip(1)
        .Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();

    private double[][] Simulate(TempDir temp, string name, string ensemble)
    {
        var spec = temp.File(name + ".nmr", Spec(ensemble));
        var dir = Path.Combine(temp.Path, name);
        var outcome = CliRunner.Run("simulate", spec, "--out", dir);
        output.WriteLine(outcome.All);
        Assert.True(outcome.ExitCode == ExitCodes.Success, outcome.All);
        return Fid(dir);
    }

    [Fact]
    public void B0_and_B1_ensembles_average_the_fid_as_the_analytic_formulas()
    {
        using var temp = new TempDir();
        double[][] nominal = Simulate(temp, "nominal", "  // no ensemble");
        double[][] b0 = Simulate(temp, "b0", "  ensemble b0 -5 Hz .. 5 Hz points 3");
        double[][] b1 = Simulate(temp, "b1", "  ensemble b1 0.5 .. 1 points 2");
        double worst = 0;
        for (int n = 0; n < nominal.Length; n++)
        {
            double factor = (1 + (2 * Math.Cos(2 * Math.PI * 5 * nominal[n][0]))) / 3;
            worst = Math.Max(worst, Math.Abs(b0[n][1] - (factor * nominal[n][1])) + Math.Abs(b0[n][2] - (factor * nominal[n][2])));
        }

        Assert.True(worst < 1e-9, $"B0 ensemble differs from s(t)(1 + 2cos(2π5t))/3 by {worst:E2}");
        double b1Factor = (Math.Sin(Math.PI / 4) + 1) / 2;
        Assert.Equal(b1Factor * nominal[0][1], b1[0][1], 9);
        Assert.Equal(b1Factor * nominal[3][2], b1[3][2], 9);
    }
}
