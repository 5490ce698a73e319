using NmrDsl.Testing;
using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NmrDsl.Generators;

namespace NmrDsl.Cli.Tests;

/// <summary>`nmrdsl run` on a real spec: front end, Roslyn, runtime, files.</summary>
public class RunEndToEndTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>
    /// The real front end's output for sphere-uptake.nmr, run through the CLI's compile-load-run
    /// path with an override in other units (D = 250 nm^2/s): the summary's uptake matches Crank.
    /// </summary>
    [Fact]
    public void Run_sphere_uptake_through_the_cli_pipeline_matches_crank()
    {
        using var temp = new TempDir();
        var spec = EndToEndTests.Spec("pde/sphere-uptake.nmr");
        var compilation = NmrCompiler.Compile(spec, File.ReadAllText(spec));
        var (context, stdout, stderr) = CliRunner.NewContext();

        var code = RunCommand.ExecuteCompiled(context, new RunRequest(spec, ["D=250 nm^2/s"], temp.Path), compilation);

        var text = stdout.ToString();
        output.WriteLine(text);
        Assert.True(code == ExitCodes.Success, text + stderr);
        Assert.Contains("running SphereUptake (pde)", text, StringComparison.Ordinal);
        Assert.Contains("[", text, StringComparison.Ordinal); // progress lines
        var match = Regex.Match(text, @"uptake\(t_end\)\S*\s*│?\s*([0-9.Ee+-]+)");
        Assert.True(match.Success, text);
        var uptake = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(ReferenceSolutions.SphereUptake(600, 1e-6, 250e-18), uptake, 2e-3);
        Assert.True(File.Exists(Path.Combine(temp.Path, "result.json")), text);
    }

    /// <summary>The documented contract: `nmrdsl run SPEC --out DIR` writes result.json, CSV and PNG files.</summary>
    [Fact]
    public void Run_sphere_uptake_writes_result_json_csv_and_png()
    {
        using var temp = new TempDir();
        var directory = Path.Combine(temp.Path, "tmp");

        var outcome = CliRunner.Run("run", EndToEndTests.Spec("pde/sphere-uptake.nmr"), "--out", directory, "--seed", "3");

        output.WriteLine(outcome.All);
        Assert.True(outcome.ExitCode == ExitCodes.Success, outcome.All);
        Assert.False(outcome.HasStackTrace, outcome.All);
        using (var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "result.json"))))
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Object, json.RootElement.ValueKind);
        }
        Assert.NotEmpty(Directory.GetFiles(directory, "*.csv"));
        var png = Directory.GetFiles(directory, "*.png");
        Assert.NotEmpty(png);
        Assert.All(png, p => Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(p).Take(4).ToArray()));
        Assert.Contains("result.json", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("uptake(t_end)", outcome.Stdout, StringComparison.Ordinal);
    }
}
