using System;
using System.Collections.Generic;

namespace NmrDsl.Generators.Units;

/// <summary>
/// The unit symbols a spec may write after a number (<c>5 nm</c>, <c>400 MHz</c>,
/// <c>1e-9 m^2/s</c>). Lookup is case-sensitive: <c>M</c> is molar and <c>m</c> metre,
/// <c>mM</c> millimolar and <c>mm</c> millimetre.
/// </summary>
/// <remarks>
/// NmrDsl-specific choices (see docs/units.md): <c>A</c> is the ångström (1e-10 m), not the
/// ampere, because spin physics writes lengths in Å far more often than currents; <c>G</c> is
/// the gauss (1e-4 T), not a bare giga prefix; <c>M</c> is mol/L = 1e3 mol m^-3; angles
/// (<c>rad</c>, <c>deg</c>) and ratios (<c>ppm</c>, <c>ppb</c>) are dimensionless.
/// </remarks>
public static class UnitCatalog
{
    private static readonly IReadOnlyList<UnitDefinition> AllDefinitions = UnitCatalogBuilder.Build();

    private static readonly Dictionary<string, UnitDefinition> BySymbol = Index(AllDefinitions);

    /// <summary>Every unit definition, sorted by ordinal symbol (stable across runs and cultures).</summary>
    public static IReadOnlyList<UnitDefinition> All => AllDefinitions;

    /// <summary>Looks up a unit by its exact (case-sensitive) symbol.</summary>
    public static bool TryResolve(string symbol, out UnitDefinition definition)
    {
        if (symbol is not null && BySymbol.TryGetValue(symbol, out var found))
        {
            definition = found;
            return true;
        }
        definition = null!;
        return false;
    }

    /// <summary>True when <paramref name="symbol"/> names a unit (case-sensitive).</summary>
    public static bool IsUnitSymbol(string symbol) => symbol is not null && BySymbol.ContainsKey(symbol);

    private static Dictionary<string, UnitDefinition> Index(IReadOnlyList<UnitDefinition> all)
    {
        var map = new Dictionary<string, UnitDefinition>(StringComparer.Ordinal);
        foreach (var d in all)
        {
            if (!map.ContainsKey(d.Symbol)) map.Add(d.Symbol, d);
        }
        return map;
    }
}
