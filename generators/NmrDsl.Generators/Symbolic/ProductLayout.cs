using System;
using System.Collections.Generic;

namespace NmrDsl.Generators.Symbolic;

/// <summary>
/// A product split for printing as <c>c * a * b / (d * e)</c>: the leading numeric coefficient,
/// the numerator factors, and the denominator factors (factors x^-k with numeric k &gt; 0, kept
/// as x for k = 1 and as x^k otherwise), in their original order.
/// </summary>
internal sealed class ProductLayout
{
    private ProductLayout(double coefficient, IReadOnlyList<Expr> numerator, IReadOnlyList<Expr> denominator)
    {
        Coefficient = coefficient;
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>The leading numeric factor, 1 when there is none.</summary>
    public double Coefficient { get; }

    public IReadOnlyList<Expr> Numerator { get; }

    public IReadOnlyList<Expr> Denominator { get; }

    public static ProductLayout Of(IReadOnlyList<Expr> factors)
    {
        double coefficient = 1.0;
        int start = 0;
        if (factors.Count > 0 && factors[0] is Number n)
        {
            coefficient = n.Value;
            start = 1;
        }
        var numerator = new List<Expr>();
        var denominator = new List<Expr>();
        for (int i = start; i < factors.Count; i++)
        {
            Expr f = factors[i];
            if (f is Power { Exponent: Number k } p && k.Value < 0.0 && !double.IsInfinity(k.Value))
            {
                denominator.Add(k.Value == -1.0 ? p.Base : new Power(p.Base, new Number(-k.Value)));
            }
            else
            {
                numerator.Add(f);
            }
        }
        return new ProductLayout(coefficient, numerator, denominator);
    }

    /// <summary>
    /// When the term is negative by its leading coefficient (or is a negative number), its
    /// negation, so that a sum can print <c>a - b</c> instead of <c>a + -1 * b</c>. Exact:
    /// negation commutes with IEEE rounding.
    /// </summary>
    public static bool TryNegate(Expr term, out Expr positive)
    {
        switch (term)
        {
            case Number n when n.Value < 0.0:
                positive = new Number(-n.Value);
                return true;
            case Product p when p.Factors.Count > 0 && p.Factors[0] is Number c && c.Value < 0.0:
            {
                var rest = new List<Expr>();
                if (c.Value != -1.0 || p.Factors.Count == 1) rest.Add(new Number(-c.Value));
                for (int i = 1; i < p.Factors.Count; i++) rest.Add(p.Factors[i]);
                positive = rest.Count == 1 ? rest[0] : new Product(new Model.EquatableArray<Expr>(rest));
                return true;
            }
            default:
                positive = term;
                return false;
        }
    }

    internal static bool IsNegativeFinitePower(Expr e) =>
        e is Power { Exponent: Number k } && k.Value < 0.0 && !double.IsInfinity(k.Value) && !double.IsNaN(k.Value);

    internal static ArgumentException UnknownNode(Expr e) =>
        new("Unknown expression node " + (e is null ? "null" : e.GetType().Name) + ".", nameof(e));
}
