namespace NmrDsl.Generators.Symbolic;

/// <summary>A named variable, parameter or field value; compared by ordinal name.</summary>
public sealed record Symbol(string Name) : Expr;
