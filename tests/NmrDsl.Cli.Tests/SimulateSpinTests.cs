using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace NmrDsl.Cli.Tests;

/// <summary>
/// <c>nmrdsl simulate</c> on spin-system specs, end to end (front end, Roslyn, runtime, files). Physics
/// checks follow /work/shared/reference/spin-dynamics.md §5.1 (a pure-shift FID oscillates at its
/// offset, so a singlet at +δ ppm peaks at +δ; J-modulation of the lactate AX3 system in a spin echo:
/// CH3 ∝ cos(πJ·TE), inverted at TE ≈ 1/J; Hahn-echo T2 decay e^(−TE/T2)).
/// </summary>
public class SimulateSpinTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string SingletSpec = """
        spinsystem Singlet "test singlet (NAA acetyl shift)"
          field 2.89 T
          reference 4.65 ppm
          spin H 1H 2.008 ppm
        sequence SingletPulseAcquire on Singlet
          pulse 90 deg phase y
          acquire 2048 points sw 2000 Hz lb 2 Hz
        """;

    private static (double[] Ppm, double[] Re, double[] Im) ReadSpectrum(string path)
    {
        var lines = File.ReadAllLines(path);
        Assert.Equal("ppm,re,im", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        return (rows.Select(r => r[0]).ToArray(), rows.Select(r => r[1]).ToArray(), rows.Select(r => r[2]).ToArray());
    }

    private static double PeakPpm(string path)
    {
        var (ppm, re, _) = ReadSpectrum(path);
        int peak = Array.IndexOf(re, re.Max());
        return ppm[peak];
    }

    /// <summary>Real area of the spectrum between two shifts (sum × Δppm; only ratios are used).</summary>
    private static double Area(string path, double low, double high)
    {
        var (ppm, re, _) = ReadSpectrum(path);
        return Enumerable.Range(0, ppm.Length).Where(k => ppm[k] >= low && ppm[k] <= high).Sum(k => re[k]);
    }

    [Fact]
    public void Simulate_singlet_puts_the_peak_at_its_shift_and_writes_the_files()
    {
        using var temp = new TempDir();
        var spec = temp.File("singlet.nmr", SingletSpec);
        var directory = Path.Combine(temp.Path, "out");

        var outcome = CliRunner.Run("simulate", spec, "--out", directory);

        output.WriteLine(outcome.All);
        Assert.True(outcome.ExitCode == ExitCodes.Success, outcome.All);
        Assert.False(outcome.HasStackTrace, outcome.All);
        foreach (var file in new[] { "fid.csv", "spectrum.csv", "spectrum.png", "result.json" })
        {
            Assert.True(File.Exists(Path.Combine(directory, file)), file + " missing:\n" + outcome.All);
        }
        Assert.Equal("t,re,im", File.ReadLines(Path.Combine(directory, "fid.csv")).First());
        Assert.Equal(2049, File.ReadLines(Path.Combine(directory, "fid.csv")).Count());
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(Path.Combine(directory, "spectrum.png")).Take(4).ToArray());

        // One digital-resolution point: SW/N = 2000/2048 Hz over the 1H Larmor frequency at 2.89 T (123.05 MHz).
        double observeHz = 2.6752218744e8 * 2.89 / (2 * Math.PI);
        double pointPpm = 2000.0 / 2048 / observeHz * 1e6;
        double peak = PeakPpm(Path.Combine(directory, "spectrum.csv"));
        output.WriteLine($"peak at {peak} ppm, singlet at 2.008 ppm, one point = {pointPpm} ppm");
        Assert.True(Math.Abs(peak - 2.008) <= pointPpm, $"peak at {peak} ppm, expected 2.008 ± {pointPpm}");

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "result.json")));
        Assert.Equal("hilbert", json.RootElement.GetProperty("method").GetString());
    }

    [Fact]
    public void Simulate_with_set_moves_the_singlet()
    {
        using var temp = new TempDir();
        var spec = temp.File("singlet.nmr", SingletSpec);
        var directory = Path.Combine(temp.Path, "out");

        var outcome = CliRunner.Run("simulate", spec, "--set", "Singlet.H=3.2 ppm", "--out", directory);

        output.WriteLine(outcome.All);
        Assert.True(outcome.ExitCode == ExitCodes.Success, outcome.All);
        double pointPpm = 2000.0 / 2048 / (2.6752218744e8 * 2.89 / (2 * Math.PI)) * 1e6;
        double peak = PeakPpm(Path.Combine(directory, "spectrum.csv"));
        Assert.True(Math.Abs(peak - 3.2) <= pointPpm, $"peak at {peak} ppm, expected 3.2 ± {pointPpm}");
    }

    [Fact]
    public void Simulate_lactate_spin_echo_inverts_the_methyl_doublet_at_te_one_over_j()
    {
        // specs/sequences/lactate-3t.nmr: TE = 144 ms ≈ 1/J (J = 6.933 Hz), cos(πJ·TE) = −0.99995. The CH3
        // area relative to pulse-acquire (same acquisition, no relaxation) is −1 to within 2e-2 (strong-coupling
        // residue at 2.89 T, J/Δν ≈ 0.02, as the runtime's JModulationTests); the CH quartet follows cos³ ≈ −1.
        using var temp = new TempDir();
        var outcome = CliRunner.Run("simulate", EndToEndTests.Spec("sequences/lactate-3t.nmr"), "--out", temp.Path);

        output.WriteLine(outcome.All);
        Assert.True(outcome.ExitCode == ExitCodes.Success, outcome.All);
        string pa = Path.Combine(temp.Path, "LactatePulseAcquire", "spectrum.csv");
        string se = Path.Combine(temp.Path, "LactateSpinEcho", "spectrum.csv");
        string press = Path.Combine(temp.Path, "LactatePress30", "spectrum.csv");
        double methylPa = Area(pa, 1.2, 1.43), methylSe = Area(se, 1.2, 1.43);
        double ratio = methylSe / methylPa;
        output.WriteLine($"CH3 area ratio echo/pulse-acquire = {ratio}, cos(pi J TE) = {Math.Cos(Math.PI * 6.933 * 0.144)}");
        Assert.True(methylPa > 0, "pulse-acquire CH3 doublet is not absorptive-positive: " + methylPa);
        Assert.True(Math.Abs(ratio - Math.Cos(Math.PI * 6.933 * 0.144)) < 2e-2, "CH3 echo/FID ratio " + ratio);
        Assert.True(Math.Abs(PeakPpm(pa) - 1.3142) < 0.1, "pulse-acquire peak at " + PeakPpm(pa));
        Assert.True(Area(press, 1.2, 1.43) > 0, "PRESS TE 30 ms CH3 doublet should be upright");
    }

    [Fact]
    public void Simulate_with_relaxation_takes_the_liouville_path_and_decays_the_echo_by_exp_minus_te_over_t2()
    {
        // Singlet, T1 1 s, T2 0.1 s, Hahn echo TE = 50 ms: echo/FID area = e^(−TE/T2) = 0.6065 (reference §5.1, Hahn echo);
        // both signals decay with the same T2 during acquisition, so their spectra have the same shape. Tolerance 1e-3.
        using var temp = new TempDir();
        var spec = temp.File("relaxing.nmr", """
            spinsystem Relaxing "singlet with relaxation"
              field 2.89 T
              reference 4.65 ppm
              spin H 1H 3.0 ppm
              relaxation T1 1 s T2 100 ms
            sequence Fid on Relaxing
              pulse 90 deg phase y
              acquire 4096 points sw 4000 Hz
            sequence Echo on Relaxing
              pulse 90 deg phase y
              delay 25 ms
              pulse 180 deg phase x
              delay 25 ms
              acquire 4096 points sw 4000 Hz
            """);

        var outcome = CliRunner.Run("simulate", spec, "--out", temp.Path);

        output.WriteLine(outcome.All);
        Assert.True(outcome.ExitCode == ExitCodes.Success, outcome.All);
        double fid = Area(Path.Combine(temp.Path, "Fid", "spectrum.csv"), -10, 20);
        double echo = Area(Path.Combine(temp.Path, "Echo", "spectrum.csv"), -10, 20);
        output.WriteLine($"echo/FID = {echo / fid}, exp(-TE/T2) = {Math.Exp(-0.5)}");
        Assert.True(Math.Abs((echo / fid) - Math.Exp(-0.5)) < 1e-3, "echo/FID " + (echo / fid));
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "Echo", "result.json")));
        Assert.Equal("liouville", json.RootElement.GetProperty("method").GetString());
    }

    [Fact]
    public void Simulate_shaped_sinc_gaussian_excitation_puts_the_singlet_at_its_shift()
    {
        // A 90° sinc-Gaussian (2 ms, 2 lobes, 100 steps) near the reference excites a singlet at 4.5 ppm
        // (−18 Hz off the carrier); the spectrum's largest |S| lies within one point of 4.5 ppm.
        using var temp = new TempDir();
        var spec = temp.File("shaped.nmr", """
            spinsystem Near "singlet near the carrier"
              field 2.89 T
              reference 4.65 ppm
              spin H 1H 4.5 ppm
            sequence ShapedExcitation on Near
              shaped sinc-gaussian 90 deg duration 2 ms lobes 2 steps 100 phase y
              acquire 2048 points sw 2000 Hz lb 2 Hz
            """);

        var outcome = CliRunner.Run("simulate", spec, "--out", temp.Path);

        output.WriteLine(outcome.All);
        Assert.True(outcome.ExitCode == ExitCodes.Success, outcome.All);
        var (ppm, re, im) = ReadSpectrum(Path.Combine(temp.Path, "spectrum.csv"));
        int peak = Enumerable.Range(0, ppm.Length).OrderByDescending(k => (re[k] * re[k]) + (im[k] * im[k])).First();
        double pointPpm = 2000.0 / 2048 / (2.6752218744e8 * 2.89 / (2 * Math.PI)) * 1e6;
        Assert.True(Math.Abs(ppm[peak] - 4.5) <= pointPpm, $"peak at {ppm[peak]} ppm, expected 4.5 ± {pointPpm}");
    }

    [Fact]
    public void Describe_lists_spins_couplings_pulses_and_delays_with_units_and_lines()
    {
        var outcome = CliRunner.Run("describe", EndToEndTests.Spec("sequences/lactate-3t.nmr"));

        Assert.True(outcome.ExitCode == ExitCodes.Success, outcome.All);
        using var json = System.Text.Json.JsonDocument.Parse(outcome.Stdout);
        var declarations = json.RootElement.GetProperty("declarations").EnumerateArray().ToList();
        var spin = declarations.Single(d => d.GetProperty("name").GetString() == "Lactate3T.HA");
        Assert.Equal("spin", spin.GetProperty("kind").GetString());
        Assert.Equal("ppm", spin.GetProperty("declaredUnit").GetString());
        Assert.Equal(8, spin.GetProperty("line").GetInt32());
        var coupling = declarations.Single(d => d.GetProperty("name").GetString() == "Lactate3T.HA-HB1");
        Assert.Equal("coupling", coupling.GetProperty("kind").GetString());
        Assert.Equal("Hz", coupling.GetProperty("declaredUnit").GetString());
        Assert.Equal(12, coupling.GetProperty("line").GetInt32());
        Assert.Contains(declarations, d => d.GetProperty("kind").GetString() == "pulse" && d.GetProperty("line").GetInt32() == 22);
        Assert.Contains(declarations, d => d.GetProperty("kind").GetString() == "delay" && d.GetProperty("declaredUnit").GetString() == "s" && d.GetProperty("line").GetInt32() == 23);
    }
}
