using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NmrDsl.Generators;
using NmrDsl.Runtime;

namespace NmrDsl.Cli.Tests;

public class InMemoryCompilerTests
{
    [Fact]
    public void Compiles_loads_and_runs_a_hand_written_job()
    {
        var compilation = InMemoryCompiler.Compile("Test.Job", [new GeneratedSource("SphereJob.g.cs", JobSources.Job())]);
        Assert.True(compilation.Success, string.Join("\n", compilation.Errors.Select(e => InMemoryCompiler.Format(e, "?"))));

        using var temp = new TempDir();
        using var loaded = compilation.Load();
        var job = loaded.CreateJob(JobSources.TypeName);
        var progress = new List<JobProgress>();
        using var log = new StringWriter();
        var result = job.Run(new JobContext(temp.Path)
        {
            Overrides = new Dictionary<string, double> { ["solid.D"] = 3.5e-16 },
            Seed = 42,
            Log = log,
            Progress = new SyncProgress(progress.Add),
        });

        Assert.Equal("SphereJob", result.Name);
        Assert.Equal(3.5e-16, result.Summary["D_m2_per_s"]);
        Assert.Equal(42, result.Summary["seed"]);
        Assert.True(File.Exists(Assert.Single(result.Files)));
        Assert.Equal(3, progress.Count);
        Assert.Contains("log: D = 3.5E-16", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_are_mapped_through_line_directives_to_the_spec()
    {
        var compilation = InMemoryCompiler.Compile("Test.Broken", [new GeneratedSource("Broken.g.cs", JobSources.BrokenWithLineDirective)]);

        Assert.False(compilation.Success);
        var error = Assert.Single(compilation.Errors);
        var text = InMemoryCompiler.Format(error, "fallback.nmr");
        Assert.StartsWith("x.nmr(7,", text, StringComparison.Ordinal);
        Assert.Contains("): error CS0103: The name 'undefinedName' does not exist in the current context", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_without_line_directives_point_at_the_generated_file()
    {
        var compilation = InMemoryCompiler.Compile("Test.Plain", [new GeneratedSource("Plain.g.cs", "class C { int M() => nope; }")]);
        var text = InMemoryCompiler.Format(Assert.Single(compilation.Errors), "spec.nmr");
        Assert.StartsWith("Plain.g.cs(1,22): error CS0103:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Nullable_is_enabled_and_latest_language_features_compile()
    {
        // *.g.cs files count as generated code, where Roslyn ignores the project-wide nullable
        // setting: the emitter must write '#nullable enable' itself (as here).
        const string source = """
            #nullable enable
            namespace T;
            public static class N
            {
                public static string? Maybe() => null;
                public static int Len() => Maybe().Length;
                public static int[] Collection() => [1, 2, 3];
            }
            """;
        var compilation = InMemoryCompiler.Compile("Test.Nullable", [new GeneratedSource("N.g.cs", source)]);
        Assert.True(compilation.Success);
        Assert.Contains(compilation.Warnings, w => w.Id == "CS8602");
    }

    [Fact]
    public void References_include_the_runtime()
    {
        Assert.Contains(InMemoryCompiler.References, r => r.Display is { } d && d.EndsWith("NmrDsl.Runtime.dll", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Missing_job_type_is_reported()
    {
        var compilation = InMemoryCompiler.Compile("Test.Job2", [new GeneratedSource("SphereJob.g.cs", JobSources.Job())]);
        using var loaded = compilation.Load();
        var ex = Assert.Throws<InvalidOperationException>(() => loaded.CreateJob("Test.Generated.Nope"));
        Assert.Contains("Test.Generated.Nope", ex.Message, StringComparison.Ordinal);
    }

    private sealed class SyncProgress(Action<JobProgress> onReport) : IProgress<JobProgress>
    {
        public void Report(JobProgress value) => onReport(value);
    }
}
