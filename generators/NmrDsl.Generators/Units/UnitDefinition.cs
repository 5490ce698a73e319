using System.Globalization;

namespace NmrDsl.Generators.Units;

/// <summary>
/// One named unit of the catalog: its literal suffix <see cref="Symbol"/> as written in a spec
/// (case-sensitive), an English <see cref="Name"/> for diagnostics, and its SI
/// <see cref="Factor"/> and <see cref="Dimension"/> (value_SI = value × Factor).
/// </summary>
public sealed record UnitDefinition(string Symbol, string Name, double Factor, Dimension Dimension)
{
    /// <summary>The unit as an algebraic value that can be multiplied, divided and raised to powers.</summary>
    public Unit ToUnit() => new(Factor, Dimension);

    /// <summary>Invariant text such as <c>nm (nanometre) = 1E-09 m</c>; culture-independent.</summary>
    public override string ToString() =>
        Symbol + " (" + Name + ") = " + Factor.ToString("R", CultureInfo.InvariantCulture)
        + (Dimension.IsDimensionless ? string.Empty : " " + Dimension.ToSiUnitString());
}
