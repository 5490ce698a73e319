using System;
using System.Collections.Generic;
using NmrDsl.Generators.Symbolic;

namespace NmrDsl.Generators.Tests.Symbolic;

public class ExprAnalysisTests
{
    private static readonly Expr X = Expr.Sym("x");
    private static readonly Expr Y = Expr.Sym("y");

    [Fact]
    public void DependsOn_looks_everywhere()
    {
        Assert.True(ExprAnalysis.DependsOn(Expr.Pow(2.0, Expr.Call("sin", X)), "x"));
        Assert.True(ExprAnalysis.DependsOn(Expr.Call("max", 1.0, Y * 2.0), "y"));
        Assert.False(ExprAnalysis.DependsOn(Expr.Call("max", 1.0, Y * 2.0), "x"));
        Assert.False(ExprAnalysis.DependsOn(3.0, "x"));
        Assert.False(ExprAnalysis.DependsOn(Expr.Sym("X"), "x"));
    }

    [Fact]
    public void FreeSymbols_are_distinct_and_sorted_ordinal()
    {
        Expr e = Expr.Sym("b") * Expr.Sym("a") + Expr.Call("exp", Expr.Sym("B")) + Expr.Pow(Expr.Sym("a"), Expr.Sym("_k"));
        Assert.Equal(new[] { "B", "_k", "a", "b" }, ExprAnalysis.FreeSymbols(e));
        Assert.Empty(ExprAnalysis.FreeSymbols(Expr.Call("sin", 1.0)));
    }

    [Fact]
    public void Substitute_is_simultaneous_and_does_not_simplify()
    {
        var swap = new Dictionary<string, Expr> { ["x"] = Y, ["y"] = X };
        Assert.Equal(Y - X, ExprAnalysis.Substitute(X - Y, swap));
        var zero = new Dictionary<string, Expr> { ["x"] = Expr.Zero };
        Assert.Equal(Expr.Zero * Y + Expr.Call("exp", Expr.Zero), ExprAnalysis.Substitute(X * Y + Expr.Call("exp", X), zero));
        Assert.Equal(Expr.Pow(Y, 2.0), ExprAnalysis.Substitute(Expr.Pow(X, 2.0), new Dictionary<string, Expr> { ["x"] = Y }));
    }

    [Fact]
    public void Evaluate_computes_every_node_kind()
    {
        Expr e = (X + 2.0 * Y) / Expr.Pow(X, 2.0) - Expr.Call("sqrt", Y) + Expr.Call("min", X, Y) + Expr.Call("heaviside", X - Y);
        double x = 1.5, y = 4.0;
        double expected = ((x + (2 * y)) / (x * x)) - Math.Sqrt(y) + Math.Min(x, y) + 0.0;
        Assert.Equal(expected, Numerics.Eval(e, x, y), 14);
        Assert.Equal(Math.Pow(2.0, 0.3), ExprAnalysis.Evaluate(Expr.Pow(2.0, X), _ => 0.3));
        Assert.Equal(2.0, ExprAnalysis.Evaluate(Expr.Call("cbrt", 8.0), _ => 0));
        Assert.Equal(-1.0, ExprAnalysis.Evaluate(Expr.Call("sign", X), _ => -3));
        Assert.True(double.IsNaN(ExprAnalysis.Evaluate(Expr.Call("sign", X), _ => double.NaN)));
        Assert.True(double.IsNaN(ExprAnalysis.Evaluate(Expr.Call("log", X), _ => -1)));
        Assert.Equal(0.0, ExprAnalysis.Evaluate(new Sum(Model.EquatableArray<Expr>.Empty), _ => 0));
        Assert.Equal(1.0, ExprAnalysis.Evaluate(new Product(Model.EquatableArray<Expr>.Empty), _ => 0));
    }

    [Fact]
    public void Evaluate_rejects_unknown_functions_and_wrong_arity_clearly()
    {
        var ex = Assert.Throws<ArgumentException>(() => ExprAnalysis.Evaluate(Expr.Call("gamma", X), _ => 1));
        Assert.Contains("unknown function 'gamma'", ex.Message, StringComparison.Ordinal);
        var arity = Assert.Throws<ArgumentException>(() => ExprAnalysis.Evaluate(Expr.Call("max", X), _ => 1));
        Assert.Contains("takes 2 argument(s) but was given 1", arity.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Known_functions_have_the_documented_arity()
    {
        Assert.Equal(
            new[] { "abs", "atan", "cbrt", "cos", "cosh", "exp", "heaviside", "log", "max", "min", "sign", "sin", "sinh", "sqrt", "tan", "tanh" },
            KnownFunctions.Names);
        foreach (string f in KnownFunctions.Names)
        {
            Assert.True(KnownFunctions.TryGetArity(f, out int n));
            Assert.Equal(f is "min" or "max" ? 2 : 1, n);
        }
        Assert.False(KnownFunctions.TryGetArity("Exp", out _));
        Assert.False(KnownFunctions.TryGetArity("ln", out _));
        Assert.False(KnownFunctions.TryEvaluate("sin", new[] { 1.0, 2.0 }, out _));
    }

    [Fact]
    public void Cube_root_is_exact_on_cubes_and_odd()
    {
        for (int i = -20; i <= 20; i++)
        {
            Assert.True(KnownFunctions.TryEvaluate("cbrt", new[] { (double)(i * i * i) }, out double r));
            Assert.Equal(i, r);
        }
        Assert.True(KnownFunctions.TryEvaluate("cbrt", new[] { 0.3 }, out double c));
        Assert.True(Math.Abs(Math.Cbrt(0.3) - c) <= 2.3e-16 * c, "cbrt(0.3) off by more than 1 ulp");
    }
}
