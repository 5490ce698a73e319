using NmrDsl.Generators.Symbolic;
using NmrDsl.Generators.Syntax;
using NmrDsl.Generators.Units;

namespace NmrDsl.Generators.Binding;

/// <summary>
/// A declared name with its kind, dimension and (for constants) its value in SI units.
/// <paramref name="Value"/> is the bound IR of a let (or null); <paramref name="SiValue"/> the
/// numeric default of a parameter or unknown.
/// </summary>
public sealed record DeclaredSymbol(
    string Name,
    SymbolKind Kind,
    Dimension Dimension,
    SourceSpan Span,
    Expr? Value = null,
    double? SiValue = null,
    string? DeclaredUnit = null,
    string? Description = null)
{
    /// <summary>True for names whose value is fixed before solving (parameters, unknowns, constant lets).</summary>
    public bool IsConstant { get; init; }

    /// <summary>
    /// True when the declaration itself had an error (already reported): uses of the name then
    /// bind silently to an error, so one mistake gives one diagnostic, not one per use.
    /// </summary>
    public bool HasError { get; init; }

    /// <summary>Lower bound (SI) of an unknown; null for other kinds.</summary>
    public double? Lower { get; init; }

    /// <summary>Upper bound (SI) of an unknown; null for other kinds.</summary>
    public double? Upper { get; init; }

    /// <summary>True for an unknown declared <c>log</c> (fitted on a log scale).</summary>
    public bool LogScale { get; init; }
}
