using System.Collections.Generic;
using System.Text;

namespace NmrDsl.Generators.Symbolic;

/// <summary>
/// Shared infix layout for <see cref="CSharpExpressionPrinter"/> and <see cref="ExprFormatter"/>:
/// sums led by a positive term with <c>-</c> for negative terms, products as
/// <c>c * a * b / (d * e)</c>, and the fewest parentheses that keep the grouping of the tree
/// (nested sums and products stay parenthesised; only the rounding order of a sum's or a
/// product's own operands may differ from <see cref="ExprAnalysis.Evaluate"/>). Dialects supply
/// literals, symbols, powers and calls.
/// </summary>
internal abstract class InfixWriter
{
    protected const int Additive = 1;
    protected const int Multiplicative = 2;
    protected const int Unary = 3;
    protected const int Exponentiation = 4;
    protected const int Primary = 5;

    /// <summary>The expression as text plus the precedence of its outermost operator.</summary>
    public (string Text, int Precedence) Write(Expr e) => e switch
    {
        Number n => Literal(n.Value),
        Symbol s => (SymbolText(s.Name), Primary),
        Sum s => WriteSum(s.Terms),
        Product p => WriteProduct(p.Factors),
        Power p when ProductLayout.IsNegativeFinitePower(p) => WriteProduct(new Expr[] { p }),
        Power p => WritePower(p),
        Call c => WriteCall(c),
        _ => throw ProductLayout.UnknownNode(e),
    };

    /// <summary>Text of <paramref name="e"/>, parenthesised when its precedence is below <paramref name="minimum"/>.</summary>
    public string At(Expr e, int minimum)
    {
        var (text, precedence) = Write(e);
        return precedence < minimum ? "(" + text + ")" : text;
    }

    protected abstract (string Text, int Precedence) Literal(double value);

    protected abstract string SymbolText(string name);

    protected abstract (string Text, int Precedence) WritePower(Power p);

    protected abstract (string Text, int Precedence) WriteCall(Call c);

    /// <summary>
    /// True for a factor that a dialect prints as a bare product of its own (C# prints x^2 as
    /// <c>x * x</c>), which can join the surrounding chain without parentheses:
    /// <c>2.0 * D * D / r</c> instead of <c>2.0 * (D * D) / r</c>. Only the rounding order changes.
    /// </summary>
    protected virtual bool SplicesIntoProduct(Expr factor) => false;

    /// <summary>Text for the right operand of <c>*</c> or <c>/</c>: unary or tighter, and never starting with a sign.</summary>
    protected string Operand(Expr e)
    {
        var (text, precedence) = Write(e);
        return precedence < Unary || text.StartsWith("-", System.StringComparison.Ordinal) ? "(" + text + ")" : text;
    }

    private (string Text, int Precedence) WriteSum(IReadOnlyList<Expr> terms)
    {
        if (terms.Count == 0) return Literal(0.0);
        if (terms.Count == 1) return Write(terms[0]);
        var ordered = LeadWithPositiveTerm(terms);
        var sb = new StringBuilder(At(ordered[0], Additive));
        for (int i = 1; i < ordered.Count; i++)
        {
            if (ProductLayout.TryNegate(ordered[i], out Expr positive))
            {
                sb.Append(" - ").Append(At(positive, Multiplicative));
            }
            else
            {
                sb.Append(" + ").Append(At(ordered[i], Multiplicative));
            }
        }
        return (sb.ToString(), Additive);
    }

    /// <summary>
    /// The terms with the first non-negative one moved to the front, so that a sum reads
    /// <c>1 - 2 * x</c> rather than <c>-2 * x + 1</c>. This changes only the rounding order.
    /// </summary>
    private static IReadOnlyList<Expr> LeadWithPositiveTerm(IReadOnlyList<Expr> terms)
    {
        if (!ProductLayout.TryNegate(terms[0], out _)) return terms;
        for (int k = 1; k < terms.Count; k++)
        {
            if (!ProductLayout.TryNegate(terms[k], out _))
            {
                var ordered = new List<Expr>(terms.Count) { terms[k] };
                for (int i = 0; i < terms.Count; i++)
                {
                    if (i != k) ordered.Add(terms[i]);
                }
                return ordered;
            }
        }
        return terms;
    }

    private (string Text, int Precedence) WriteProduct(IReadOnlyList<Expr> factors)
    {
        if (factors.Count == 0) return Literal(1.0);
        if (factors.Count == 1 && !ProductLayout.IsNegativeFinitePower(factors[0])) return Write(factors[0]);
        var layout = ProductLayout.Of(factors);
        double c = layout.Coefficient;
        var items = new List<Expr>();
        bool negate = c == -1.0 && layout.Numerator.Count > 0;
        if (!negate && (c != 1.0 || layout.Numerator.Count == 0)) items.Add(new Number(c));
        foreach (Expr f in layout.Numerator) items.Add(f);

        var (numerator, precedence) = Chain(items);
        if (negate)
        {
            numerator = numerator.StartsWith("-", System.StringComparison.Ordinal) ? "-(" + numerator + ")" : "-" + numerator;
            precedence = precedence >= Unary ? Unary : Multiplicative;
        }
        if (layout.Denominator.Count == 0) return (numerator, precedence);

        string denominator = layout.Denominator.Count == 1
            ? Operand(layout.Denominator[0])
            : "(" + Chain(layout.Denominator).Text + ")";
        return (numerator + " / " + denominator, Multiplicative);
    }

    /// <summary>
    /// <c>a * b * c</c>, left-associative; a single item keeps its own precedence, but at least
    /// multiplicative (a lone sum is parenthesised so that a sign or a division can follow).
    /// </summary>
    private (string Text, int Precedence) Chain(IReadOnlyList<Expr> items)
    {
        if (items.Count == 1)
        {
            var (text, precedence) = Write(items[0]);
            return precedence < Multiplicative ? ("(" + text + ")", Primary) : (text, precedence);
        }
        var sb = new StringBuilder(At(items[0], Multiplicative));
        for (int i = 1; i < items.Count; i++) sb.Append(" * ").Append(SplicesIntoProduct(items[i]) ? Write(items[i]).Text : Operand(items[i]));
        return (sb.ToString(), Multiplicative);
    }
}
