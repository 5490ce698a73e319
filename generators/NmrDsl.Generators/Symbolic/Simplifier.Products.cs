using System.Collections.Generic;
using System.Linq;
using NmrDsl.Generators.Model;

namespace NmrDsl.Generators.Symbolic;

public static partial class Simplifier
{
    /// <summary>
    /// Product of canonical factors: flatten, multiply the numbers, merge factors with the same
    /// base by adding exponents (x·x → x², x^a·x^b → x^(a+b)), sort by base, coefficient first.
    /// </summary>
    private static Expr MakeProduct(IEnumerable<Expr> factors)
    {
        var numbers = new List<double>();
        var powers = new List<(Expr Base, Expr Exponent)>();
        foreach (Expr f in factors)
        {
            if (f is Product inner)
            {
                foreach (Expr g in inner.Factors) AddFactor(g, numbers, powers);
            }
            else
            {
                AddFactor(f, numbers, powers);
            }
        }
        if (numbers.Any(v => v == 0.0)) return Num(0.0);

        powers.Sort((a, b) => ExprOrder.Instance.ComparePair(a.Base, a.Exponent, b.Base, b.Exponent));

        var result = new List<Expr>();
        int i = 0;
        while (i < powers.Count)
        {
            Expr b = powers[i].Base;
            var exponents = new List<Expr>();
            while (i < powers.Count && powers[i].Base.Equals(b))
            {
                exponents.Add(powers[i].Exponent);
                i++;
            }
            Expr merged = MakePower(b, exponents.Count == 1 ? exponents[0] : MakeSum(exponents));
            if (merged is Number n) numbers.Add(n.Value);
            else result.Add(merged);
        }

        double coefficient = OrderedProduct(numbers);
        if (coefficient == 0.0) return Num(0.0);
        result.Sort((a, b) =>
        {
            var (ab, ae) = BaseAndExponent(a);
            var (bb, be) = BaseAndExponent(b);
            return ExprOrder.Instance.ComparePair(ab, ae, bb, be);
        });
        if (coefficient != 1.0 && result.Count == 1 && result[0] is Sum sum)
        {
            // A purely numeric multiple of a sum is distributed (as Mathematica does), so that
            // -(y - x) and x - y, or 2(x + y) - 2x, meet in one canonical form. Symbolic
            // factors are never distributed.
            return MakeSum(sum.Terms.Select(t => MakeProduct(new[] { Num(coefficient), t })));
        }
        if (coefficient != 1.0) result.Insert(0, Num(coefficient));
        return result.Count switch
        {
            0 => Num(coefficient),
            1 => result[0],
            _ => new Product(result.ToEquatableArray()),
        };
    }

    private static void AddFactor(Expr f, List<double> numbers, List<(Expr Base, Expr Exponent)> powers)
    {
        if (f is Number n) numbers.Add(n.Value);
        else powers.Add(BaseAndExponent(f));
    }

    private static (Expr Base, Expr Exponent) BaseAndExponent(Expr f) =>
        f is Power p ? (p.Base, p.Exponent) : (f, Expr.One);
}
