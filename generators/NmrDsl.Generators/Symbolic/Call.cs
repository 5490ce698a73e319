using NmrDsl.Generators.Model;

namespace NmrDsl.Generators.Symbolic;

/// <summary>A call of the function named <see cref="Function"/> (lower-case, see <see cref="KnownFunctions"/>).</summary>
public sealed record Call(string Function, EquatableArray<Expr> Arguments) : Expr;
