using NmrDsl.Generators.Model;

namespace NmrDsl.Generators.Symbolic;

/// <summary>The product of <see cref="Factors"/> (empty product = 1). Division is a factor <c>b^-1</c>.</summary>
public sealed record Product(EquatableArray<Expr> Factors) : Expr;
