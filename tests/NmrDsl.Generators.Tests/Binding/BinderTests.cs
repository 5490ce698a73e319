using System;
using System.Collections.Generic;
using System.Linq;
using NmrDsl.Generators.Binding;
using NmrDsl.Generators.Diagnostics;
using NmrDsl.Generators.Symbolic;
using NmrDsl.Generators.Syntax;
using NmrDsl.Generators.Tests.TestSupport;

namespace NmrDsl.Generators.Tests.Binding;

public sealed class BinderTests
{
    private static BoundExpression BindValue(string text, out List<DiagnosticInfo> diagnostics)
    {
        diagnostics = new List<DiagnosticInfo>();
        var syntax = Parser.ParseExpression("v.nmr", text, diagnostics);
        Assert.Empty(diagnostics);
        return new ExpressionBinder("v.nmr", diagnostics, _ => null).Bind(syntax, ExpressionContext.Value);
    }

    private static double Si(string text)
    {
        var bound = BindValue(text, out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.True(bound.Ok);
        return Assert.IsType<Number>(Simplifier.Simplify(bound.Ir)).Value;
    }

    [Theory]
    [InlineData("500 nm^2/s", 5e-16, "m^2 s^-1")]
    [InlineData("250 nm", 2.5e-07, "m")]
    [InlineData("1 um", 1e-06, "m")]
    [InlineData("75 mol/L", 75000.0, "m^-3 mol")]
    [InlineData("600 s", 600.0, "s")]
    [InlineData("1.4e-7 m^2/s", 1.4e-7, "m^2 s^-1")]
    [InlineData("3 ms", 0.003, "s")]
    public void Literals_AreConvertedToSiExactly(string text, double expected, string unit)
    {
        Assert.Equal(expected, Si(text)); // exact: the conversion divides by 1e9 rather than multiplying by 1e-9
        Assert.True(NmrCompiler.TryParseQuantity(text, out var quantity, out var error), error);
        Assert.Equal(expected, quantity!.SiValue);
        Assert.Equal(unit, quantity.SiUnit);
    }

    [Fact]
    public void ToSi_IsCorrectlyRoundedForSubUnitPrefixes()
    {
        Assert.Equal(2.5e-07, ExpressionBinder.ToSi(250, 1e-9));
        Assert.NotEqual(2.5e-07, 250 * 1e-9); // what naive multiplication gives
        Assert.Equal(5e-16, ExpressionBinder.ToSi(500, 1e-18));
        Assert.Equal(2000.0, ExpressionBinder.ToSi(2, 1e3));
    }

    [Fact]
    public void Sum_OfLengthAndTime_IsReportedAtTheOperator()
    {
        var bound = BindValue("1 nm + 2 s", out var diagnostics);
        Assert.False(bound.Ok);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("NMR1004", diagnostic.Id);
        Assert.Equal(new SourceSpan(5, 1, 1, 6, 1, 7), diagnostic.Span);
        Assert.Equal("cannot add [m] and [s]: the dimensions differ", diagnostic.Message);
    }

    [Fact]
    public void BareZero_FitsAnyDimension_AndBareUnitIsOneOfIt()
    {
        Assert.True(BindValue("0 + 1 nm", out var d1).Ok);
        Assert.Empty(d1);
        Assert.Equal(0.1, Si("0.1 / s"), 15);
        Assert.Equal(Math.PI, Si("pi"));
    }

    [Fact]
    public void NestedErrors_AreReportedOnce()
    {
        BindValue("exp(1 nm + 2 s) * 3", out var diagnostics);
        Assert.Equal("NMR1004", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Declarations_CarrySiDefaultsAndUnits()
    {
        var compilation = NmrCompiler.Compile("specs/pde/relaxing-sphere.nmr", RepoPaths.ReadText("specs/pde/relaxing-sphere.nmr"));
        Assert.False(compilation.HasErrors);
        var r = compilation.Declarations.Single(d => d.Name == "R" && d.Kind == "parameter");
        Assert.Equal(2.5e-07, r.DefaultSi);
        Assert.Equal("m", r.SiUnit);
        Assert.Equal("nm", r.DeclaredUnit);
        Assert.Equal((8, 13), (r.Line, r.Column));
    }

    /// <summary>
    /// The relaxing-sphere equation C dt(P) = div(D C grad(P)) - C (P - P0 (1 - exp(-t/tau))) / T1
    /// has the normal form A = C, K = D C, S1 = -C/T1, S0 = C P0 (1 - exp(-t/tau)) / T1. Compared by
    /// value at several points, so the test does not depend on the simplifier's canonical form.
    /// </summary>
    [Fact]
    public void PdeAnalyzer_RelaxingSphere_NormalForm()
    {
        const string path = "specs/pde/relaxing-sphere.nmr";
        string text = RepoPaths.ReadText(path);
        var diagnostics = new List<DiagnosticInfo>();
        var problem = Assert.IsType<ProblemSyntax>(Assert.Single(Parser.Parse(path, text, diagnostics).Blocks));
        var bound = ProblemBinder.Bind(path, text, problem, diagnostics);
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        var equation = bound.Equation!;

        var points = new[]
        {
            new Dictionary<string, double> { ["C"] = 75000, ["D"] = 5e-16, ["T1"] = 60, ["P0"] = 1, ["t"] = 3, ["tau"] = 5, ["r"] = 1e-7 },
            new Dictionary<string, double> { ["C"] = 19000, ["D"] = 7e-16, ["T1"] = 3, ["P0"] = 100, ["t"] = 0.5, ["tau"] = 2, ["r"] = 3e-7 },
        };
        foreach (var values in points)
        {
            double Eval(Expr e) => ExprAnalysis.Evaluate(e, name => values[name]);
            double c = values["C"], d = values["D"], t1 = values["T1"], p0 = values["P0"], t = values["t"], tau = values["tau"];
            Assert.Equal(c, Eval(equation.Capacity), 12);
            Assert.Equal(d * c, Eval(equation.Diffusivity), 1e-24);
            Assert.Equal(-c / t1, Eval(equation.SourceLinear), 9);
            Assert.Equal(c * p0 * (1 - Math.Exp(-t / tau)) / t1, Eval(equation.SourceConstant), 6);
        }
        Assert.Equal(17, equation.Line);
    }

    [Fact]
    public void PdeAnalyzer_FlipsANegativeCapacity()
    {
        // -dt(u) = -div(k grad(u)) + a u   is   dt(u) = div(k grad(u)) - a u.
        var residual = -Expr.Sym(PdeSymbols.TimeDerivative) - (-Expr.Sym(PdeSymbols.DivergencePrefix + "0") + Expr.Sym("a") * Expr.Sym("u"));
        var result = PdeAnalyzer.Analyze(residual, new[] { Expr.Sym("k") * Expr.Sym(PdeSymbols.Gradient) }, "u");
        Assert.Equal(PdeAnalyzer.PdeProblemKind.None, result.Problem);
        double Eval(Expr e) => ExprAnalysis.Evaluate(e, name => name == "a" ? 2.0 : 3.0);
        Assert.Equal(1.0, Eval(result.Capacity!));
        Assert.Equal(3.0, Eval(result.Diffusivity!));
        Assert.Equal(-2.0, Eval(result.SourceLinear!));
        Assert.Equal(0.0, Eval(result.SourceConstant!));
    }

    [Theory]
    [InlineData("u * $dt - $div0", PdeAnalyzer.PdeProblemKind.NonlinearTimeDerivative)]
    [InlineData("$div0", PdeAnalyzer.PdeProblemKind.NoTimeDerivative)]
    [InlineData("$dt - $div0 + u^2", PdeAnalyzer.PdeProblemKind.NonlinearSource)]
    [InlineData("$dt - $div0 + $grad", PdeAnalyzer.PdeProblemKind.FluxForm)]
    [InlineData("$dt - u * $div0", PdeAnalyzer.PdeProblemKind.DivergenceCoefficient)]
    public void PdeAnalyzer_NamesWhatIsWrong(string residual, PdeAnalyzer.PdeProblemKind expected)
    {
        var result = PdeAnalyzer.Analyze(ParseIr(residual), new[] { Expr.Sym("k") * Expr.Sym(PdeSymbols.Gradient) }, "u");
        Assert.Equal(expected, result.Problem);
        Assert.NotEqual("", result.Detail);
    }

    // A tiny reader for the residuals above: sums and products of symbols (with $ names), u^2.
    private static Expr ParseIr(string text)
    {
        Expr sum = Expr.Num(0);
        foreach (var (term, sign) in Terms(text))
        {
            Expr product = Expr.Num(sign);
            foreach (var factor in term.Split('*', StringSplitOptions.TrimEntries))
            {
                product *= factor.EndsWith("^2", StringComparison.Ordinal) ? Expr.Pow(Expr.Sym(factor[..^2]), Expr.Num(2)) : Expr.Sym(factor);
            }
            sum += product;
        }
        return sum;
    }

    private static IEnumerable<(string Term, double Sign)> Terms(string text)
    {
        double sign = 1;
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] is '+' or '-')
            {
                string term = text[start..i].Trim();
                if (term.Length > 0) yield return (term, sign);
                if (i < text.Length) sign = text[i] == '-' ? -1 : 1;
                start = i + 1;
            }
        }
    }
}
