using System;
using System.Collections.Generic;
using System.Linq;
using NmrDsl.Generators.Model;

namespace NmrDsl.Generators.Symbolic;

/// <summary>Queries and rewrites over expression trees: dependence, free symbols, substitution, numeric evaluation.</summary>
public static class ExprAnalysis
{
    /// <summary>True when the symbol named <paramref name="symbol"/> occurs anywhere in <paramref name="e"/>.</summary>
    public static bool DependsOn(Expr e, string symbol) => e switch
    {
        Number => false,
        Symbol s => string.Equals(s.Name, symbol, StringComparison.Ordinal),
        Sum s => s.Terms.Any(t => DependsOn(t, symbol)),
        Product p => p.Factors.Any(f => DependsOn(f, symbol)),
        Power p => DependsOn(p.Base, symbol) || DependsOn(p.Exponent, symbol),
        Call c => c.Arguments.Any(a => DependsOn(a, symbol)),
        _ => throw Unknown(e),
    };

    /// <summary>The distinct symbol names in <paramref name="e"/>, sorted ordinal (deterministic).</summary>
    public static IReadOnlyList<string> FreeSymbols(Expr e)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        Collect(e, names);
        return names.ToArray();
    }

    /// <summary>
    /// Replaces every symbol found in <paramref name="map"/> by its expression, simultaneously
    /// (replacements are not themselves substituted again). The result is not simplified.
    /// </summary>
    public static Expr Substitute(Expr e, IReadOnlyDictionary<string, Expr> map) => e switch
    {
        Number => e,
        Symbol s => map.TryGetValue(s.Name, out var r) ? r : e,
        Sum s => new Sum(s.Terms.Select(t => Substitute(t, map)).ToEquatableArray()),
        Product p => new Product(p.Factors.Select(f => Substitute(f, map)).ToEquatableArray()),
        Power p => new Power(Substitute(p.Base, map), Substitute(p.Exponent, map)),
        Call c => new Call(c.Function, c.Arguments.Select(a => Substitute(a, map)).ToEquatableArray()),
        _ => throw Unknown(e),
    };

    /// <summary>
    /// Evaluates <paramref name="e"/> in double precision, with the same operations as the code
    /// <see cref="CSharpExpressionPrinter"/> emits: sums and products left to right, x^0.5 as
    /// Math.Sqrt, x^2 as x·x, x^-1 as 1/x, other powers with Math.Pow, functions as in
    /// <see cref="KnownFunctions.TryEvaluate"/>. NaN and infinities propagate; nothing throws for
    /// domain errors.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown function, or a known one with the wrong number of arguments.</exception>
    public static double Evaluate(Expr e, Func<string, double> symbolValue)
    {
        switch (e)
        {
            case Number n:
                return n.Value;
            case Symbol s:
                return symbolValue(s.Name);
            case Sum s:
            {
                double acc = 0.0;
                for (int i = 0; i < s.Terms.Count; i++)
                {
                    double v = Evaluate(s.Terms[i], symbolValue);
                    acc = i == 0 ? v : acc + v;
                }
                return acc;
            }
            case Product p:
            {
                double acc = 1.0;
                for (int i = 0; i < p.Factors.Count; i++)
                {
                    double v = Evaluate(p.Factors[i], symbolValue);
                    acc = i == 0 ? v : acc * v;
                }
                return acc;
            }
            case Power p:
                return EvaluatePower(Evaluate(p.Base, symbolValue), p.Exponent, symbolValue);
            case Call c:
            {
                double[] args = c.Arguments.Select(a => Evaluate(a, symbolValue)).ToArray();
                if (!KnownFunctions.TryGetArity(c.Function, out int arity))
                {
                    throw new ArgumentException("Cannot evaluate the unknown function '" + c.Function + "'.", nameof(e));
                }
                if (!KnownFunctions.TryEvaluate(c.Function, args, out double value))
                {
                    throw new ArgumentException(
                        "Function '" + c.Function + "' takes " + arity.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        + " argument(s) but was given " + args.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".",
                        nameof(e));
                }
                return value;
            }
            default:
                throw Unknown(e);
        }
    }

    private static double EvaluatePower(double b, Expr exponent, Func<string, double> symbolValue)
    {
        if (exponent is Number n)
        {
            if (n.Value == 0.5) return Math.Sqrt(b);
            if (n.Value == 2.0) return b * b;
            if (n.Value == -1.0) return 1.0 / b;
            return Math.Pow(b, n.Value);
        }
        return Math.Pow(b, Evaluate(exponent, symbolValue));
    }

    private static void Collect(Expr e, SortedSet<string> names)
    {
        switch (e)
        {
            case Number:
                break;
            case Symbol s:
                names.Add(s.Name);
                break;
            case Sum s:
                foreach (var t in s.Terms) Collect(t, names);
                break;
            case Product p:
                foreach (var f in p.Factors) Collect(f, names);
                break;
            case Power p:
                Collect(p.Base, names);
                Collect(p.Exponent, names);
                break;
            case Call c:
                foreach (var a in c.Arguments) Collect(a, names);
                break;
            default:
                throw Unknown(e);
        }
    }

    private static ArgumentException Unknown(Expr e) =>
        new("Unknown expression node " + (e is null ? "null" : e.GetType().Name) + ".", nameof(e));
}
