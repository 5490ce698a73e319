using NmrDsl.Generators.Model;

namespace NmrDsl.Generators.Symbolic;

/// <summary>The sum of <see cref="Terms"/> (empty sum = 0). Subtraction is a term <c>(-1) × b</c>.</summary>
public sealed record Sum(EquatableArray<Expr> Terms) : Expr;
