using System;
using System.IO;

namespace NmrDsl.Cli.Tests;

/// <summary>The command surface: help, version, usage errors, missing files, exit codes.</summary>
public class CommandLineTests
{
    [Fact]
    public void Help_lists_every_command_and_exits_0()
    {
        var outcome = CliRunner.Run("--help");
        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        foreach (var command in new[] { "check", "generate", "describe", "run", "--version", "--verbose" })
        {
            Assert.Contains(command, outcome.Stdout, StringComparison.Ordinal);
        }
        Assert.Contains("nmrdsl", outcome.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("testhost", outcome.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check", "SPEC")]
    [InlineData("generate", "--out")]
    [InlineData("describe", "SPEC")]
    [InlineData("run", "--set")]
    [InlineData("run", "--seed")]
    [InlineData("run", "--out")]
    public void Every_command_has_help(string command, string expected)
    {
        var outcome = CliRunner.Run(command, "--help");
        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        Assert.Contains(expected, outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("Usage:", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void No_arguments_shows_help_as_a_usage_error()
    {
        var outcome = CliRunner.Run();
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains("check", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var outcome = CliRunner.Run("--version");
        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        Assert.Equal(Cli.Version, outcome.Stdout.Trim());
        Assert.StartsWith("0.", outcome.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("check")]
    [InlineData("generate", "a.nmr")]
    [InlineData("run", "a.nmr", "--seed", "many")]
    [InlineData("describe", "a.nmr", "b.nmr")]
    public void Usage_errors_exit_1_with_a_hint_and_no_stack_trace(params string[] args)
    {
        var outcome = CliRunner.Run(args);
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.StartsWith("nmrdsl: error: ", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("--help' for usage.", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(outcome.HasStackTrace, outcome.All);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("describe")]
    [InlineData("run")]
    public void Missing_spec_is_a_user_error_naming_the_file(string command)
    {
        var path = Path.Combine("no-such-dir", "missing.nmr");
        var outcome = CliRunner.Run(command, path);
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains(path + ": error NMR0001: file not found", outcome.All, StringComparison.Ordinal);
        Assert.False(outcome.HasStackTrace, outcome.All);
    }

    [Fact]
    public void Missing_spec_in_generate_writes_nothing()
    {
        using var temp = new TempDir();
        var output = Path.Combine(temp.Path, "gen");
        var outcome = CliRunner.Run("generate", "missing.nmr", "-o", output);
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains("missing.nmr: error NMR0001: file not found", outcome.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Check_keeps_relative_paths_relative()
    {
        var outcome = CliRunner.Run("check", "specs/none/here.nmr");
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.StartsWith("specs/none/here.nmr: error NMR0001:", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 spec checked: 1 error, 0 warnings", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crash_is_an_internal_error_without_stack_trace_unless_verbose()
    {
        SpecCompilationThrows quiet = new();
        using var temp = new TempDir();
        var spec = temp.File("a.nmr", "problem A {}");

        var outcome = CliRunner.Run(quiet.Compile, "check", spec);
        Assert.Equal(ExitCodes.InternalError, outcome.ExitCode);
        Assert.StartsWith("nmrdsl: internal error: boom", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(outcome.HasStackTrace, outcome.All);

        var verbose = CliRunner.Run(quiet.Compile, "check", spec, "--verbose");
        Assert.Equal(ExitCodes.InternalError, verbose.ExitCode);
        Assert.Contains("   at ", verbose.Stderr, StringComparison.Ordinal);
    }

    private sealed class SpecCompilationThrows
    {
        public NmrDsl.Generators.SpecCompilation Compile(string path, string text) => throw new InvalidOperationException("boom");
    }
}
