using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NmrDsl.Cli.Tests;

/// <summary>The real front end on the repository's example specs.</summary>
public class EndToEndTests
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NmrDsl.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("NmrDsl.sln not found above " + AppContext.BaseDirectory);
    });

    internal static string RepoRoot => LazyRoot.Value;

    internal static string Spec(string relative) => Path.Combine(RepoRoot, "specs", relative);

    [Fact]
    public void Check_on_a_malformed_spec_prints_located_errors_and_exits_1()
    {
        using var temp = new TempDir();
        var spec = temp.File("broken.nmr", "problem Broken\n  parameter R = 1 furlong\n  equation dt(C) =\n");

        var outcome = CliRunner.Run("check", spec);

        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        var line = outcome.Stdout.Split('\n')[0];
        Assert.Matches("^" + Regex.Escape(spec) + @"\(\d+,\d+\): error NMR\d{4}: .+", line);
        Assert.Matches(@"1 spec checked: [1-9]\d* errors?, \d+ warnings?", outcome.Stdout);
        Assert.False(outcome.HasStackTrace, outcome.All);
        Assert.Equal(string.Empty, outcome.Stderr);
    }

    [Fact]
    public void Every_example_spec_checks_clean()
    {
        var outcome = CliRunner.Run("check", Path.Combine(RepoRoot, "specs"));
        Assert.True(outcome.ExitCode == ExitCodes.Success, outcome.All);
        Assert.Matches(@"\d+ specs checked: 0 errors", outcome.Stdout);
    }

    [Fact]
    public void Generate_writes_g_cs_files_with_line_directives()
    {
        using var temp = new TempDir();
        var outcome = CliRunner.Run("generate", Spec("pde/sphere-uptake.nmr"), "-o", temp.Path);

        Assert.True(outcome.ExitCode == ExitCodes.Success, outcome.All);
        var files = Directory.GetFiles(temp.Path);
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.EndsWith(".g.cs", f, StringComparison.Ordinal));
        Assert.Contains(files, f => File.ReadAllText(f).Contains("#line", StringComparison.Ordinal));
    }

    [Fact]
    public void Describe_lists_parameters_with_units_and_a_job()
    {
        var outcome = CliRunner.Run("describe", Spec("pde/sphere-uptake.nmr"));

        Assert.True(outcome.ExitCode == ExitCodes.Success, outcome.All);
        using var json = JsonDocument.Parse(outcome.Stdout);
        var declarations = json.RootElement.GetProperty("declarations").EnumerateArray().ToList();
        var d = declarations.Single(x => x.GetProperty("name").GetString() == "D");
        Assert.Equal("m^2 s^-1", d.GetProperty("siUnit").GetString());
        Assert.True(d.GetProperty("canOverride").GetBoolean());
        Assert.Equal(5e-16, d.GetProperty("default").GetDouble(), 1e-28);
        Assert.Equal(8, d.GetProperty("line").GetInt32());
        Assert.NotEmpty(json.RootElement.GetProperty("jobs").EnumerateArray());
    }

    [Fact]
    public void Run_with_a_wrong_unit_names_the_declaration()
    {
        var spec = Spec("pde/sphere-uptake.nmr");
        var outcome = CliRunner.Run("run", spec, "--set", "D=3 um", "--out", Path.Combine(Path.GetTempPath(), "nmrdsl-never-written"));

        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains(spec + "(8,", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("error NMR9005: --set D: incompatible unit: 'D' (declared at line 8) expects a value in m^2 s^-1", outcome.Stdout, StringComparison.Ordinal);
        Assert.False(outcome.HasStackTrace, outcome.All);
    }

    [Fact]
    public void Run_with_an_unknown_name_suggests_close_names()
    {
        var spec = Spec("pde/sphere-uptake.nmr");
        var outcome = CliRunner.Run("run", spec, "--set", "d=500 nm^2/s");

        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains(spec + ": error NMR9003: --set d: the spec declares no 'd'; did you mean D", outcome.Stdout, StringComparison.Ordinal);
    }
}
