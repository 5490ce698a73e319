using System;
using System.IO;
using NmrDsl.Generators;

namespace NmrDsl.Cli.Tests;

public class OverrideParserTests
{
    private static readonly DeclarationInfo[] Declarations =
    [
        Fake.Declaration("solid.D", "m^2 s^-1", line: 12, declaredUnit: "nm^2/s", defaultSi: 3.5e-16),
        Fake.Declaration("solid.R", "m", line: 13, declaredUnit: "um"),
        Fake.Declaration("shell.D", "m^2 s^-1", line: 17, declaredUnit: "nm^2/s"),
        Fake.Declaration("T1", "s", line: 14),
        Fake.Declaration("u", "", line: 20, canOverride: false, kind: "field"),
    ];

    private static OverrideResolution Resolve(params string[] sets)
        => OverrideParser.Resolve("specs/pde/sphere.nmr", Declarations, sets, Fake.ParseQuantity);

    [Theory]
    [InlineData("solid.D=350 nm^2/s", "solid.D", "350 nm^2/s")]
    [InlineData(" solid.D = 350 nm^2/s ", "solid.D", "350 nm^2/s")]
    [InlineData("T1=1e-3", "T1", "1e-3")]
    [InlineData("a=b=c", "a", "b=c")]
    [InlineData("_x.y_2=1", "_x.y_2", "1")]
    public void Splits_at_the_first_equals_sign(string argument, string name, string value)
    {
        Assert.True(OverrideParser.TryParseAssignment(argument, out var assignment, out var error), error);
        Assert.Equal(name, assignment.Name);
        Assert.Equal(value, assignment.ValueText);
    }

    [Theory]
    [InlineData("solid.D", "expected name=value")]
    [InlineData("=3", "name before '=' is empty")]
    [InlineData("solid.D=", "value after '=' is empty")]
    [InlineData("solid..D=1", "not a declared-name shape")]
    [InlineData("1x=1", "not a declared-name shape")]
    [InlineData("a-b=1", "not a declared-name shape")]
    public void Rejects_malformed_assignments(string argument, string message)
    {
        Assert.False(OverrideParser.TryParseAssignment(argument, out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Converts_values_to_si_by_declared_name()
    {
        var result = Resolve("solid.D=350 nm^2/s", "solid.R=2.5 um", "T1=0.5 s");
        Assert.True(result.Success);
        Assert.Equal(3.5e-16, result.Values["solid.D"], 1e-30);
        Assert.Equal(2.5e-6, result.Values["solid.R"], 1e-20);
        Assert.Equal(0.5, result.Values["T1"]);
    }

    [Fact]
    public void Malformed_set_names_the_spec()
    {
        var result = Resolve("solid.D");
        var error = Assert.Single(result.Errors);
        Assert.Equal("specs/pde/sphere.nmr: error NMR9002: --set 'solid.D': expected name=value, e.g. --set solid.D=\"350 nm^2/s\"", DiagnosticPrinter.Format(error));
    }

    [Fact]
    public void Unknown_name_lists_close_names()
    {
        var error = Assert.Single(Resolve("solid.d=1 nm^2/s").Errors);
        var text = DiagnosticPrinter.Format(error);
        Assert.StartsWith("specs/pde/sphere.nmr: error NMR9003: --set solid.d: the spec declares no 'solid.d'; did you mean solid.D", text, StringComparison.Ordinal);

        var bare = DiagnosticPrinter.Format(Assert.Single(Resolve("D=1 nm^2/s").Errors));
        Assert.Contains("did you mean", bare, StringComparison.Ordinal);
        Assert.Contains("shell.D", bare, StringComparison.Ordinal);
        Assert.Contains("solid.D", bare, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_name_without_close_names_lists_what_can_be_set()
    {
        var text = DiagnosticPrinter.Format(Assert.Single(Resolve("temperature=300").Errors));
        Assert.Contains("names that --set can override: T1, shell.D, solid.D, solid.R", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" u", text.Split(':')[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Non_overridable_declaration_is_named_with_its_line()
    {
        var text = DiagnosticPrinter.Format(Assert.Single(Resolve("u=1").Errors));
        Assert.StartsWith("specs/pde/sphere.nmr(20,5): error NMR9004: --set u: a field 'u' (declared at line 20) cannot be set", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Incompatible_unit_names_declaration_line_expected_and_given_unit()
    {
        var text = DiagnosticPrinter.Format(Assert.Single(Resolve("solid.D=2.5 um").Errors));
        Assert.Equal(
            "specs/pde/sphere.nmr(12,5): error NMR9005: --set solid.D: incompatible unit: 'solid.D' (declared at line 12) " +
            "expects a value in m^2 s^-1 (declared in nm^2/s), but '2.5 um' has unit m",
            text);

        var dimensionless = DiagnosticPrinter.Format(Assert.Single(Resolve("solid.R=3").Errors));
        Assert.Contains("expects a value in m (declared in um), but '3' is dimensionless", dimensionless, StringComparison.Ordinal);
    }

    [Fact]
    public void Unparsable_value_reports_the_parser_message()
    {
        var text = DiagnosticPrinter.Format(Assert.Single(Resolve("solid.R=3 furlongs").Errors));
        Assert.Contains("(13,5): error NMR9002: --set solid.R: cannot read '3 furlongs' as a quantity: unknown unit 'furlongs'", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_set_twice_is_an_error_and_every_error_is_reported()
    {
        var result = Resolve("T1=1 s", "T1=2 s", "nope=1", "solid.D");
        Assert.Equal(3, result.Errors.Count);
        Assert.Equal(CliDiagnostics.DuplicateOverride, result.Errors[0].Id);
    }

    [Fact]
    public void Uses_the_front_end_quantity_parser_by_default()
    {
        // Whatever the front end answers, a malformed value must come back as NMR9002, never throw.
        var result = OverrideParser.Resolve("s.nmr", Declarations, ["T1=not a number"]);
        Assert.Equal(CliDiagnostics.MalformedOverride, Assert.Single(result.Errors).Id);
    }

    [Theory]
    [InlineData("solid.D", "solid.D", 0)]
    [InlineData("solid.d", "solid.D", 0)]
    [InlineData("solid.X", "solid.D", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance_is_case_insensitive_levenshtein(string a, string b, int expected)
        => Assert.Equal(expected, OverrideParser.Distance(a, b));

    [Fact]
    public void Bad_set_syntax_on_the_command_line_exits_1_naming_the_spec()
    {
        using var temp = new TempDir();
        var spec = temp.File("s.nmr", "x");
        var outcome = CliRunner.Run((path, text) => Fake.Compilation(path, declarations: Declarations), "run", spec, "--set", "solid.D");
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains(spec + ": error NMR9002: --set 'solid.D': expected name=value", outcome.Stdout, StringComparison.Ordinal);
        Assert.False(outcome.HasStackTrace, outcome.All);
        Assert.False(Directory.Exists(Path.Combine("out", "s")));
    }
}
