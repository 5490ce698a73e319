using System;
using System.Globalization;
using System.Linq;
using NmrDsl.Generators.Model;

namespace NmrDsl.Generators.Symbolic;

/// <summary>
/// Symbolic partial derivatives by the sum, product, power and chain rules; results are
/// simplified (<see cref="Simplifier.Simplify"/>).
/// </summary>
/// <remarks>
/// <para>Rules for u = u(v):
/// (u^n)' = n u^(n-1) u' for an exponent n independent of v;
/// (a^w)' = a^w log(a) w' for a base a independent of v;
/// (u^w)' = u^w (w' log u + w u'/u) otherwise (the log form, valid where u &gt; 0);
/// exp' = exp, log' = 1/u, sqrt' = 1/(2 sqrt u), cbrt' = 1/(3 cbrt(u)²), sin' = cos,
/// cos' = -sin, tan' = 1 + tan², tanh' = 1 - tanh², sinh' = cosh, cosh' = sinh,
/// atan' = 1/(1 + u²), abs' = sign(u).</para>
/// <para>Non-smooth functions are differentiated almost everywhere, as automatic
/// differentiation frameworks do: sign' = heaviside' = 0 (the Dirac delta at 0 is dropped);
/// min(a, b)' = a' + (b' - a')·H(a - b) and max(a, b)' = a' + (b' - a')·H(b - a), with H the
/// Heaviside step, which picks a' at ties.</para>
/// <para>A call whose arguments do not depend on the variable has derivative 0 even when the
/// function is unknown; an unknown function of the variable is an error.</para>
/// </remarks>
public static class Differentiator
{
    /// <summary>∂e/∂<paramref name="variable"/>, simplified.</summary>
    /// <exception cref="ArgumentException">An unknown function (or a wrong argument count) depends on the variable.</exception>
    public static Expr Differentiate(Expr e, string variable)
    {
        if (!TryDifferentiate(e, variable, out Expr? derivative, out string? error))
        {
            throw new ArgumentException(error, nameof(e));
        }
        return derivative!;
    }

    /// <summary>∂e/∂<paramref name="variable"/>, simplified; false with a message for an unknown function of the variable.</summary>
    public static bool TryDifferentiate(Expr e, string variable, out Expr? derivative, out string? error)
    {
        if (e is null) throw new ArgumentNullException(nameof(e));
        try
        {
            derivative = Simplifier.Simplify(D(e, variable));
            error = null;
            return true;
        }
        catch (NotDifferentiableException ex)
        {
            derivative = null;
            error = ex.Message;
            return false;
        }
    }

    private static Expr D(Expr e, string v)
    {
        if (!ExprAnalysis.DependsOn(e, v)) return Expr.Zero;
        return e switch
        {
            Symbol => Expr.One,
            Sum s => new Sum(s.Terms.Select(t => D(t, v)).ToEquatableArray()),
            Product p => DProduct(p, v),
            Power p => DPower(p, v),
            Call c => DCall(c, v),
            _ => throw new NotDifferentiableException("cannot differentiate " + e.GetType().Name + " nodes"),
        };
    }

    /// <summary>Leibniz rule: Σ_i f_i' Π_{j≠i} f_j.</summary>
    private static Expr DProduct(Product p, string v)
    {
        var terms = Enumerable.Range(0, p.Factors.Count)
            .Where(i => ExprAnalysis.DependsOn(p.Factors[i], v))
            .Select(i => (Expr)new Product(
                p.Factors.Select((f, j) => j == i ? D(f, v) : f).ToEquatableArray()));
        return new Sum(terms.ToEquatableArray());
    }

    private static Expr DPower(Power p, string v)
    {
        Expr u = p.Base;
        Expr w = p.Exponent;
        bool baseDepends = ExprAnalysis.DependsOn(u, v);
        bool exponentDepends = ExprAnalysis.DependsOn(w, v);
        if (!exponentDepends)
        {
            Expr lowered = w is Number n ? Expr.Num(n.Value - 1.0) : w - Expr.One;
            return w * Expr.Pow(u, lowered) * D(u, v);
        }
        Expr log = Expr.Call(KnownFunctions.Log, u);
        if (!baseDepends) return p * log * D(w, v);
        return p * ((D(w, v) * log) + (w * D(u, v) / u));
    }

    private static Expr DCall(Call c, string v)
    {
        if (!KnownFunctions.TryGetArity(c.Function, out int arity))
        {
            throw new NotDifferentiableException("cannot differentiate the unknown function '" + c.Function + "'");
        }
        if (c.Arguments.Count != arity)
        {
            throw new NotDifferentiableException(
                "function '" + c.Function + "' takes " + arity.ToString(CultureInfo.InvariantCulture) + " argument(s) but was given "
                + c.Arguments.Count.ToString(CultureInfo.InvariantCulture));
        }
        Expr u = c.Arguments[0];
        if (arity == 2) return DMinMax(c, v);
        Expr outer = c.Function switch
        {
            KnownFunctions.Exp => c,
            KnownFunctions.Log => Expr.Pow(u, -1.0),
            KnownFunctions.Sqrt => 0.5 * Expr.Pow(c, -1.0),
            KnownFunctions.Cbrt => (1.0 / 3.0) * Expr.Pow(c, -2.0),
            KnownFunctions.Sin => Expr.Call(KnownFunctions.Cos, u),
            KnownFunctions.Cos => -Expr.Call(KnownFunctions.Sin, u),
            KnownFunctions.Tan => 1.0 + Expr.Pow(c, 2.0),
            KnownFunctions.Tanh => 1.0 - Expr.Pow(c, 2.0),
            KnownFunctions.Sinh => Expr.Call(KnownFunctions.Cosh, u),
            KnownFunctions.Cosh => Expr.Call(KnownFunctions.Sinh, u),
            KnownFunctions.Atan => Expr.Pow(1.0 + Expr.Pow(u, 2.0), -1.0),
            KnownFunctions.Abs => Expr.Call(KnownFunctions.Sign, u),
            KnownFunctions.Sign or KnownFunctions.Heaviside => Expr.Zero,
            _ => throw new NotDifferentiableException("no derivative rule for '" + c.Function + "'"),
        };
        return outer * D(u, v);
    }

    private static Expr DMinMax(Call c, string v)
    {
        Expr a = c.Arguments[0];
        Expr b = c.Arguments[1];
        Expr da = D(a, v);
        Expr db = D(b, v);
        bool isMin = string.Equals(c.Function, KnownFunctions.Min, StringComparison.Ordinal);
        Expr switchToB = Expr.Call(KnownFunctions.Heaviside, isMin ? a - b : b - a);
        return da + ((db - da) * switchToB);
    }

#pragma warning disable CA1032, CA1064 // private control-flow exception, never escapes this class
    private sealed class NotDifferentiableException : Exception
    {
        public NotDifferentiableException(string message) : base(message) { }
    }
#pragma warning restore CA1032, CA1064
}
