using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using NmrDsl.Runtime.Echo;

namespace NmrDsl.Cli.Tests;

/// <summary>
/// Echo blocks end to end through <see cref="Cli.Run(string[], TextWriter, TextWriter)"/>: <c>simulate</c> on the
/// challenge spec reproduces the runtime simulator, and <c>dataset</c> is deterministic, resumable and refuses to mix
/// datasets.
/// </summary>
public sealed class EchoCommandTests
{
    private const string SmallSpec = """
        echo SmallEcho "8x8 test lattice"
          lattice square 8
          offsets lorentzian center 10 MHz fwhm 0.05 MHz window 0.5 MHz
          kernel powerlaw normalized
          hamiltonian full
          sequence hahn tau 50 us dt 2
          parameter alpha uniform in 0 MHz .. 0.2 MHz default 0.1 MHz
          parameter xi uniform in 0 .. 20 default 10
          parameter p uniform in 2 .. 4 default 3
          parameter d uniform in 3 .. 6 default 4.5
        """;

    [Fact]
    public void Simulate_ChallengeSpec_WritesTheRuntimeCurve_EchoAtSample314()
    {
        using var temp = new TempDir();
        string output = Path.Combine(temp.Path, "out");
        var outcome = CliRunner.Run("simulate", EndToEndTests.Spec("echo/challenge-2020.nmr"), "--out", output, "--seed", "3", "--set", "alpha=50 kHz");
        Assert.True(outcome.ExitCode == 0, outcome.All);

        var rows = File.ReadAllLines(Path.Combine(output, "echo.csv"));
        Assert.Equal("k,t,re,im", rows[0]);
        Complex[] expected = EchoSimulator.Simulate(EchoModel.Reference, new EchoParameters(0.05, 10, 3, 4.5), 3UL).Samples;
        Assert.Equal(expected.Length + 1, rows.Length);
        int echo = 0;
        double best = -1;
        for (int k = 1; k <= expected.Length; k++)
        {
            double[] v = rows[k].Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(k, v[0]);
            Assert.Equal(2.0 * k, v[1], 12);
            Assert.True(Math.Abs(v[2] - expected[k - 1].Real) <= 1e-12 && Math.Abs(v[3] - expected[k - 1].Imaginary) <= 1e-12, "sample " + k);
            double magnitude = Math.Sqrt(v[2] * v[2] + v[3] * v[3]);
            if (k > 157 && magnitude > best) (best, echo) = (magnitude, k);
        }
        Assert.Equal(314, echo);
        Assert.True(File.Exists(Path.Combine(output, "echo.png")));
        Assert.Contains("\"echoSample\": 314", File.ReadAllText(Path.Combine(output, "result.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Dataset_InterruptedAndResumed_IsByteIdenticalToOneRun_AndMatchesTheRuntime()
    {
        using var temp = new TempDir();
        string spec = temp.File("small.nmr", SmallSpec);
        string whole = Path.Combine(temp.Path, "whole");
        string pieces = Path.Combine(temp.Path, "pieces");

        var once = CliRunner.Run("dataset", spec, "--count", "12", "--seed", "5", "--out", whole, "--threads", "2");
        Assert.True(once.ExitCode == 0, once.All);

        var first = CliRunner.Run("dataset", spec, "--count", "12", "--seed", "5", "--out", pieces, "--limit", "5", "--chunk", "2", "--threads", "1");
        Assert.True(first.ExitCode == 0, first.All);
        Assert.Contains("5 of 12 complete", first.Stdout, StringComparison.Ordinal);
        // A crash mid-write: a partial curve record and a partial label row.
        using (var curves = new FileStream(Path.Combine(pieces, "curves.bin"), FileMode.Append)) curves.Write(new byte[13]);
        File.AppendAllText(Path.Combine(pieces, "labels.csv"), "5,123,0.1");
        var second = CliRunner.Run("dataset", spec, "--count", "12", "--seed", "5", "--out", pieces, "--chunk", "3", "--threads", "1");
        Assert.True(second.ExitCode == 0, second.All);
        Assert.Contains("resuming: 5 curves already complete", second.Stdout, StringComparison.Ordinal);

        foreach (var file in new[] { "dataset.json", "curves.bin", "labels.csv" })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(whole, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(pieces, file))), file + " differs");
        }

        // Rerunning a complete dataset changes nothing.
        var again = CliRunner.Run("dataset", spec, "--count", "12", "--seed", "5", "--out", pieces);
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Contains("wrote 0 curves", again.Stdout, StringComparison.Ordinal);

        // The format: 12 records of 471 (re, im) float32 pairs; labels = EchoDataset's reference draws.
        byte[] bytes = File.ReadAllBytes(Path.Combine(whole, "curves.bin"));
        Assert.Equal(12 * 471 * 8, bytes.Length);
        string[] labels = File.ReadAllLines(Path.Combine(whole, "labels.csv"));
        Assert.Equal("index,seed,alpha,xi,p,d", labels[0]);
        Assert.Equal(13, labels.Length);
        var model = EchoModel.Reference with { Lattice = new SquareLattice(8) };
        foreach (int n in new[] { 0, 7, 11 })
        {
            EchoParameters parameters = EchoDataset.ParametersOf(5, n);
            ulong seed = EchoDataset.OffsetSeedOf(5, n);
            string row = string.Join(",", new[] { n.ToString(CultureInfo.InvariantCulture), seed.ToString(CultureInfo.InvariantCulture) }
                .Concat(parameters.ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
            Assert.Equal(row, labels[n + 1]);
            Complex[] curve = EchoSimulator.Simulate(model, parameters, seed).Samples;
            for (int k = 0; k < 471; k++)
            {
                int at = 8 * (471 * n + k);
                Assert.Equal((float)curve[k].Real, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(at)));
                Assert.Equal((float)curve[k].Imaginary, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(at + 4)));
            }
        }
    }

    [Fact]
    public void Dataset_CancelledMidway_ResumesToTheSameBytes()
    {
        using var temp = new TempDir();
        string spec = temp.File("small.nmr", SmallSpec);
        string whole = Path.Combine(temp.Path, "whole");
        string cancelled = Path.Combine(temp.Path, "cancelled");
        Assert.Equal(0, CliRunner.Run("dataset", spec, "--count", "12", "--seed", "9", "--out", whole).ExitCode);

        using (var source = new System.Threading.CancellationTokenSource())
        using (var stdout = new StringWriter())
        using (var stderr = new StringWriter())
        {
            source.CancelAfter(TimeSpan.FromMilliseconds(300));
            var context = new CliContext(stdout, stderr, interactive: false, source.Token);
            int code = Cli.Run(["dataset", spec, "--count", "12", "--seed", "9", "--out", cancelled, "--chunk", "1", "--threads", "1"], context);
            Assert.True(code is ExitCodes.Cancelled or ExitCodes.Success, stdout + "\n" + stderr);
        }
        var resumed = CliRunner.Run("dataset", spec, "--count", "12", "--seed", "9", "--out", cancelled);
        Assert.True(resumed.ExitCode == 0, resumed.All);
        foreach (var file in new[] { "dataset.json", "curves.bin", "labels.csv" })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(whole, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(cancelled, file))), file + " differs");
        }
    }

    [Fact]
    public void Dataset_ResumeWithAnotherSeedOrCount_IsAClearUserError()
    {
        using var temp = new TempDir();
        string spec = temp.File("small.nmr", SmallSpec);
        string output = Path.Combine(temp.Path, "set");
        var first = CliRunner.Run("dataset", spec, "--count", "4", "--seed", "1", "--out", output, "--limit", "1");
        Assert.True(first.ExitCode == 0, first.All);

        var seed = CliRunner.Run("dataset", spec, "--count", "4", "--seed", "2", "--out", output);
        Assert.Equal(ExitCodes.UserError, seed.ExitCode);
        Assert.Contains("error NMR9010: cannot resume this dataset: it was started with seed = 1, this run has seed = 2", seed.Stdout, StringComparison.Ordinal);
        Assert.False(seed.HasStackTrace, seed.All);

        var count = CliRunner.Run("dataset", spec, "--count", "5", "--seed", "1", "--out", output);
        Assert.Equal(ExitCodes.UserError, count.ExitCode);
        Assert.Contains("count = 4, this run has count = 5", count.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, File.ReadAllLines(Path.Combine(output, "labels.csv")).Length - 1);
    }

    [Fact]
    public void Dataset_SetHoldsAParameter_TheOthersKeepTheirDraws_AndAResumeWithAnotherValueIsRefused()
    {
        using var temp = new TempDir();
        string spec = temp.File("small.nmr", SmallSpec);
        string plain = Path.Combine(temp.Path, "plain"), held = Path.Combine(temp.Path, "held");
        Assert.Equal(0, CliRunner.Run("dataset", spec, "--count", "3", "--seed", "4", "--out", plain).ExitCode);
        var outcome = CliRunner.Run("dataset", spec, "--count", "3", "--seed", "4", "--out", held, "--set", "alpha=50 kHz", "--set", "d=5");
        Assert.True(outcome.ExitCode == 0, outcome.All);

        // labels.csv: index,seed,alpha,xi,p,d. alpha and d are the set values (alpha in MHz); xi, p and the offset seed are
        // those of the plain dataset with the same seed, because every curve still consumes one draw per parameter.
        string[][] a = File.ReadAllLines(Path.Combine(plain, "labels.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        string[][] b = File.ReadAllLines(Path.Combine(held, "labels.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(3, b.Length);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(0.05, double.Parse(b[i][2], CultureInfo.InvariantCulture), 15);
            Assert.Equal(5.0, double.Parse(b[i][5], CultureInfo.InvariantCulture), 15);
            Assert.Equal(a[i][1], b[i][1]);
            Assert.Equal(a[i][3], b[i][3]);
            Assert.Equal(a[i][4], b[i][4]);
            Assert.NotEqual(a[i][2], b[i][2]);
        }
        string manifest = File.ReadAllText(Path.Combine(held, "dataset.json"));
        Assert.Contains("\"fixed\"", manifest, StringComparison.Ordinal);
        Assert.DoesNotContain("\"fixed\"", File.ReadAllText(Path.Combine(plain, "dataset.json")), StringComparison.Ordinal);

        var other = CliRunner.Run("dataset", spec, "--count", "3", "--seed", "4", "--out", held, "--set", "d=4");
        Assert.Equal(ExitCodes.UserError, other.ExitCode);
        Assert.Contains("NMR9010", other.Stdout, StringComparison.Ordinal);

        var outside = CliRunner.Run("dataset", spec, "--count", "3", "--out", Path.Combine(temp.Path, "x"), "--set", "p=7");
        Assert.Equal(ExitCodes.UserError, outside.ExitCode);
        Assert.Contains("outside the declared range 2 .. 4", outside.Stdout, StringComparison.Ordinal);
        Assert.Contains("small.nmr(9,", outside.Stdout, StringComparison.Ordinal);

        var unknown = CliRunner.Run("dataset", spec, "--count", "3", "--out", Path.Combine(temp.Path, "y"), "--set", "alpah=0.1 MHz");
        Assert.Equal(ExitCodes.UserError, unknown.ExitCode);
        Assert.Contains("alpha", unknown.Stdout, StringComparison.Ordinal);
        Assert.False(unknown.HasStackTrace, unknown.All);
    }

    [Fact]
    public void Identifiability_XiCarriesNoInformationUnderNormalisation_AndOnlyAlphaXiToThePUnnormalised()
    {
        // Reference: /work/shared/reference/echo-challenge.md §1.4. With the kernel normalised per site ξ cancels from
        // M(t) (its Fisher information is zero to rounding: joint bound +∞, written as null); without normalisation
        // (r/ξ)^-p = ξ^p r^-p, so α and ξ enter only as α ξ^p: their sensitivities are parallel.
        using var temp = new TempDir();
        string normalised = temp.File("n.nmr", SmallSpec.Replace("lattice square 8", "lattice square 6", StringComparison.Ordinal));
        string raw = temp.File("r.nmr", SmallSpec.Replace("lattice square 8", "lattice square 6", StringComparison.Ordinal)
            .Replace("kernel powerlaw normalized", "kernel powerlaw unnormalized", StringComparison.Ordinal)
            .Replace("0 MHz .. 0.2 MHz default 0.1 MHz", "0 MHz .. 0.02 MHz default 0.004 MHz", StringComparison.Ordinal)
            .Replace("xi uniform in 0 .. 20 default 10", "xi uniform in 0.5 .. 3 default 1.5", StringComparison.Ordinal));
        foreach (var (spec, folder) in new[] { (normalised, "n"), (raw, "r") })
        {
            var outcome = CliRunner.Run("identifiability", spec, "--points", "1", "--draws", "2", "--out", Path.Combine(temp.Path, folder));
            Assert.True(outcome.ExitCode == 0, outcome.All);
        }

        using var n = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "n", "identifiability.json")));
        var joint = n.RootElement.GetProperty("cramerRaoJoint");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, joint[1].ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Number, joint[0].ValueKind);
        Assert.False(n.RootElement.GetProperty("identifiable")[1].GetBoolean());
        Assert.True(n.RootElement.GetProperty("identifiable")[0].GetBoolean());
        // 1 point at the defaults + 1 per parameter; the header has 1 + 4 + 4×4 + 6 columns.
        string[] rows = File.ReadAllLines(Path.Combine(temp.Path, "n", "identifiability.csv"));
        Assert.Equal(1 + 5, rows.Length);
        Assert.Equal(27, rows[0].Split(',').Length);
        Assert.True(File.Exists(Path.Combine(temp.Path, "n", "identifiability.png")));

        using var r = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "r", "identifiability.json")));
        Assert.Equal("alpha,xi", r.RootElement.GetProperty("onlyCombinationDetermined")[0].GetString());
        Assert.False(r.RootElement.GetProperty("identifiable")[1].GetBoolean());
    }

    [Fact]
    public void Dataset_SpecWithoutEchoBlock_IsAUserError()
    {
        var outcome = CliRunner.Run("dataset", EndToEndTests.Spec("pde/slab-heat.nmr"), "--count", "2", "--out", Path.Combine(Path.GetTempPath(), "nmrdsl-never-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains("no echo block", outcome.Stdout, StringComparison.Ordinal);
    }
}
