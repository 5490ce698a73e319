using System;
using NmrDsl.Generators.Symbolic;
using static NmrDsl.Generators.Symbolic.Simplifier;

namespace NmrDsl.Generators.Tests.Symbolic;

public class DifferentiatorTests
{
    private static readonly Expr X = Expr.Sym("x");
    private static readonly Expr Y = Expr.Sym("y");

    private static Expr D(Expr e) => Differentiator.Differentiate(e, "x");

    private static void Same(Expr expected, Expr input)
    {
        Expr actual = D(input);
        Expr want = Simplify(expected);
        Assert.True(want.Equals(actual), "d/dx " + input + " = " + actual + ", expected " + want);
    }

    [Fact]
    public void Elementary_rules_give_the_textbook_forms()
    {
        Same(Expr.Zero, 3.0);
        Same(Expr.Zero, Y);
        Same(Expr.One, X);
        Same(2.0 * X, Expr.Pow(X, 2.0));
        Same(-1.0 * Expr.Pow(X, -2.0), 1.0 / X);
        Same(Y, X * Y);
        Same(Y + 2.0, X * Y + 2.0 * X + 7.0);
        Same(Expr.Call("cos", X), Expr.Call("sin", X));
        Same(-Expr.Call("sin", X), Expr.Call("cos", X));
        Same(2.0 * Expr.Call("exp", 2.0 * X), Expr.Call("exp", 2.0 * X));
        Same(Expr.Pow(X, -1.0), Expr.Call("log", X));
        Same(0.5 * Expr.Pow(Expr.Call("sqrt", X), -1.0), Expr.Call("sqrt", X));
        Same(Expr.Call("sign", X), Expr.Call("abs", X));
        Same(Expr.Zero, Expr.Call("sign", X));
        Same(Expr.Zero, Expr.Call("heaviside", X));
        Same(Expr.Call("cosh", X), Expr.Call("sinh", X));
        Same(Expr.Call("sinh", X), Expr.Call("cosh", X));
        Same(Y * Expr.Pow(X, Y - 1.0), Expr.Pow(X, Y));
        Same(Expr.Pow(2.0, X) * Math.Log(2.0), Expr.Pow(2.0, X));
        Same(Expr.Pow(X, X) * (Expr.Call("log", X) + 1.0), Expr.Pow(X, X));
    }

    [Fact]
    public void Chain_rule_composes()
    {
        Same(Expr.Call("cos", Expr.Pow(X, 2.0)) * 2.0 * X, Expr.Call("sin", Expr.Pow(X, 2.0)));
        Same(Expr.Pow(1.0 + Expr.Pow(3.0 * X, 2.0), -1.0) * 3.0, Expr.Call("atan", 3.0 * X));
        Same((1.0 - Expr.Pow(Expr.Call("tanh", X * Y), 2.0)) * Y, Expr.Call("tanh", X * Y));
    }

    /// <summary>Every known function: the derivative at a smooth point matches a central difference.</summary>
    [Theory]
    [InlineData("exp", 0.7)]
    [InlineData("log", 0.7)]
    [InlineData("sqrt", 0.7)]
    [InlineData("cbrt", -0.7)]
    [InlineData("sin", 0.7)]
    [InlineData("cos", 0.7)]
    [InlineData("tan", 0.7)]
    [InlineData("tanh", 0.7)]
    [InlineData("sinh", 0.7)]
    [InlineData("cosh", 0.7)]
    [InlineData("atan", 0.7)]
    [InlineData("abs", -0.7)]
    [InlineData("sign", -0.7)]
    [InlineData("heaviside", 0.7)]
    public void Unary_function_derivative_matches_finite_difference(string f, double x0)
    {
        Expr u = 1.5 * X + Expr.Pow(X, 2.0); // inner function, so the chain rule is exercised
        Expr e = Expr.Call(f, u);
        Expr d = D(e);
        const double h = 1e-6;
        double fd = (Numerics.Eval(e, x0 + h, 0) - Numerics.Eval(e, x0 - h, 0)) / (2 * h);
        double exact = Numerics.Eval(d, x0, 0);
        Assert.True(Math.Abs(fd - exact) <= 1e-6 * Math.Max(1, Math.Abs(exact)), f + ": " + d + " = " + exact + " but FD = " + fd);
    }

    [Theory]
    [InlineData("min", 0.3, 1.0)]
    [InlineData("min", 2.0, 1.0)]
    [InlineData("max", 0.3, 1.0)]
    [InlineData("max", 2.0, 1.0)]
    public void Min_and_max_pick_the_derivative_of_the_active_argument(string f, double x0, double y0)
    {
        Expr a = Expr.Pow(X, 2.0);
        Expr b = 3.0 * X * Y;
        Expr d = D(Expr.Call(f, a, b));
        bool aActive = f == "min" ? x0 * x0 <= 3 * x0 * y0 : x0 * x0 >= 3 * x0 * y0;
        double expected = aActive ? 2 * x0 : 3 * y0;
        Assert.Equal(expected, Numerics.Eval(d, x0, y0), 12);
    }

    [Fact]
    public void Min_and_max_at_a_tie_use_the_first_argument()
    {
        Expr d = D(Expr.Call("max", 2.0 * X, Y));
        Assert.Equal(2.0, Numerics.Eval(d, 1.0, 2.0));
    }

    [Fact]
    public void Unknown_function_of_the_variable_is_reported()
    {
        Assert.False(Differentiator.TryDifferentiate(Expr.Call("besselj", X), "x", out var d, out var error));
        Assert.Null(d);
        Assert.Contains("besselj", error, StringComparison.Ordinal);
        var ex = Assert.Throws<ArgumentException>(() => D(Expr.Call("erf", 2.0 * X)));
        Assert.Contains("erf", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_arity_of_a_known_function_is_reported()
    {
        Assert.False(Differentiator.TryDifferentiate(Expr.Call("min", X), "x", out _, out var error));
        Assert.Contains("min", error, StringComparison.Ordinal);
        Assert.False(Differentiator.TryDifferentiate(Expr.Call("sin", X, X), "x", out _, out _));
    }

    [Fact]
    public void Unknown_function_not_involving_the_variable_differentiates_to_zero()
    {
        Assert.True(Differentiator.TryDifferentiate(Expr.Call("besselj", Y) * X, "x", out var d, out var error));
        Assert.Null(error);
        Assert.Equal(Simplify(Expr.Call("besselj", Y)), d);
    }

    [Fact]
    public void Results_are_simplified()
    {
        Expr d = D(Expr.Pow(X, 3.0) + X * X);
        Assert.Equal(Simplify(d), d);
        Assert.Equal("2 * x + 3 * x^2", d.ToString());
    }

    [Fact]
    public void Partial_derivative_with_respect_to_another_symbol()
    {
        Expr e = Expr.Call("exp", X * Y);
        Assert.Equal(Simplify(X * Expr.Call("exp", X * Y)), Differentiator.Differentiate(e, "y"));
    }
}
