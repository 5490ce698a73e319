using System;
using System.IO;
using NmrDsl.Generators;

namespace NmrDsl.Cli.Tests;

/// <summary>`nmrdsl run` after the front end, with hand-written generated code.</summary>
public class RunCommandTests
{
    private static readonly DeclarationInfo[] Declarations =
    [
        Fake.Declaration("solid.D", "m^2 s^-1", line: 12, declaredUnit: "nm^2/s", defaultSi: 1e-18),
    ];

    private static SpecCompilation Compilation(string spec, string source)
        => Fake.Compilation(spec,
            sources: [new GeneratedSource("SphereJob.g.cs", source)],
            declarations: Declarations,
            jobs: [new JobInfo("SphereUptake", "pde", JobSources.TypeName)]);

    [Fact]
    public void Runs_the_job_with_overrides_and_seed_and_prints_the_summary()
    {
        using var temp = new TempDir();
        var output = Path.Combine(temp.Path, "out");
        var (context, stdout, stderr) = CliRunner.NewContext();

        var code = RunCommand.ExecuteCompiled(context,
            new RunRequest("sphere.nmr", ["solid.D=350 nm^2/s"], output, Seed: 7),
            Compilation("sphere.nmr", JobSources.Job()), Fake.ParseQuantity);

        var text = stdout.ToString();
        Assert.True(code == ExitCodes.Success, text + stderr);
        Assert.Equal("{ \"D\": 3.5E-16 }", File.ReadAllText(Path.Combine(output, "result.json")));
        Assert.Contains("running SphereJob (pde) → " + output, text, StringComparison.Ordinal);
        Assert.Contains("log: D = 3.5E-16", text, StringComparison.Ordinal);
        Assert.Contains("[solve] 0% start", text, StringComparison.Ordinal);
        Assert.Contains("[solve] 100% end", text, StringComparison.Ordinal);
        Assert.Contains("D_m2_per_s", text, StringComparison.Ordinal);
        Assert.Contains("3.5E-16", text, StringComparison.Ordinal);
        Assert.Contains("seed", text, StringComparison.Ordinal);
        Assert.Contains("result.json", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal); // no ANSI codes when not a terminal
        Assert.Equal(string.Empty, stderr.ToString());
    }

    [Fact]
    public void Interactive_mode_runs_the_job_under_a_live_progress_display()
    {
        using var temp = new TempDir();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, interactive: true, System.Threading.CancellationToken.None);

        var code = RunCommand.ExecuteCompiled(context, new RunRequest("sphere.nmr", [], temp.Path),
            Compilation("sphere.nmr", JobSources.Job()), Fake.ParseQuantity);

        Assert.True(code == ExitCodes.Success, stdout.ToString() + stderr);
        Assert.Contains("log: D = 1E-18", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("D_m2_per_s", stdout.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(temp.Path, "result.json")));
    }

    [Fact]
    public void Generated_code_that_does_not_compile_is_an_internal_error_mapped_to_the_spec()
    {
        var (context, stdout, stderr) = CliRunner.NewContext();
        var compilation = Fake.Compilation("x.nmr",
            sources: [new GeneratedSource("Broken.g.cs", JobSources.BrokenWithLineDirective)],
            jobs: [new JobInfo("B", "pde", "Test.Generated.Broken")]);

        var code = RunCommand.ExecuteCompiled(context, new RunRequest("x.nmr", []), compilation, Fake.ParseQuantity);

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Contains("x.nmr(7,", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("error CS0103", stdout.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("nmrdsl: internal error: the C# generated for x.nmr does not compile", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Spec_errors_stop_before_anything_runs()
    {
        var (context, stdout, _) = CliRunner.NewContext();
        var compilation = Fake.Compilation("bad.nmr", diagnostics: [Fake.Error("bad.nmr", 5, 9)]);
        var code = RunCommand.ExecuteCompiled(context, new RunRequest("bad.nmr", []), compilation, Fake.ParseQuantity);
        Assert.Equal(ExitCodes.UserError, code);
        Assert.StartsWith("bad.nmr(5,9): error NMR1001: unexpected token '}'", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_spec_without_jobs_is_a_user_error()
    {
        var (context, stdout, _) = CliRunner.NewContext();
        var code = RunCommand.ExecuteCompiled(context, new RunRequest("empty.nmr", []), Fake.Compilation("empty.nmr"), Fake.ParseQuantity);
        Assert.Equal(ExitCodes.UserError, code);
        Assert.StartsWith("empty.nmr: error NMR9007: the spec declares no job to run", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_unit_in_set_is_a_user_error_naming_the_declaration()
    {
        var (context, stdout, _) = CliRunner.NewContext();
        var code = RunCommand.ExecuteCompiled(context, new RunRequest("sphere.nmr", ["solid.D=3 um"]),
            Compilation("sphere.nmr", JobSources.Job()), Fake.ParseQuantity);
        Assert.Equal(ExitCodes.UserError, code);
        Assert.Contains("sphere.nmr(12,5): error NMR9005: --set solid.D: incompatible unit", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_rejecting_its_input_is_a_user_error()
    {
        using var temp = new TempDir();
        var (context, stdout, stderr) = CliRunner.NewContext();
        var source = JobSources.Job("throw new System.ArgumentOutOfRangeException(\"radius\", \"radius must be positive\");");

        var code = RunCommand.ExecuteCompiled(context, new RunRequest("sphere.nmr", [], temp.Path), Compilation("sphere.nmr", source), Fake.ParseQuantity);

        Assert.Equal(ExitCodes.UserError, code);
        Assert.Contains("sphere.nmr: error NMR9009: job 'SphereJob' rejected its input: radius must be positive", stdout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout.ToString() + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_data_is_a_user_error_located_in_the_data_file()
    {
        using var temp = new TempDir();
        var (context, stdout, stderr) = CliRunner.NewContext();
        var source = JobSources.Job("throw new NmrDsl.Runtime.IO.DataFormatException(\"data.csv\", 12, 3, \"expected a number in column 'y', found 'abc'\");");

        var code = RunCommand.ExecuteCompiled(context, new RunRequest("sphere.nmr", [], temp.Path), Compilation("sphere.nmr", source), Fake.ParseQuantity);

        Assert.Equal(ExitCodes.UserError, code);
        Assert.Contains("data.csv(12,3): error NMR9010: expected a number in column 'y', found 'abc'", stdout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout.ToString() + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crashing_job_is_an_internal_error_without_stack_trace()
    {
        using var temp = new TempDir();
        var (context, stdout, stderr) = CliRunner.NewContext();
        var source = JobSources.Job("throw new System.InvalidOperationException(\"matrix is singular\");");

        var code = RunCommand.ExecuteCompiled(context, new RunRequest("sphere.nmr", [], temp.Path), Compilation("sphere.nmr", source), Fake.ParseQuantity);

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.StartsWith("nmrdsl: internal error: job 'SphereJob' failed: matrix is singular", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout.ToString() + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_shows_the_stack_trace_of_a_crashing_job()
    {
        using var temp = new TempDir();
        var (context, _, stderr) = CliRunner.NewContext(verbose: true);
        var source = JobSources.Job("throw new System.InvalidOperationException(\"matrix is singular\");");

        var code = RunCommand.ExecuteCompiled(context, new RunRequest("sphere.nmr", [], temp.Path), Compilation("sphere.nmr", source), Fake.ParseQuantity);

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Contains("   at Test.Generated.SphereJob.Run", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Several_jobs_write_into_subfolders_named_after_their_blocks()
    {
        using var temp = new TempDir();
        var (context, stdout, stderr) = CliRunner.NewContext();
        var compilation = Fake.Compilation("two.nmr",
            sources: [new GeneratedSource("SphereJob.g.cs", JobSources.Job())],
            jobs: [new JobInfo("First", "pde", JobSources.TypeName), new JobInfo("Second", "pde", JobSources.TypeName)]);

        var code = RunCommand.ExecuteCompiled(context, new RunRequest("two.nmr", [], temp.Path), compilation, Fake.ParseQuantity);

        Assert.True(code == ExitCodes.Success, stdout.ToString() + stderr);
        Assert.True(File.Exists(Path.Combine(temp.Path, "First", "result.json")));
        Assert.True(File.Exists(Path.Combine(temp.Path, "Second", "result.json")));
    }
}
