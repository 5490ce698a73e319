using System;
using System.Linq;
using NmrDsl.Generators.Symbolic;

namespace NmrDsl.Generators.Tests.Symbolic;

/// <summary>
/// A first-order running bound on the rounding error of evaluating a tree in double precision
/// (after Wilkinson's running error analysis; Higham, <i>Accuracy and Stability of Numerical
/// Algorithms</i>, 2nd ed., 2002, §3.3). Two evaluations of mathematically equal trees may differ
/// by about the sum of their bounds; this is what the property tests allow, so that catastrophic
/// cancellation (1 / (a + x - a) at tiny x) is tolerated exactly as much as it deserves.
/// </summary>
/// <remarks>
/// Functions and powers propagate the argument error by evaluating at the ends of the error
/// interval, which also turns a possible jump (heaviside or sign near 0, a negative base with an
/// exponent near an integer) into an O(1) or infinite bound. When an argument error exceeds 0.01
/// the first-order picture is no longer trustworthy and the bound is infinite (callers skip).
/// </remarks>
internal static class ErrorBound
{
    private const double Eps = 2.3e-16; // about one ulp, also covering 1-ulp libm functions

    /// <summary>Absolute error of one rounding in the gradual-underflow range (Higham §2.1: fl(x op y) = (x op y)(1 + δ) + η).</summary>
    private const double Eta = double.Epsilon;

    public static double Of(Expr e, double x, double y)
    {
        var (_, error) = Eval(e, x, y);
        return error;
    }

    private static (double Value, double Error) Eval(Expr e, double x, double y)
    {
        var (value, error) = e switch
        {
            Number n => (n.Value, (Eps * Math.Abs(n.Value)) + Eta),
            Symbol s => (Numerics.Eval(s, x, y), 0.0),
            Sum s => Sum(s, x, y),
            Product p => Product(p, x, y),
            Power p => Pow(p, x, y),
            Call c => Call(c, x, y),
            _ => throw new ArgumentException("unknown node"),
        };
        return Numerics.IsFinite(value) && Numerics.IsFinite(error) ? (value, error) : (value, double.PositiveInfinity);
    }

    private static (double, double) Sum(Sum s, double x, double y)
    {
        double value = 0, error = 0;
        foreach (var t in s.Terms)
        {
            var (v, err) = Eval(t, x, y);
            value += v;
            error += err + (Eps * Math.Abs(value)) + Eta;
        }
        return (value, error);
    }

    private static (double, double) Product(Product p, double x, double y)
    {
        double value = 1, error = 0;
        foreach (var f in p.Factors)
        {
            var (v, err) = Eval(f, x, y);
            error = (Math.Abs(value) * err) + (Math.Abs(v) * error) + (err * error);
            value *= v;
            error += (Eps * Math.Abs(value)) + Eta;
        }
        return (value, error);
    }

    private static (double, double) Pow(Power p, double x, double y)
    {
        var (u, eu) = Eval(p.Base, x, y);
        var (w, ew) = Eval(p.Exponent, x, y);
        if (eu > 1e-2 || ew > 1e-2) return (double.NaN, double.PositiveInfinity);
        double f = Math.Pow(u, w);
        double spread = new[] { (u - eu, w - ew), (u - eu, w + ew), (u + eu, w - ew), (u + eu, w + ew) }
            .Max(c => Math.Abs(Math.Pow(c.Item1, c.Item2) - f));
        return (f, spread + (Eps * Math.Abs(f)) + Eta);
    }

    private static (double, double) Call(Call c, double x, double y)
    {
        var args = c.Arguments.Select(a => Eval(a, x, y)).ToArray();
        if (args.Any(a => a.Error > 1e-2)) return (double.NaN, double.PositiveInfinity);
        double F(params double[] v)
        {
            KnownFunctions.TryEvaluate(c.Function, v, out double r);
            return r;
        }
        double f = F(args.Select(a => a.Value).ToArray());
        if (args.Length == 2)
        {
            return (f, Math.Max(args[0].Error, args[1].Error));
        }
        var (u, eu) = args[0];
        double spread = Math.Max(Math.Abs(F(u - eu) - f), Math.Abs(F(u + eu) - f));
        return (f, spread + (Eps * Math.Abs(f)) + Eta);
    }
}
