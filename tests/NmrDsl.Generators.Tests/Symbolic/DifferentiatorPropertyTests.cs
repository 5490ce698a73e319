using System;
using System.Linq;
using System.Threading;
using CsCheck;
using NmrDsl.Generators.Symbolic;
using static NmrDsl.Generators.Tests.Symbolic.Numerics;

namespace NmrDsl.Generators.Tests.Symbolic;

public class DifferentiatorPropertyTests
{
    /// <summary>
    /// ∂/∂x of random smooth trees agrees with a Richardson-extrapolated central difference
    /// (h = 1e-6·max(1, |x|)). Points where the expression is not smooth at the scale of h (the
    /// h and 2h differences, or the forward and backward ones, disagree: cusps such as cbrt(x²)
    /// at x ≈ 0 fool a symmetric difference), where the derivative is huge, where intermediates are huge (round-off dominates the
    /// difference quotient), or where anything is non-finite are skipped; at least a third of
    /// the samples must be compared.
    /// </summary>
    [Fact]
    public void Derivative_agrees_with_finite_differences()
    {
        int total = 0, compared = 0;
        Gen.Select(ExprGen.Smooth, ExprGen.Points).Sample((e, p) =>
        {
            Interlocked.Increment(ref total);
            Assert.True(Differentiator.TryDifferentiate(e, "x", out Expr? d, out string? error), error);
            double x = p.X, y = p.Y;
            double h = 1e-6 * Math.Max(1.0, Math.Abs(x));
            double scale = Math.Max(Scale(e, x - 2 * h, y), Scale(e, x + 2 * h, y));
            if (!IsFinite(scale) || scale > 1e4) return;
            double f0 = Eval(e, x, y), fp = Eval(e, x + h, y), fm = Eval(e, x - h, y);
            double fd1 = (fp - fm) / (2 * h);
            double fd2 = (Eval(e, x + (2 * h), y) - Eval(e, x - (2 * h), y)) / (4 * h);
            double forward = (fp - f0) / h, backward = (f0 - fm) / h;
            if (!IsFinite(fd1) || !IsFinite(fd2) || !IsFinite(forward) || !IsFinite(backward)) return;
            double unit = Math.Max(1.0, Math.Abs(fd1));
            if (Math.Abs(fd1 - fd2) > 1e-4 * unit || Math.Abs(forward - backward) > 1e-2 * unit) return; // not smooth at the scale of h
            double reference = ((4 * fd1) - fd2) / 3;
            double exact = Eval(d!, x, y);
            if (!IsFinite(exact) || Math.Abs(exact) > 1e6) return;

            // A difference quotient is the mean of f' over [x - h, x + h], so it may differ from
            // f'(x) by the variation V of f' there (large only near a cusp such as cbrt(c·x) at
            // |x| << h); the Richardson combination by at most 5V/3.
            double variation = new[] { -2.0, -1.0, -0.5, 0.5, 1.0, 2.0 }.Max(k => Math.Abs(Eval(d!, x + (k * h), y) - exact));
            if (!IsFinite(variation) || variation > 1e-3 * Math.Max(1.0, Math.Abs(exact))) return;
            Assert.True(
                Math.Abs(exact - reference) <= (1e-5 * Math.Max(1.0, Math.Abs(reference))) + (2 * variation),
                $"d/dx {e} = {d} = {exact:R} but finite difference = {reference:R} at x = {x:R}, y = {y:R}");
            Interlocked.Increment(ref compared);
        }, iter: 1500);
        Assert.True(compared >= total / 3, $"only {compared} of {total} samples were compared");
    }

    [Fact]
    public void Derivatives_are_simplified_and_idempotent()
    {
        ExprGen.Any.Sample(e =>
        {
            Assert.True(Differentiator.TryDifferentiate(e, "y", out Expr? d, out _));
            Assert.Equal(d, Simplifier.Simplify(d!));
            CanonicalForm.AssertCanonical(d!);
        }, iter: 500);
    }

    [Fact]
    public void Derivative_with_respect_to_an_absent_symbol_is_zero()
    {
        ExprGen.Any.Sample(e => Assert.Equal(Expr.Zero, Differentiator.Differentiate(e, "z")), iter: 300);
    }
}
