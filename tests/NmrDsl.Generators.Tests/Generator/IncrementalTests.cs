using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NmrDsl.Generators.Tests.TestSupport;

namespace NmrDsl.Generators.Tests.Generator;

/// <summary>
/// Incremental caching (Mapperly, STJ and Regex generator tests): which tracked steps re-run
/// after no change, a whitespace-only spec edit, a real spec edit and an unrelated C# edit.
/// </summary>
public sealed class IncrementalTests
{
    private const string SpecPath = "specs/pde/sphere-uptake.nmr";

    private static readonly string[] SpecSteps = { NmrSpecGeneratorSteps.SpecText, NmrSpecGeneratorSteps.Compiled, NmrSpecGeneratorSteps.Output };

    private static (GeneratorDriver Driver, Compilation Compilation, TestAdditionalText Text) FirstRun(string? text = null)
    {
        var spec = new TestAdditionalText(SpecPath, text ?? RepoPaths.ReadText(SpecPath));
        var compilation = GeneratorHarness.CreateCompilation("namespace User { public static class Existing { } }");
        var driver = GeneratorHarness.CreateDriver(new[] { spec });
        driver = driver.RunGenerators(compilation);
        foreach (var step in SpecSteps) Assert.All(Reasons(driver, step), r => Assert.Equal(IncrementalStepRunReason.New, r));
        return (driver, compilation, spec);
    }

    private static IReadOnlyList<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step)
    {
        var result = driver.GetRunResult().Results.Single();
        Assert.True(result.TrackedSteps.TryGetValue(step, out var runs), "step " + step + " was not tracked; tracked: " + string.Join(", ", result.TrackedSteps.Keys));
        var reasons = runs.SelectMany(r => r.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(reasons);
        return reasons;
    }

    private static void AssertReason(GeneratorDriver driver, string step, IncrementalStepRunReason expected)
    {
        var reasons = Reasons(driver, step);
        Assert.True(reasons.All(r => r == expected), step + ": expected " + expected + ", got " + string.Join(", ", reasons));
    }

    private static string WithLineEdit(string text, string linePrefix, Func<string, string> edit)
    {
        var lines = text.Split('\n');
        int index = Array.FindIndex(lines, l => l.TrimStart().StartsWith(linePrefix, StringComparison.Ordinal));
        Assert.True(index >= 0, "no line starting with " + linePrefix);
        lines[index] = edit(lines[index]);
        return string.Join("\n", lines);
    }

    [Fact]
    public void Incremental_NoChange_EverySpecStepIsCached()
    {
        var (driver, compilation, _) = FirstRun();
        driver = driver.RunGenerators(compilation);
        foreach (var step in SpecSteps) AssertReason(driver, step, IncrementalStepRunReason.Cached);
        Assert.All(driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    /// <summary>
    /// A whitespace-only edit changes the text but not the compiled model: the compile step
    /// re-runs and reports Unchanged, so the output step is not even re-run (Cached) and no
    /// source is re-added. (Output would report Unchanged only if Compiled had changed in a way
    /// that the output projection drops.)
    /// </summary>
    [Fact]
    public void Incremental_TrailingWhitespaceEdit_TextModified_OutputNotRegenerated()
    {
        var (driver, compilation, spec) = FirstRun();
        string edited = WithLineEdit(spec.GetText().ToString(), "equation", l => l + "   ");
        Assert.NotEqual(spec.GetText().ToString(), edited);
        driver = driver.ReplaceAdditionalText(spec, new TestAdditionalText(SpecPath, edited)).RunGenerators(compilation);
        AssertReason(driver, NmrSpecGeneratorSteps.SpecText, IncrementalStepRunReason.Modified);
        AssertReason(driver, NmrSpecGeneratorSteps.Compiled, IncrementalStepRunReason.Unchanged);
        var output = Reasons(driver, NmrSpecGeneratorSteps.Output);
        Assert.True(output.All(r => r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached), "NmrDsl.Output: " + string.Join(", ", output));
        Assert.All(driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, "source output: " + o.Reason));
    }

    /// <summary>A comment added at the end of the file shifts nothing the output depends on either.</summary>
    [Fact]
    public void Incremental_AppendedComment_OutputNotRegenerated()
    {
        var (driver, compilation, spec) = FirstRun();
        string edited = spec.GetText().ToString() + "// a note\n";
        driver = driver.ReplaceAdditionalText(spec, new TestAdditionalText(SpecPath, edited)).RunGenerators(compilation);
        AssertReason(driver, NmrSpecGeneratorSteps.SpecText, IncrementalStepRunReason.Modified);
        var output = Reasons(driver, NmrSpecGeneratorSteps.Output);
        Assert.True(output.All(r => r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached), "NmrDsl.Output: " + string.Join(", ", output));
    }

    [Fact]
    public void Incremental_RealEdit_OutputModified()
    {
        var (driver, compilation, spec) = FirstRun();
        string edited = WithLineEdit(spec.GetText().ToString(), "time", l => l.Replace("600 s", "700 s", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(spec, new TestAdditionalText(SpecPath, edited)).RunGenerators(compilation);
        AssertReason(driver, NmrSpecGeneratorSteps.SpecText, IncrementalStepRunReason.Modified);
        AssertReason(driver, NmrSpecGeneratorSteps.Compiled, IncrementalStepRunReason.Modified);
        AssertReason(driver, NmrSpecGeneratorSteps.Output, IncrementalStepRunReason.Modified);
        Assert.Contains(driver.GetRunResult().GeneratedTrees, t => t.ToString().Contains("return 700.0;", StringComparison.Ordinal));
    }

    [Fact]
    public void Incremental_UnrelatedCSharpEdit_SpecStepsCached()
    {
        var (driver, compilation, _) = FirstRun();
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace User { public sealed class Unrelated { public int X => 1; } }", GeneratorHarness.ParseOptions));
        driver = driver.RunGenerators(edited);
        foreach (var step in SpecSteps) AssertReason(driver, step, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void Incremental_AddingASecondSpec_LeavesTheFirstCached()
    {
        var (driver, compilation, _) = FirstRun();
        const string other = "specs/pde/slab-heat.nmr";
        driver = driver.AddAdditionalTexts(System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(new TestAdditionalText(other, RepoPaths.ReadText(other)))).RunGenerators(compilation);
        var outputs = driver.GetRunResult().Results.Single().TrackedSteps[NmrSpecGeneratorSteps.Output].SelectMany(r => r.Outputs).ToList();
        Assert.Equal(new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.New }, outputs.Select(o => o.Reason));
    }

    [Fact]
    public void Incremental_CompilingTheSameSpecTwice_GivesEqualButDistinctModels()
    {
        string text = RepoPaths.ReadText("specs/pde/relaxing-sphere.nmr");
        var first = NmrCompiler.Compile("specs/pde/relaxing-sphere.nmr", text);
        var second = NmrCompiler.Compile("specs/pde/relaxing-sphere.nmr", text);
        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    /// <summary>No output of a tracked step (NmrDsl.*) holds a symbol, compilation, syntax node or location.</summary>
    [Fact]
    public void Incremental_StepOutputs_HoldNoRoslynObjects()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.ExampleSpecs().Append(("broken.nmr", "problem Broken\n  geometry sphere r in 0 .. R\n  equation dt(C) = div(D * grad(C)) +\n")));
        var result = run.Single;
        var found = new List<string>();
        int outputs = 0;
        // Our own steps; the driver's SourceOutput step holds Roslyn diagnostics (with locations) by design.
        foreach (var (name, steps) in result.TrackedSteps.Where(s => s.Key.StartsWith("NmrDsl.", StringComparison.Ordinal)))
        {
            foreach (var step in steps)
            {
                foreach (var (value, _) in step.Outputs)
                {
                    outputs++;
                    found.AddRange(ObjectGraph.FindForbidden(value, name));
                }
            }
        }
        Assert.True(outputs >= 3 * 4, "too few step outputs walked: " + outputs);
        Assert.True(found.Count == 0, "pipeline step outputs hold Roslyn objects:\n" + string.Join("\n", found));
    }

    /// <summary>The walker itself must bite: a planted Location and a planted symbol are found, through records and collections.</summary>
    [Fact]
    public void Incremental_ObjectGraphWalker_FindsPlantedRoslynObjects()
    {
        var location = Location.Create("a.nmr", default, default);
        var holder = new Holder("x", new List<object?> { 1, "s", new Holder("inner", new object?[] { location }) });
        Assert.Single(ObjectGraph.FindForbidden(holder, "root"));

        var compilation = GeneratorHarness.CreateCompilation("public class C { }");
        var symbol = compilation.GetTypeByMetadataName("C");
        var cyclic = new List<object?>();
        cyclic.Add(cyclic);
        cyclic.Add(new Holder("y", symbol));
        Assert.Single(ObjectGraph.FindForbidden(cyclic, "root"));
        Assert.Empty(ObjectGraph.FindForbidden(NmrCompiler.Compile("a.nmr", "problem P\n"), "root"));
    }

    private sealed record Holder(string Name, object? Payload);
}
