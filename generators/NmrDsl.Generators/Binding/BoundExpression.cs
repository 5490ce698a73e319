using NmrDsl.Generators.Symbolic;
using NmrDsl.Generators.Units;

namespace NmrDsl.Generators.Binding;

/// <summary>
/// A bound expression: its symbolic IR (numbers already in SI units) and its physical dimension.
/// <paramref name="IsZero"/> marks a bare literal 0, which is compatible with any dimension
/// (so <c>initial P = 0</c> and <c>flux(P) = 0</c> need no unit).
/// <paramref name="Ok"/> is false when binding reported an error (callers then stay silent, so one
/// mistake gives one diagnostic).
/// </summary>
public readonly record struct BoundExpression(Expr Ir, Dimension Dimension, bool Ok, bool IsZero = false)
{
    public static BoundExpression Error { get; } = new(Expr.Num(0), Dimension.None, false);
}
