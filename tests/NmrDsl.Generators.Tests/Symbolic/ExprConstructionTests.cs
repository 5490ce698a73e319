using NmrDsl.Generators.Model;
using NmrDsl.Generators.Symbolic;

namespace NmrDsl.Generators.Tests.Symbolic;

public class ExprConstructionTests
{
    private static readonly Expr X = Expr.Sym("x");
    private static readonly Expr Y = Expr.Sym("y");

    [Fact]
    public void Operators_build_the_documented_trees_verbatim()
    {
        Assert.Equal(new Sum(new[] { X, Y }.ToEquatableArray()), X + Y);
        Assert.Equal(new Sum(new[] { X, new Product(new Expr[] { new Number(-1), Y }.ToEquatableArray()) }.ToEquatableArray()), X - Y);
        Assert.Equal(new Product(new Expr[] { new Number(-1), X }.ToEquatableArray()), -X);
        Assert.Equal(new Product(new[] { X, Y }.ToEquatableArray()), X * Y);
        Assert.Equal(new Product(new[] { X, new Power(Y, new Number(-1)) }.ToEquatableArray()), X / Y);
        Assert.Equal(new Power(X, new Number(2)), Expr.Pow(X, 2.0));
        Assert.Equal(new Call("max", new[] { X, Y }.ToEquatableArray()), Expr.Call("max", X, Y));
        Assert.Equal(new Number(0), Expr.Zero);
        Assert.Equal(new Number(1), Expr.One);
        Assert.Equal(new Number(2.5), Expr.Num(2.5));
        Assert.Equal(new Symbol("x"), X);
    }

    [Fact]
    public void Equality_is_structural_and_hash_consistent()
    {
        Expr a = Expr.Call("sin", X * 2.0) + Expr.Pow(Y, X);
        Expr b = Expr.Call("sin", Expr.Sym("x") * Expr.Num(2)) + Expr.Pow(Expr.Sym("y"), Expr.Sym("x"));
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(X + Y, Y + X);
        Assert.NotEqual<Expr>(Expr.Num(1), Expr.Sym("1"));
        Assert.Equal<Expr>(Expr.Num(double.NaN), Expr.Num(double.NaN));
    }

    [Fact]
    public void ToString_is_spec_syntax_for_every_node_kind()
    {
        Assert.Equal("x + 2 * y^2 / sin(x)", (X + 2.0 * Expr.Pow(Y, 2.0) / Expr.Call("sin", X)).ToString());
        Assert.Equal("1.5", Expr.Num(1.5).ToString());
        Assert.Equal("x", X.ToString());
    }
}
