using System;
using System.Collections.Generic;
using System.Linq;
using NmrDsl.Generators.Model;

namespace NmrDsl.Generators.Symbolic;

/// <summary>
/// Brings an expression to NmrDsl's canonical form: constants folded, sums and products
/// flattened, like terms and like factors combined, and terms/factors in the canonical order of
/// <see cref="ExprOrder"/>. The rules follow the "automatic simplification" of Cohen,
/// <i>Computer Algebra and Symbolic Computation: Elementary Algorithms</i> (2002), ch. 3,
/// restricted to what the emitters need.
/// </summary>
/// <remarks>
/// <para>Canonical form: a <see cref="Sum"/> has ≥ 2 terms, none a Sum, at most one Number
/// (last), no two terms differing only by their numeric coefficient, the others sorted. A
/// <see cref="Product"/> has ≥ 2 factors, none a Product, at most one Number (first, never 0 or
/// 1), no two factors with the same base, the others sorted by base. Numbers are never -0.</para>
/// <para>Rules: x + 0 → x, x + 2x → 3x, 0·x → 0, 1·x → x, x·x → x², x^a·x^b → x^(a+b),
/// x^0 → 1, x^1 → x, 1^x → 1, (x^a)^n → x^(a·n) and (x·y)^n → x^n·y^n for integer n (so
/// x/(y·z) and x·y^-1·z^-1 meet), min/max arguments sorted, and
/// every known function of numbers folded. Folding is skipped when the result would be NaN or
/// infinite (log(-1) stays symbolic, so the generated code shows where the NaN comes from).</para>
/// <para>A number times a single sum is distributed (2(x + y) → 2x + 2y, -(y - x) → x - y), so
/// that linear combinations cancel. Deliberately not done: distributing symbolic products over
/// sums (it can blow up sizes and hides the structure the spec author wrote), and rules that hold only for x &gt; 0 such as
/// (x²)^½ → x. Rules such as 0·x → 0 and x^a·x^-a → 1 are valid wherever the input is finite;
/// they may turn a NaN or an infinity into a number, never change a finite value beyond
/// rounding.</para>
/// <para>Termination and idempotence: one pass rebuilds the tree bottom-up with the rules
/// above; passes repeat until the tree stops changing (at most <see cref="MaxPasses"/>, a bound
/// never reached in practice), so Simplify(Simplify(e)) == Simplify(e).</para>
/// </remarks>
public static partial class Simplifier
{
    private const int MaxPasses = 16;

    /// <summary>The canonical form of <paramref name="e"/>.</summary>
    public static Expr Simplify(Expr e)
    {
        if (e is null) throw new ArgumentNullException(nameof(e));
        Expr current = e;
        for (int i = 0; i < MaxPasses; i++)
        {
            Expr next = Pass(current);
            if (next.Equals(current)) return next;
            current = next;
        }
        return current;
    }

    private static Expr Pass(Expr e) => e switch
    {
        Number n => Num(n.Value),
        Symbol => e,
        Sum s => MakeSum(s.Terms.Select(Pass)),
        Product p => MakeProduct(p.Factors.Select(Pass)),
        Power p => MakePower(Pass(p.Base), Pass(p.Exponent)),
        Call c => MakeCall(c.Function, c.Arguments.Select(Pass).ToArray()),
        _ => throw new ArgumentException("Unknown expression node " + e.GetType().Name + ".", nameof(e)),
    };

    /// <summary>A number node with -0 normalised to +0 (they are Equal, but print differently).</summary>
    internal static Number Num(double value) => new(value == 0.0 ? 0.0 : value);

    private static bool IsInteger(double v) => !double.IsInfinity(v) && Math.Floor(v) == v;

    private static bool IsFinite(double v) => !double.IsNaN(v) && !double.IsInfinity(v);

    /// <summary>Power of canonical operands.</summary>
    private static Expr MakePower(Expr b, Expr exponent)
    {
        if (exponent is Number e)
        {
            if (e.Value == 0.0) return Num(1.0);
            if (e.Value == 1.0) return b;
            if (b is Number bn)
            {
                double v = Math.Pow(bn.Value, e.Value);
                if (IsFinite(v)) return Num(v);
            }
            if (b is Power inner && IsInteger(e.Value))
            {
                return MakePower(inner.Base, MakeProduct(new[] { inner.Exponent, exponent }));
            }
            if (b is Product product && IsInteger(e.Value))
            {
                return MakeProduct(product.Factors.Select(f => MakePower(f, exponent)));
            }
        }
        if (b is Number one && one.Value == 1.0) return Num(1.0);
        return new Power(b, exponent);
    }

    /// <summary>Call with canonical arguments: fold numbers, sort the arguments of min/max.</summary>
    private static Expr MakeCall(string function, Expr[] args)
    {
        if (args.All(a => a is Number)
            && KnownFunctions.TryEvaluate(function, args.Select(a => ((Number)a).Value).ToArray(), out double v)
            && IsFinite(v))
        {
            return Num(v);
        }
        if (args.Length == 2
            && (string.Equals(function, KnownFunctions.Min, StringComparison.Ordinal)
                || string.Equals(function, KnownFunctions.Max, StringComparison.Ordinal)))
        {
            if (args[0].Equals(args[1])) return args[0];
            Array.Sort(args, ExprOrder.Instance);
        }
        return new Call(function, args.ToEquatableArray());
    }

    /// <summary>Sum of doubles in ascending order, so the rounding does not depend on the input order.</summary>
    private static double OrderedSum(List<double> values)
    {
        values.Sort();
        double s = 0.0;
        foreach (double v in values) s += v;
        return s;
    }

    /// <summary>Product of doubles in ascending order, so the rounding does not depend on the input order.</summary>
    private static double OrderedProduct(List<double> values)
    {
        values.Sort();
        double p = 1.0;
        foreach (double v in values) p *= v;
        return p;
    }
}
