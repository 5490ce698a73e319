using System;
using System.Linq;
using NmrDsl.Generators.Symbolic;

namespace NmrDsl.Generators.Tests.Symbolic;

/// <summary>Numeric helpers for the property tests: evaluation at (x, y) and the magnitude scale of a tree.</summary>
internal static class Numerics
{
    public static double Eval(Expr e, double x, double y) =>
        ExprAnalysis.Evaluate(e, name => name switch
        {
            "x" => x,
            "y" => y,
            _ => throw new ArgumentException("unexpected symbol " + name),
        });

    public static bool IsFinite(double v) => !double.IsNaN(v) && !double.IsInfinity(v);

    /// <summary>
    /// The largest |value| of any subtree at (x, y), infinity if any subtree is not finite. Rounding
    /// errors of a reordered evaluation are relative to this scale, not to the (possibly
    /// cancelled) final value, so tolerances are scaled by it.
    /// </summary>
    public static double Scale(Expr e, double x, double y)
    {
        double max = 0.0;
        foreach (var s in ExprGen.Subtrees(e))
        {
            double v = Eval(s, x, y);
            if (!IsFinite(v)) return double.PositiveInfinity;
            max = Math.Max(max, Math.Abs(v));
        }
        return max;
    }

    public static double Scale(params (Expr E, double X, double Y)[] items) => items.Max(i => Scale(i.E, i.X, i.Y));
}
