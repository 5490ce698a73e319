using System.Linq;
using NmrDsl.Generators.Model;
using NmrDsl.Generators.Symbolic;
using static NmrDsl.Generators.Symbolic.Simplifier;

namespace NmrDsl.Generators.Tests.Symbolic;

public class SimplifierTests
{
    private static readonly Expr X = Expr.Sym("x");
    private static readonly Expr Y = Expr.Sym("y");
    private static readonly Expr Z = Expr.Sym("z");

    private static Expr Sum(params Expr[] terms) => new Sum(terms.ToEquatableArray());

    private static Expr Prod(params Expr[] factors) => new Product(factors.ToEquatableArray());

    private static Expr Pow(Expr b, double k) => new Power(b, new Number(k));

    private static void Same(Expr expected, Expr input)
    {
        Expr actual = Simplify(input);
        Assert.True(expected.Equals(actual), "Simplify(" + input + ") = " + actual + ", expected " + expected);
    }

    [Fact]
    public void Additive_and_multiplicative_identities()
    {
        Same(X, X + 0.0);
        Same(X, 0.0 + X);
        Same(Expr.Zero, 0.0 * X);
        Same(Expr.Zero, X * 0.0 * Y);
        Same(X, 1.0 * X);
        Same(X, X * 1.0);
        Same(Expr.One, Expr.Pow(X, 0.0));
        Same(X, Expr.Pow(X, 1.0));
        Same(Expr.One, Expr.Pow(1.0, X));
        Same(Expr.Zero, X - X);
        Same(Expr.One, X / X);
        Same(X, -(-X));
        Same(Expr.Zero, Sum());
        Same(Expr.One, Prod());
    }

    [Fact]
    public void Constants_fold_including_known_functions()
    {
        Same(5.0, Expr.Num(2) + 3.0);
        Same(6.0, Expr.Num(2) * 3.0);
        Same(1024.0, Expr.Pow(2.0, 10.0));
        Same(Expr.One, Expr.Call("exp", 0.0));
        Same(Expr.Zero, Expr.Call("log", 1.0));
        Same(Expr.Zero, Expr.Call("sin", 0.0));
        Same(2.0, Expr.Call("sqrt", 4.0));
        Same(2.0, Expr.Call("cbrt", 8.0));
        Same(-3.0, Expr.Call("cbrt", -27.0));
        Same(3.0, Expr.Call("abs", -3.0));
        Same(-1.0, Expr.Call("sign", -0.5));
        Same(Expr.Zero, Expr.Call("heaviside", 0.0));
        Same(1.0, Expr.Call("heaviside", 2.0));
        Same(2.0, Expr.Call("min", 2.0, 3.0));
        Same(3.0, Expr.Call("max", 2.0, 3.0));
        Same(X + 5.0, X + 2.0 + 3.0);
        Same(Expr.Call("exp", X), Expr.Call("exp", X + 0.0));
    }

    [Fact]
    public void Non_finite_folds_are_left_symbolic()
    {
        Same(Expr.Call("log", -1.0), Expr.Call("log", -1.0));
        Same(Expr.Call("sqrt", -4.0), Expr.Call("sqrt", -4.0));
        Same(Expr.Pow(0.0, -1.0), Expr.Pow(0.0, -1.0));
        Same(Expr.Pow(-8.0, 1.0 / 3.0), Expr.Pow(-8.0, 1.0 / 3.0));
        Same(Expr.Call("exp", 1000.0), Expr.Call("exp", 1000.0));
    }

    [Fact]
    public void Like_terms_combine()
    {
        Same(Prod(3.0, X), X + 2.0 * X);
        Same(Prod(2.0, X), X + X);
        Same(X, 3.0 * X - 2.0 * X);
        Same(Prod(5.0, X, Y), 2.0 * (X * Y) + 3.0 * (Y * X));
        Same(Sum(Prod(2.0, X), Y), X + Y + X);
        Same(Sum(Prod(3.0, X), Prod(3.0, Y)), 2.0 * (X + Y) + (Y + X));
        Same(Expr.Zero, 2.0 * (X + Y) - 2.0 * X - 2.0 * Y);
        Same(Prod(3.0, Z, Sum(X, Y)), Z * (X + Y) + Prod(2.0, Sum(Y, X), Z));
        Same(Prod(2.0, Pow(X, 2)), X * X + Expr.Pow(X, 2.0));
    }

    [Fact]
    public void Like_factors_combine()
    {
        Same(Pow(X, 2), X * X);
        Same(Pow(X, 3), X * X * X);
        Same(Pow(X, 5), Expr.Pow(X, 2.0) * Expr.Pow(X, 3.0));
        Same(Pow(X, 2.5), Expr.Pow(X, 2.0) * Expr.Pow(X, 0.5));
        Same(Expr.One, Expr.Pow(X, 0.5) * Expr.Pow(X, -0.5));
        Same(Expr.Pow(X, Sum(Y, 1.0)), X * Expr.Pow(X, Y));
        Same(Prod(6.0, Pow(X, 2), Y), 2.0 * X * 3.0 * Y * X);
        Same(Pow(Sum(X, Y), 2), (X + Y) * (Y + X));
        Same(Expr.One, (X / Y) * (Y / X));
    }

    [Fact]
    public void Powers_of_powers_multiply_only_for_integer_outer_exponents()
    {
        Same(Pow(X, 6), Expr.Pow(Expr.Pow(X, 2.0), 3.0));
        Same(X, Expr.Pow(Expr.Pow(X, 0.5), 2.0));
        Same(Expr.Pow(X, Prod(2.0, Y)), Expr.Pow(Expr.Pow(X, Y), 2.0));
        Same(Pow(Pow(X, 2), 0.5), Expr.Pow(Expr.Pow(X, 2.0), 0.5));
        Same(Pow(X, -1), Expr.Pow(Expr.Pow(X, -1.0), 1.0));
        Same(Prod(4.0, Pow(X, 2), Pow(Y, -2)), Expr.Pow(2.0 * X / Y, 2.0));
        Same(Prod(Pow(X, -1), Pow(Y, -1)), Expr.Pow(X * Y, -1.0));
        Same(Pow(Prod(X, Y), 0.5), Expr.Pow(X * Y, 0.5));
    }

    [Fact]
    public void Only_numeric_multiples_of_a_sum_are_distributed()
    {
        Same(Sum(Prod(2.0, X), Prod(2.0, Y)), 2.0 * (X + Y));
        Same(Sum(Prod(-1.0, X), Prod(-1.0, Y)), -(X + Y));
        Same(Sum(Prod(-2.0, X), Prod(-1.0, Y), -3.0), -(2.0 * X + Y + 3.0));
        Same(Prod(Sum(X, 1.0), Sum(Y, 1.0)), (X + 1.0) * (Y + 1.0));
        Same(Prod(2.0, X, Sum(Y, 1.0)), 2.0 * X * (Y + 1.0));
        Same(Prod(X, Sum(Y, Z)), X * (Y + Z));
    }

    [Fact]
    public void Nested_sums_and_products_flatten()
    {
        Same(Sum(X, Y, Z), Sum(X, Sum(Y, Z)));
        Same(Sum(X, Y, Z), Sum(Sum(Z, Y), X));
        Same(Prod(X, Y, Z), Prod(X, Prod(Y, Prod(Z))));
        Same(Prod(6.0, X, Y), Prod(2.0, Prod(3.0, X), Y));
    }

    [Fact]
    public void Canonical_layout_puts_the_constant_last_and_the_coefficient_first()
    {
        Same(Sum(X, 1.0), 1.0 + X);
        Same(Prod(3.0, X), X * 3.0);
        Same(Sum(X, Prod(-1.0, Y)), X - Y);
        Same(Sum(Prod(-1.0, X), 3.0), 3.0 - X);
    }

    [Fact]
    public void Commuted_inputs_simplify_to_equal_trees()
    {
        Assert.Equal(Simplify(X + Y), Simplify(Y + X));
        Assert.Equal(Simplify(X * Y * Z), Simplify(Z * X * Y));
        Assert.Equal(Simplify(Expr.Call("sin", X) * Y + 2.0), Simplify(2.0 + Y * Expr.Call("sin", X)));
        Assert.Equal(Simplify(Expr.Call("min", X, Y)), Simplify(Expr.Call("min", Y, X)));
        Assert.Equal(Simplify(Expr.Call("max", X + 1.0, Y)), Simplify(Expr.Call("max", Y, 1.0 + X)));
        Assert.Equal(Simplify(X - Y), Simplify(-(Y - X)));
        Assert.Equal(Simplify(X / (Y * Z)), Simplify(Expr.Pow(Z, -1.0) * X / Y));
        Assert.NotEqual(Simplify(X - Y), Simplify(Y - X));
        Assert.NotEqual(Simplify(Expr.Call("atan", X) * Y), Simplify(Expr.Call("atan", Y) * X));
    }

    [Fact]
    public void Min_and_max_of_equal_arguments_collapse()
    {
        Same(X, Expr.Call("min", X, X + 0.0));
        Same(Sum(X, 1.0), Expr.Call("max", 1.0 + X, X + 1.0));
    }

    [Fact]
    public void Negative_zero_is_normalised()
    {
        Expr z = Simplify(Expr.Num(-0.0));
        Assert.Equal("0", z.ToString());
        Assert.Equal("0", Simplify(-1.0 * Expr.Num(0.0) + 0.0).ToString());
        Assert.False(double.IsNegative(((Number)Simplify(Expr.Call("sin", -0.0))).Value));
    }

    [Fact]
    public void Simplify_is_idempotent_on_examples()
    {
        Expr[] examples =
        {
            X * Expr.Pow(X, Y) + 2.0 * X * Expr.Pow(X, Y),
            Expr.Pow(Expr.Pow(X, 0.5), 0.5) * Expr.Pow(Expr.Pow(X, 0.5), 0.5) * X,
            Expr.Pow(Expr.Pow(X, 2.0), 0.5) * Expr.Pow(Expr.Pow(X, 2.0), 0.5) * X,
            Expr.Call("log", Expr.Call("exp", X + X)) - 2.0 * X,
            (X + 1.0) / (1.0 + X) + Expr.Pow(2.0, X) * 2.0,
        };
        foreach (Expr e in examples)
        {
            Expr once = Simplify(e);
            Assert.Equal(once, Simplify(once));
            CanonicalForm.AssertCanonical(once);
        }
        Same(Pow(X, 2), Expr.Pow(Expr.Pow(X, 2.0), 0.5) * Expr.Pow(Expr.Pow(X, 2.0), 0.5));
    }
}
