using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NmrDsl.Generators.Tests.TestSupport;

namespace NmrDsl.Generators.Tests.Generator;

/// <summary>
/// Spec errors reach the C# build as located Roslyn diagnostics; the generator never throws; a
/// broken spec still yields stand-in types; generated code carries #line directives to the spec.
/// </summary>
public sealed class GeneratorDiagnosticsTests
{
    private const string SpecPath = "specs/pde/sphere-uptake.nmr";

    // SphereUptake with two mistakes: nm + s (NMR1004 at '+') and an unknown unit (NMR1003).
    private static string BrokenSphereUptake()
    {
        string text = RepoPaths.ReadText(SpecPath);
        text = text.Replace("parameter Cs = 1 \"surface value\"", "parameter Cs = 1 nm + 2 s \"surface value\"", StringComparison.Ordinal);
        text = text.Replace("time t in 0 .. 600 s", "time t in 0 .. 600 parsecs", StringComparison.Ordinal);
        Assert.Contains("nm + 2 s", text, StringComparison.Ordinal);
        return text;
    }

    [Fact]
    public void Diagnostics_SpecError_BecomesRoslynDiagnosticAtTheSpecLocation()
    {
        string text = BrokenSphereUptake();
        var expected = NmrCompiler.Compile(SpecPath, text).Diagnostics;
        Assert.Equal(new[] { "NMR1003", "NMR1004" }, expected.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal));

        var run = GeneratorHarness.Run(SpecPath, text);
        var actual = run.GeneratorDiagnostics;
        Assert.Equal(expected.Count, actual.Length);
        foreach (var info in expected)
        {
            var diagnostic = Assert.Single(actual, d => d.Id == info.Id);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Equal(info.Message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            var span = diagnostic.Location.GetLineSpan();
            Assert.Equal(SpecPath, span.Path);
            Assert.Equal(info.Span.Line - 1, span.StartLinePosition.Line);
            Assert.Equal(info.Span.Column - 1, span.StartLinePosition.Character);
            Assert.Equal(info.Span.EndLine - 1, span.EndLinePosition.Line);
            Assert.Equal(info.Span.EndColumn - 1, span.EndLinePosition.Character);
            Assert.Equal(info.Span.Start, diagnostic.Location.SourceSpan.Start);
            Assert.Equal(info.Span.Length, diagnostic.Location.SourceSpan.Length);
        }

        // NMR1004 points at the '+' operator: line 9, column of '+' (1-based), one character long.
        var sum = Assert.Single(actual, d => d.Id == "NMR1004").Location.GetLineSpan();
        string line9 = text.Split('\n')[8];
        Assert.Equal(line9.IndexOf('+', StringComparison.Ordinal), sum.StartLinePosition.Character);
        Assert.Equal(sum.StartLinePosition.Character + 1, sum.EndLinePosition.Character);
    }

    [Fact]
    public void Diagnostics_GeneratorNeverThrows_OnBrokenSpecs()
    {
        var specs = MalformedCorpus.Files().Select(f => (f.RelativePath, f.Text))
            .Append(("empty.nmr", ""))
            .Append(("garbage.nmr", "\u0000\u0001}{\"\n\t\t((((\n"))
            .Append(("broken.nmr", BrokenSphereUptake()))
            .Append(("nameless.nmr", "problem 42\n  time t in 0 .. 1 s\n"))
            .ToList();
        var run = GeneratorHarness.Run(specs, RuntimeShims.MissingReportTypes());
        Assert.Null(run.Single.Exception);
        Assert.DoesNotContain(run.Result.Diagnostics, d => d.Id == "CS8785");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785" || d.Id == "NMR3002");
        Assert.All(run.GeneratorDiagnostics, d => Assert.StartsWith("NMR", d.Id, StringComparison.Ordinal));

        // What it emits (stubs included, also for a problem without a valid name) is valid C#.
        var csharp = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(csharp.Count == 0, "generated code for broken specs does not compile:\n" + string.Join("\n", csharp));
    }

    [Fact]
    public void Diagnostics_BrokenSpec_StillYieldsStubsThatUserCodeBindsTo()
    {
        const string user = """
            using NmrDsl.Generated;
            using NmrDsl.Runtime;

            namespace User;

            /// <summary>User code that refers to the generated types.</summary>
            public static class UsesSphereUptake
            {
                /// <summary>Creates the job.</summary>
                public static ISpecJob Create() => new SphereUptake(new SphereUptakeParameters { R = 2e-6, D = 5e-16 });

                /// <summary>Runs it.</summary>
                public static JobResult RunIt()
                {
                    var problem = new SphereUptake();
                    SphereUptakeParameters parameters = problem.Parameters;
                    return new SphereUptake(parameters).Run(new JobContext("out"));
                }
            }
            """;
        var run = GeneratorHarness.Run(new[] { (SpecPath, BrokenSphereUptake()) }, user);
        Assert.Contains(run.Sources, s => s.Text.Contains("stand-in", StringComparison.Ordinal));
        Assert.NotEmpty(run.GeneratorDiagnostics);
        Assert.All(run.GeneratorDiagnostics, d => Assert.StartsWith("NMR", d.Id, StringComparison.Ordinal));
        var errors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, "user code does not bind to the stubs:\n" + string.Join("\n", errors));
    }

    [Fact]
    public void Diagnostics_BrokenEchoBlock_StillYieldsAStandInThatUserCodeBindsTo()
    {
        // challenge-2020 with an unknown kernel shape (a binder error) and a misspelt parameter.
        string text = RepoPaths.ReadText("specs/echo/challenge-2020.nmr")
            .Replace("kernel powerlaw normalized", "kernel yukawa normalized", StringComparison.Ordinal)
            .Replace("parameter d uniform", "parameter dd uniform", StringComparison.Ordinal);
        const string user = """
            using NmrDsl.Generated;
            using NmrDsl.Runtime;
            using NmrDsl.Runtime.Echo;

            namespace User;

            /// <summary>User code that refers to the generated echo class.</summary>
            public static class UsesChallenge
            {
                /// <summary>The block as a job.</summary>
                public static ISpecJob Job() => new Challenge2020();

                /// <summary>The block as a dataset unit.</summary>
                public static IEchoSpec Spec() => new Challenge2020();
            }
            """;
        var run = GeneratorHarness.Run(new[] { ("specs/echo/challenge-2020.nmr", text) }, user);
        Assert.NotEmpty(run.GeneratorDiagnostics);
        Assert.Contains(run.Sources, s => s.Text.Contains("stand-in for echo block Challenge2020", StringComparison.Ordinal));
        var errors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, "user code does not bind to the echo stand-in:\n" + string.Join("\n", errors));
    }

    [Fact]
    public void Diagnostics_StubsOfEveryMalformedSpec_Compile()
    {
        var run = GeneratorHarness.Run(MalformedCorpus.Files().Select(f => (f.RelativePath, f.Text)), RuntimeShims.MissingReportTypes());
        var errors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, "stubs do not compile:\n" + string.Join("\n", errors));
    }

    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        foreach (var spec in RepoPaths.ExampleSpecs()) data.Add(spec);
        return data;
    }

    public static TheoryData<string> ProblemSpecs()
    {
        var data = new TheoryData<string>();
        foreach (var spec in RepoPaths.ProblemSpecs()) data.Add(spec);
        return data;
    }

    /// <summary>The equation's coefficients map back to the equation line of the spec.</summary>
    [Theory]
    [MemberData(nameof(ProblemSpecs))]
    public void Diagnostics_GeneratedCode_HasLineDirectiveForTheEquation(string specPath)
    {
        var lines = RepoPaths.ReadText(specPath).Split('\n');
        int equationLine = Array.FindIndex(lines, l => l.TrimStart().StartsWith("equation ", StringComparison.Ordinal)) + 1;
        if (specPath.StartsWith("specs/echo/", StringComparison.Ordinal)) return; // echo blocks have no equation: their code is data
        Assert.True(equationLine > 0);
        var run = GeneratorHarness.Run(specPath, RepoPaths.ReadText(specPath));
        string directive = "#line " + equationLine + " \"" + specPath + "\"";
        Assert.All(run.Sources, s => Assert.Contains(directive, s.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Diagnostics_NamespaceComesFromBuildProperties()
    {
        const string spec = "specs/pde/slab-heat.nmr";
        string text = RepoPaths.ReadText(spec);
        string Namespace(Dictionary<string, string> properties)
        {
            var run = GeneratorHarness.Run(new[] { (spec, text) }, options: new TestAnalyzerConfigOptionsProvider(properties));
            return run.Sources.Select(s => s.Text.Split('\n').First(l => l.StartsWith("namespace ", StringComparison.Ordinal))).Distinct().Single();
        }

        Assert.Equal("namespace NmrDsl.Generated", Namespace(new()));
        Assert.Equal("namespace My.Root", Namespace(new() { ["build_property.RootNamespace"] = "My.Root" }));
        Assert.Equal("namespace Lab.Specs", Namespace(new() { ["build_property.RootNamespace"] = "My.Root", ["build_property.NmrDslNamespace"] = " Lab.Specs " }));
    }
}
