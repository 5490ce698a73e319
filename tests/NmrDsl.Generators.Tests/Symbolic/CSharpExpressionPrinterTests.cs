using System;
using NmrDsl.Generators.Model;
using NmrDsl.Generators.Symbolic;
using NmrDsl.Generators.Tests.Units;

namespace NmrDsl.Generators.Tests.Symbolic;

public class CSharpExpressionPrinterTests
{
    private static readonly Expr X = Expr.Sym("x");
    private static readonly Expr Y = Expr.Sym("y");
    private static readonly Expr A = Expr.Sym("a");
    private static readonly Expr B = Expr.Sym("b");
    private static readonly Expr C = Expr.Sym("c");
    private static readonly Expr D = Expr.Sym("d");

    private static string P(Expr e) => CSharpExpressionPrinter.Print(e, s => s);

    private static string PS(Expr e) => P(Simplifier.Simplify(e));

    private static Expr Prod(params Expr[] f) => new Product(f.ToEquatableArray());

    [Theory]
    [InlineData(2.0, "2.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(-3.0, "-3.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-6, "1E-06")]
    [InlineData(1e20, "1E+20")]
    [InlineData(123456789012.0, "123456789012.0")]
    [InlineData(1.602176634e-19, "1.602176634E-19")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(double.NaN, "double.NaN")]
    [InlineData(double.PositiveInfinity, "double.PositiveInfinity")]
    [InlineData(double.NegativeInfinity, "double.NegativeInfinity")]
    public void Numbers_print_as_round_trip_double_literals(double v, string expected)
    {
        Assert.Equal(expected, P(Expr.Num(v)));
        Assert.Equal(expected, CSharpExpressionPrinter.Literal(v));
    }

    [Fact]
    public void Sums_print_negative_terms_as_subtraction()
    {
        Assert.Equal("x + y", P(X + Y));
        Assert.Equal("x - y", P(X - Y));
        Assert.Equal("x - 1.0", PS(X - 1.0));
        Assert.Equal("3.0 - x", PS(3.0 - X));
        Assert.Equal("-x - y", P(-X - Y));
        Assert.Equal("a - x - y", PS(-X - Y + A));
        Assert.Equal("y - x", P(new Sum(new[] { -X, Y }.ToEquatableArray())));
        Assert.Equal("-x - y + a", P(-X - Y + A));
        Assert.Equal("1.0 - 2.0 * global::System.Math.Exp(-x / y)", PS(1.0 - 2.0 * Expr.Call("exp", -X / Y)));
        Assert.Equal("y - 2.0 * x", P(Y + (-2.0 * X)));
        Assert.Equal("x - (y + a)", P(X - (Y + A)));
        Assert.Equal("x + y + a", P((X + Y) + A));
        Assert.Equal("x + (y + a)", P(X + (Y + A)));
    }

    [Fact]
    public void Products_print_negative_powers_as_one_division()
    {
        Assert.Equal("a * b / (c * d)", PS(A * B / (C * D)));
        Assert.Equal("a / c", P(A / C));
        Assert.Equal("1.0 / x", P(Expr.Pow(X, -1.0)));
        Assert.Equal("1.0 / (x * x)", P(Expr.Pow(X, -2.0)));
        Assert.Equal("x / (y * y)", PS(X / (Y * Y)));
        Assert.Equal("2.0 * x / global::System.Math.Sqrt(y)", PS(2.0 * X / Expr.Call("sqrt", Y)));
        Assert.Equal("1.0 / global::System.Math.Sqrt(y)", P(Expr.Pow(Y, -0.5)));
        Assert.Equal("-1.0 / x", PS(-1.0 / X));
        Assert.Equal("-x / y", PS(-X / Y));
        Assert.Equal("1.0 / (x + y)", PS(1.0 / (X + Y)));
        Assert.Equal("0.5 / (x * y)", PS(0.5 / (X * Y)));
    }

    [Fact]
    public void Products_parenthesise_only_when_needed()
    {
        Assert.Equal("2.0 * x", P(2.0 * X));
        Assert.Equal("-x", P(-X));
        Assert.Equal("-2.0 * x", PS(-2.0 * X));
        Assert.Equal("(x + y) * a", P((X + Y) * A));
        Assert.Equal("x * y * a", P(X * Y * A));
        Assert.Equal("x * (y * a)", P(X * (Y * A)));
        Assert.Equal("x * (-2.0)", P(Prod(X, -2.0)));
        Assert.Equal("-(-2.0)", P(Prod(-1.0, -2.0)));
        Assert.Equal("-x * x", P(Prod(-1.0, Expr.Pow(X, 2.0))));
        Assert.Equal("x * (double)global::System.Math.Sign(y)", P(X * Expr.Call("sign", Y)));
        Assert.Equal("-(double)global::System.Math.Sign(y)", P(-Expr.Call("sign", Y)));
        Assert.Equal("x / (double)global::System.Math.Sign(y)", P(X / Expr.Call("sign", Y)));
        Assert.Equal("-(x - y)", P(Prod(-1.0, X - Y)));
        Assert.Equal("-(x + y) * a", P(Prod(-1.0, X + Y, A)));
        Assert.Equal("2.0 * (x + y)", P(Prod(2.0, X + Y)));
        Assert.Equal("(x + y) / a", P((X + Y) / A));
        Assert.Equal("-(x + y) / a", P(Prod(-1.0, X + Y, Expr.Pow(A, -1.0))));
        Assert.Equal("x - -(y - a)", P(X + Prod(-1.0, Prod(-1.0, Y - A))));
    }

    [Fact]
    public void Powers_print_readably()
    {
        Assert.Equal("x * x", P(Expr.Pow(X, 2.0)));
        Assert.Equal("global::System.Math.Sqrt(x)", P(Expr.Pow(X, 0.5)));
        Assert.Equal("global::System.Math.Pow(x, 3.0)", P(Expr.Pow(X, 3.0)));
        Assert.Equal("global::System.Math.Pow(x, y)", P(Expr.Pow(X, Y)));
        Assert.Equal("global::System.Math.Pow(x + 1.0, 2.0)", PS(Expr.Pow(X + 1.0, 2.0)));
        Assert.Equal("global::System.Math.Pow(2.0, -x)", PS(Expr.Pow(2.0, -X)));
        Assert.Equal("3.0 * x * x", P(3.0 * Expr.Pow(X, 2.0)));
        Assert.Equal("2.0 * a * a * x * x / y", PS(2.0 * Expr.Pow(A, 2.0) * Expr.Pow(X, 2.0) / Y));
        Assert.Equal("x * x * y", PS(Expr.Pow(X, 2.0) * Y));
        Assert.Equal("y / (x * x)", PS(Y / Expr.Pow(X, 2.0)));
        Assert.Equal("-x * x", PS(-Expr.Pow(X, 2.0)));
        Assert.Equal("x * x + 1.0", PS(Expr.Pow(X, 2.0) + 1.0));
        Assert.Equal("x", P(Expr.Pow(X, 1.0)));
    }

    [Fact]
    public void Functions_print_fully_qualified()
    {
        Assert.Equal("global::System.Math.Exp(x)", P(Expr.Call("exp", X)));
        Assert.Equal("global::System.Math.Log(x + y)", P(Expr.Call("log", X + Y)));
        Assert.Equal("global::System.Math.Cbrt(x)", P(Expr.Call("cbrt", X)));
        Assert.Equal("global::System.Math.Min(x, -y)", P(Expr.Call("min", X, -Y)));
        Assert.Equal("global::System.Math.Max(x, y)", P(Expr.Call("max", X, Y)));
        Assert.Equal("global::System.Math.Abs(x)", P(Expr.Call("abs", X)));
        Assert.Equal("global::System.Math.Atan(x)", P(Expr.Call("atan", X)));
        Assert.Equal("global::System.Math.Tanh(x)", P(Expr.Call("tanh", X)));
        Assert.Equal("(x - 1.0 > 0.0 ? 1.0 : 0.0)", P(Expr.Call("heaviside", X - 1.0)));
        Assert.Equal("2.0 * (x > 0.0 ? 1.0 : 0.0)", P(2.0 * Expr.Call("heaviside", X)));
        Assert.Equal("(double)global::System.Math.Sign(x)", P(Expr.Call("sign", X)));
    }

    [Fact]
    public void Symbols_are_mapped_by_the_caller()
    {
        Assert.Equal("p.Radius * p.Radius / _t", CSharpExpressionPrinter.Print(Expr.Pow(Expr.Sym("R"), 2.0) / Expr.Sym("t"), s => s == "R" ? "p.Radius" : "_" + s));
    }

    [Fact]
    public void Unknown_functions_and_wrong_arity_are_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => P(Expr.Call("erf", X)));
        Assert.Contains("erf", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => P(Expr.Call("max", X)));
    }

    [Fact]
    public void Output_is_identical_under_a_Finnish_culture()
    {
        Expr e = -2.5 * X / (Y + 1e-6) - Expr.Call("min", -0.125, X) + Expr.Pow(X, -1.5);
        string invariant = P(e);
        Assert.Contains("2.5", invariant, StringComparison.Ordinal);
        using (CultureScope.Finnish())
        {
            Assert.Equal(invariant, P(e));
            Assert.Equal("-2.5 * x / (y + 1E-06) - global::System.Math.Min(-0.125, x) + 1.0 / global::System.Math.Pow(x, 1.5)", P(e));
        }
    }
}
