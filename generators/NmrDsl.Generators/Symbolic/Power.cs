namespace NmrDsl.Generators.Symbolic;

/// <summary><see cref="Base"/> raised to <see cref="Exponent"/>, with the real-valued semantics of Math.Pow.</summary>
public sealed record Power(Expr Base, Expr Exponent) : Expr;
