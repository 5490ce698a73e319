using System.Collections.Generic;
using System.Linq;
using NmrDsl.Generators.Model;

namespace NmrDsl.Generators.Symbolic;

public static partial class Simplifier
{
    /// <summary>
    /// Sum of canonical terms: flatten, add the numbers, combine terms that differ only by their
    /// numeric coefficient (x + 2x → 3x), sort, and put the constant last.
    /// </summary>
    private static Expr MakeSum(IEnumerable<Expr> terms)
    {
        var numbers = new List<double>();
        var monomials = new List<(Expr Monomial, double Coefficient)>();
        foreach (Expr t in terms)
        {
            if (t is Sum inner)
            {
                foreach (Expr u in inner.Terms) AddTerm(u, numbers, monomials);
            }
            else
            {
                AddTerm(t, numbers, monomials);
            }
        }

        monomials.Sort((a, b) =>
        {
            int c = ExprOrder.Instance.Compare(a.Monomial, b.Monomial);
            return c != 0 ? c : a.Coefficient.CompareTo(b.Coefficient);
        });

        var result = new List<Expr>();
        int i = 0;
        while (i < monomials.Count)
        {
            Expr rest = monomials[i].Monomial;
            var coefficients = new List<double>();
            while (i < monomials.Count && monomials[i].Monomial.Equals(rest))
            {
                coefficients.Add(monomials[i].Coefficient);
                i++;
            }
            double c = OrderedSum(coefficients);
            if (c != 0.0) result.Add(Scale(c, rest));
        }

        double constant = OrderedSum(numbers);
        if (constant != 0.0 || double.IsNaN(constant)) result.Add(Num(constant));
        return result.Count switch
        {
            0 => Num(0.0),
            1 => result[0],
            _ => new Sum(result.ToEquatableArray()),
        };
    }

    private static void AddTerm(Expr t, List<double> numbers, List<(Expr Monomial, double Coefficient)> monomials)
    {
        if (t is Number n)
        {
            numbers.Add(n.Value);
        }
        else if (t is Product p && p.Factors[0] is Number c)
        {
            Expr rest = p.Factors.Count == 2 ? p.Factors[1] : new Product(p.Factors.Skip(1).ToEquatableArray());
            monomials.Add((rest, c.Value));
        }
        else
        {
            monomials.Add((t, 1.0));
        }
    }

    /// <summary>c × rest for a canonical non-numeric rest, kept canonical (coefficient first, no 1).</summary>
    private static Expr Scale(double c, Expr rest)
    {
        if (c == 1.0) return rest;
        IEnumerable<Expr> factors = rest is Product p ? p.Factors : new[] { rest };
        return new Product(new Expr[] { Num(c) }.Concat(factors).ToEquatableArray());
    }
}
