using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NmrDsl.Generators.Symbolic;

/// <summary>
/// Prints an expression as a C# <c>double</c> expression for the emitters: readable
/// (<c>a * b / (c * d)</c>, <c>x * x</c>, <c>System.Math.Sqrt(x)</c>), fully qualified
/// (<c>global::System.Math.*</c>, so generated files need no usings and user namespaces cannot shadow it), minimally parenthesised, and
/// culture-invariant (numbers via <c>double.ToString("R", InvariantCulture)</c>).
/// </summary>
/// <remarks>
/// Every literal is a double literal (<c>2</c> prints <c>2.0</c>; <c>1E-06</c> already is one),
/// so integer division can never occur. heaviside prints as <c>(x &gt; 0.0 ? 1.0 : 0.0)</c> and
/// sign as <c>(double)System.Math.Sign(x)</c>, which throws on NaN (see <see cref="KnownFunctions"/>).
/// Sums lead with a positive term (<c>1.0 - x</c>, not <c>-x + 1.0</c>) and squared symbols join
/// the surrounding product (<c>2.0 * x * x * y</c>), so results agree with
/// <see cref="ExprAnalysis.Evaluate"/> up to the rounding of a different operation order.
/// </remarks>
public static class CSharpExpressionPrinter
{
    private static readonly Dictionary<string, string> MathNames = new(StringComparer.Ordinal)
    {
        [KnownFunctions.Exp] = "Exp", [KnownFunctions.Log] = "Log", [KnownFunctions.Sqrt] = "Sqrt",
        [KnownFunctions.Cbrt] = "Cbrt", [KnownFunctions.Sin] = "Sin", [KnownFunctions.Cos] = "Cos",
        [KnownFunctions.Tan] = "Tan", [KnownFunctions.Tanh] = "Tanh", [KnownFunctions.Sinh] = "Sinh",
        [KnownFunctions.Cosh] = "Cosh", [KnownFunctions.Atan] = "Atan", [KnownFunctions.Abs] = "Abs",
        [KnownFunctions.Min] = "Min", [KnownFunctions.Max] = "Max",
    };

    /// <summary>
    /// The C# text of <paramref name="e"/>. <paramref name="symbolToCSharp"/> maps each symbol name
    /// to a primary C# expression (an identifier, <c>p.Radius</c>, <c>u[0]</c>...).
    /// </summary>
    /// <exception cref="ArgumentException">An unknown function, or a known one with the wrong number of arguments.</exception>
    public static string Print(Expr e, Func<string, string> symbolToCSharp)
    {
        if (e is null) throw new ArgumentNullException(nameof(e));
        if (symbolToCSharp is null) throw new ArgumentNullException(nameof(symbolToCSharp));
        return new Writer(symbolToCSharp).Write(e).Text;
    }

    /// <summary>A C# double literal for <paramref name="value"/> (round-trip, invariant, always a double).</summary>
    public static string Literal(double value)
    {
        if (double.IsNaN(value)) return "double.NaN";
        if (double.IsPositiveInfinity(value)) return "double.PositiveInfinity";
        if (double.IsNegativeInfinity(value)) return "double.NegativeInfinity";
        string s = value.ToString("R", CultureInfo.InvariantCulture);
        return s.IndexOf('.') >= 0 || s.IndexOf('E') >= 0 ? s : s + ".0";
    }

    private sealed class Writer : InfixWriter
    {
        private readonly Func<string, string> _symbol;

        public Writer(Func<string, string> symbol) => _symbol = symbol;

        protected override (string Text, int Precedence) Literal(double value)
        {
            string text = CSharpExpressionPrinter.Literal(value);
            return (text, text.StartsWith("-", StringComparison.Ordinal) ? Unary : Primary);
        }

        protected override string SymbolText(string name) => _symbol(name);

        protected override bool SplicesIntoProduct(Expr factor) => IsSymbolSquared(factor);

        private static bool IsSymbolSquared(Expr e) => e is Power { Base: Symbol, Exponent: Number { Value: 2.0 } };

        protected override (string Text, int Precedence) WritePower(Power p)
        {
            if (p.Exponent is Number k)
            {
                if (k.Value == 0.5) return ("global::System.Math.Sqrt(" + Write(p.Base).Text + ")", Primary);
                if (k.Value == 1.0) return Write(p.Base);
                if (IsSymbolSquared(p) && p.Base is Symbol s)
                {
                    string x = SymbolText(s.Name);
                    return (x + " * " + x, Multiplicative);
                }
            }
            return ("global::System.Math.Pow(" + Write(p.Base).Text + ", " + Write(p.Exponent).Text + ")", Primary);
        }

        protected override (string Text, int Precedence) WriteCall(Call c)
        {
            if (!KnownFunctions.TryGetArity(c.Function, out int arity))
            {
                throw new ArgumentException("Cannot print the unknown function '" + c.Function + "' as C#.", nameof(c));
            }
            if (c.Arguments.Count != arity)
            {
                throw new ArgumentException(
                    "Function '" + c.Function + "' takes " + arity.ToString(CultureInfo.InvariantCulture) + " argument(s) but was given "
                    + c.Arguments.Count.ToString(CultureInfo.InvariantCulture) + ".",
                    nameof(c));
            }
            string args = string.Join(", ", c.Arguments.Select(a => Write(a).Text));
            return c.Function switch
            {
                KnownFunctions.Heaviside => ("(" + args + " > 0.0 ? 1.0 : 0.0)", Primary),
                KnownFunctions.Sign => ("(double)global::System.Math.Sign(" + args + ")", Unary),
                _ => ("global::System.Math." + MathNames[c.Function] + "(" + args + ")", Primary),
            };
        }
    }
}
