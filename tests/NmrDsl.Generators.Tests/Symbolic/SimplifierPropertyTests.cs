using System;
using System.Linq;
using System.Threading;
using CsCheck;
using NmrDsl.Generators.Model;
using NmrDsl.Generators.Symbolic;
using static NmrDsl.Generators.Tests.Symbolic.Numerics;

namespace NmrDsl.Generators.Tests.Symbolic;

public class SimplifierPropertyTests
{
    [Fact]
    public void Simplify_preserves_the_value_at_random_points()
    {
        int total = 0, compared = 0, tight = 0;
        Gen.Select(ExprGen.Any, ExprGen.Points).Sample((e, p) =>
        {
            Interlocked.Increment(ref total);
            double v = Eval(e, p.X, p.Y);
            if (!IsFinite(v)) return;
            Expr s = Simplifier.Simplify(e);
            double bound = ErrorBound.Of(e, p.X, p.Y) + ErrorBound.Of(s, p.X, p.Y);
            if (!IsFinite(bound)) return;
            double w = Eval(s, p.X, p.Y);
            Assert.True(
                Math.Abs(v - w) <= (4 * bound) + 1e-300,
                $"{e} = {v:R} but simplified {s} = {w:R} at x = {p.X:R}, y = {p.Y:R} (error bound {bound:R})");
            Interlocked.Increment(ref compared);
            if (bound <= 1e-12 * Math.Max(1.0, Math.Abs(v))) Interlocked.Increment(ref tight);
        }, iter: 2000);
        Assert.True(compared >= total / 3, $"only {compared} of {total} samples were compared");
        Assert.True(tight >= compared * 0.8, $"only {tight} of {compared} comparisons had a tolerance below 1e-12 relative");
    }

    [Fact]
    public void Simplify_is_idempotent_and_canonical()
    {
        ExprGen.Any.Sample(e =>
        {
            Expr s = Simplifier.Simplify(e);
            Expr again = Simplifier.Simplify(s);
            Assert.True(s.Equals(again), $"Simplify({e}) = {s} but simplifying again gives {again}");
            CanonicalForm.AssertCanonical(s);
        }, iter: 1500);
    }

    [Fact]
    public void Commuted_sums_and_products_simplify_to_equal_trees()
    {
        var gen = ExprGen.Any.Array[2, 5].SelectMany(a => Gen.Shuffle((Expr[])a.Clone()).Select(b => (a, b)));
        gen.Sample(pair =>
        {
            var (a, b) = pair;
            Assert.Equal(Simplifier.Simplify(new Sum(a.ToEquatableArray())), Simplifier.Simplify(new Sum(b.ToEquatableArray())));
            Assert.Equal(Simplifier.Simplify(new Product(a.ToEquatableArray())), Simplifier.Simplify(new Product(b.ToEquatableArray())));
        }, iter: 500);
    }

    [Fact]
    public void Simplified_output_prints_identically_in_any_order_of_construction()
    {
        var gen = ExprGen.Any.Array[2, 4].SelectMany(a => Gen.Shuffle((Expr[])a.Clone()).Select(b => (a, b)));
        gen.Sample(pair =>
        {
            string left = CSharpExpressionPrinter.Print(Simplifier.Simplify(new Sum(pair.a.ToEquatableArray())), n => n);
            string right = CSharpExpressionPrinter.Print(Simplifier.Simplify(new Sum(pair.b.ToEquatableArray())), n => n);
            Assert.Equal(left, right);
        }, iter: 200);
    }
}
