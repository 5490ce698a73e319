namespace NmrDsl.Generators.Symbolic;

/// <summary>A numeric literal (a double in SI units). Equality is <see cref="double.Equals(double)"/>, so NaN equals NaN and 0 equals -0.</summary>
public sealed record Number(double Value) : Expr;
