using System;
using System.Globalization;
using System.Linq;

namespace NmrDsl.Generators.Symbolic;

/// <summary>
/// Prints an expression in NmrDsl spec syntax (infix, <c>^</c> for powers, lower-case function
/// names, <c>a * b / (c * d)</c> for quotients) for diagnostics and for comments in generated
/// code. Culture-invariant and deterministic; not meant to be parsed back exactly (numbers are
/// printed round-trip, but unknown node kinds are not).
/// </summary>
public static class ExprFormatter
{
    /// <summary>The spec-syntax text of <paramref name="e"/>, e.g. <c>D * x^2 / (r + 1)</c>.</summary>
    public static string Format(Expr e)
    {
        if (e is null) throw new ArgumentNullException(nameof(e));
        return Writer.Instance.Write(e).Text;
    }

    private sealed class Writer : InfixWriter
    {
        public static Writer Instance { get; } = new();

        protected override (string Text, int Precedence) Literal(double value)
        {
            string text = value.ToString("R", CultureInfo.InvariantCulture);
            return (text, text.StartsWith("-", StringComparison.Ordinal) ? Unary : Primary);
        }

        protected override string SymbolText(string name) => name;

        protected override (string Text, int Precedence) WritePower(Power p) =>
            (At(p.Base, Primary) + "^" + At(p.Exponent, Primary), Exponentiation);

        protected override (string Text, int Precedence) WriteCall(Call c) =>
            (c.Function + "(" + string.Join(", ", c.Arguments.Select(a => Write(a).Text)) + ")", Primary);
    }
}
