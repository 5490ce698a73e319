using System.Collections.Generic;
using System.Linq;
using NmrDsl.Generators.Diagnostics;
using NmrDsl.Generators.Syntax;

namespace NmrDsl.Generators.Tests.Syntax;

public sealed class ParserTests
{
    private static ExpressionSyntax Expr(string text)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var expression = Parser.ParseExpression("e.nmr", text, diagnostics);
        Assert.Empty(diagnostics);
        return expression;
    }

    private static (SpecSyntax Spec, List<DiagnosticInfo> Diagnostics) Parse(string text)
    {
        var diagnostics = new List<DiagnosticInfo>();
        return (Parser.Parse("p.nmr", text, diagnostics), diagnostics);
    }

    private static string Show(ExpressionSyntax e) => e switch
    {
        NumberSyntax n => n.Unit is null ? n.Text : "(" + n.Text + " " + n.Unit + ")",
        NameSyntax n => n.Name,
        UnarySyntax u => "(" + (u.Operator == TokenKind.Minus ? "-" : "+") + Show(u.Operand) + ")",
        BinarySyntax b => "(" + Show(b.Left) + " " + Op(b.Operator) + " " + Show(b.Right) + ")",
        CallSyntax c => c.Name + "(" + string.Join(", ", c.Arguments.Select(Show)) + (c.Over is null ? "" : " over " + c.Over) + ")",
        ComparisonSyntax c => "(" + string.Join(" ? ", c.Operands.Select(Show)) + ")",
        _ => "<missing>",
    };

    private static string Op(TokenKind kind) => kind switch
    {
        TokenKind.Plus => "+",
        TokenKind.Minus => "-",
        TokenKind.Star => "*",
        TokenKind.Slash => "/",
        TokenKind.Caret => "^",
        _ => kind.ToString(),
    };

    [Theory]
    [InlineData("-x^2", "(-(x ^ 2))")]
    [InlineData("a/b*c", "((a / b) * c)")]
    [InlineData("a - b - c", "((a - b) - c)")]
    [InlineData("a + b * c", "(a + (b * c))")]
    [InlineData("2^3^2", "(2 ^ (3 ^ 2))")]
    [InlineData("2^-1", "(2 ^ (-1))")]
    [InlineData("(a + b) * c", "((a + b) * c)")]
    [InlineData("exp(-t / tau)", "exp(((-t) / tau))")]
    [InlineData("mean(P over solid)", "mean(P over solid)")]
    [InlineData("min(a, b)", "min(a, b)")]
    public void Precedence_AndAssociativity(string text, string expected)
        => Assert.Equal(expected, Show(Expr(text)));

    [Fact]
    public void UnitAfterNumber_IsPartOfTheLiteral()
    {
        var number = Assert.IsType<NumberSyntax>(Expr("500 nm^2/s"));
        Assert.Equal(500, number.Value);
        Assert.NotNull(number.Unit);
        Assert.Equal(new[] { ("nm", 2), ("s", -1) }, number.Unit!.Factors.Select(f => (f.Symbol, f.Power)));
        Assert.Equal(new SourceSpan(0, 10, 1, 1, 1, 11), number.Span);
    }

    [Fact]
    public void SpaceSeparatedUnitProduct_ContinuesAfterAPower()
    {
        var number = Assert.IsType<NumberSyntax>(Expr("1e-3 m^2 s^-1"));
        Assert.Equal(new[] { ("m", 2), ("s", -1) }, number.Unit!.Factors.Select(f => (f.Symbol, f.Power)));
    }

    [Fact]
    public void UnitStopsBeforeADeclaredName()
    {
        // 'R' is not a unit symbol: 1 um / R divides by the name R.
        Assert.Equal("((1 um) / R)", Show(Expr("1 um / R")));
    }

    [Fact]
    public void Material_TwoPropertiesOnOneLine_Split()
    {
        var (spec, diagnostics) = Parse("problem P\n  material solid C = 75 mol/L D = 500 nm^2/s\n");
        Assert.Empty(diagnostics);
        var material = Assert.IsType<MaterialSyntax>(Assert.Single(Assert.IsType<ProblemSyntax>(Assert.Single(spec.Blocks)).Members));
        Assert.Equal("solid", material.Region);
        Assert.Equal(new[] { "C", "D" }, material.Properties.Select(p => p.Name));
        Assert.Equal("(75 mol L^-1)", Show(material.Properties[0].Value));
        Assert.Equal("(500 nm^2 s^-1)", Show(material.Properties[1].Value));
        Assert.Equal(31, material.Properties[1].NameSpan.Column);
    }

    [Fact]
    public void SolveOptions_AreNotTakenAsUnits()
    {
        var (spec, diagnostics) = Parse("problem P\n  solve finite-volume cells 200 outputs 101\n");
        Assert.Empty(diagnostics);
        var solve = Assert.IsType<SolveSyntax>(Assert.Single(((ProblemSyntax)spec.Blocks[0]).Members));
        Assert.Equal("finite-volume", solve.Method);
        Assert.Equal(new[] { ("cells", "200"), ("outputs", "101") }, solve.Options.Select(o => (o.Name, Show(o.Value))));
    }

    [Fact]
    public void Recovery_TwoBadLines_GiveTwoDiagnostics_AndTheRestParses()
    {
        var (spec, diagnostics) = Parse("problem P\n  parameter = 5\n  time t in 0 .. 1 s\n  initial C = = 0\n  field C(r, t)\n");
        Assert.Equal(new[] { ("NMR0010", 2, 13), ("NMR0015", 4, 15) }, diagnostics.Select(d => (d.Id, d.Span.Line, d.Span.Column)));
        var members = ((ProblemSyntax)spec.Blocks[0]).Members;
        Assert.Contains(members, m => m is TimeSyntax);
        Assert.Contains(members, m => m is FieldSyntax { Name: "C" });
    }

    [Fact]
    public void SemicolonSeparatesDeclarationsOnOneLine()
    {
        var (spec, diagnostics) = Parse("problem P\n  parameter a = 1; parameter b = 2 s\n");
        Assert.Empty(diagnostics);
        Assert.Equal(new[] { "a", "b" }, ((ProblemSyntax)spec.Blocks[0]).Members.Cast<ParameterSyntax>().Select(p => p.Name));
    }

    [Fact]
    public void Block_HasNameDescriptionAndSpans()
    {
        var (spec, diagnostics) = Parse("problem SphereUptake \"a sphere\"\n  time t in 0 .. 600 s\n");
        Assert.Empty(diagnostics);
        var problem = Assert.IsType<ProblemSyntax>(Assert.Single(spec.Blocks));
        Assert.Equal("SphereUptake", problem.Name);
        Assert.Equal("a sphere", problem.Description);
        Assert.Equal(new SourceSpan(8, 12, 1, 9, 1, 21), problem.NameSpan);
        var time = Assert.IsType<TimeSyntax>(problem.Members[0]);
        Assert.Equal((2, 3), (time.Span.Line, time.Span.Column));
        Assert.Equal("(600 s)", Show(time.Upper));
    }

    [Fact]
    public void EveryExampleSpec_ParsesWithoutDiagnostics()
    {
        foreach (var path in TestSupport.RepoPaths.ExampleSpecs())
        {
            var (spec, diagnostics) = Parse(TestSupport.RepoPaths.ReadText(path));
            Assert.Empty(diagnostics);
            Assert.NotEmpty(spec.Blocks);
        }
    }
}
