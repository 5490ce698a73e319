using NmrDsl.Generators.Symbolic;
using NmrDsl.Generators.Tests.Units;

namespace NmrDsl.Generators.Tests.Symbolic;

public class ExprFormatterTests
{
    private static readonly Expr X = Expr.Sym("x");
    private static readonly Expr Y = Expr.Sym("y");

    private static string F(Expr e) => ExprFormatter.Format(e);

    [Fact]
    public void Formats_in_spec_syntax()
    {
        Assert.Equal("x^2", F(Expr.Pow(X, 2.0)));
        Assert.Equal("x / y", F(X / Y));
        Assert.Equal("2 / x^2", F(Simplifier.Simplify(2.0 / (X * X))));
        Assert.Equal("(x + y)^2", F(Expr.Pow(X + Y, 2.0)));
        Assert.Equal("x^(y + 1)", F(Expr.Pow(X, Y + 1.0)));
        Assert.Equal("(-2)^x", F(Expr.Pow(-2.0, X)));
        Assert.Equal("x^y", F(Expr.Pow(X, Y)));
        Assert.Equal("(x^2)^0.5", F(Expr.Pow(Expr.Pow(X, 2.0), 0.5)));
        Assert.Equal("-x^2", F(-Expr.Pow(X, 2.0)));
        Assert.Equal("x - 2 * y", F(X - 2.0 * Y));
        Assert.Equal("-(x - y)", F(-(X - Y)));
        Assert.Equal("1 - x", F(Simplifier.Simplify(1.0 - X)));
        Assert.Equal("1 - tanh(x)^2", F(Simplifier.Simplify(1.0 - Expr.Pow(Expr.Call("tanh", X), 2.0))));
        Assert.Equal("(x + y) / (x - y)", F((X + Y) / (X - Y)));
        Assert.Equal("exp(-x) * min(x, y)", F(Expr.Call("exp", -X) * Expr.Call("min", X, Y)));
        Assert.Equal("1E-06", F(1e-6));
        Assert.Equal("1 / x^0.5", F(Expr.Pow(X, -0.5)));
        Assert.Equal("heaviside(x - 1)", F(Expr.Call("heaviside", X - 1.0)));
        Assert.Equal("foo(x, 2)", F(Expr.Call("foo", X, 2.0)));
    }

    [Fact]
    public void Output_is_identical_under_a_Finnish_culture()
    {
        Expr e = -2.5 * Expr.Pow(X, 1.5) / (Y - 0.125);
        string invariant = F(e);
        Assert.Equal("-2.5 * x^1.5 / (y - 0.125)", invariant);
        using (CultureScope.Finnish())
        {
            Assert.Equal(invariant, F(e));
            Assert.Equal(invariant, e.ToString());
        }
    }
}
