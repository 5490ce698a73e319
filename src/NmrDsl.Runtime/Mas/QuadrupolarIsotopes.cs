using System;
using System.Collections.Generic;
using System.Linq;
using NmrDsl.Runtime.Spin;
using static System.FormattableString;

namespace NmrDsl.Runtime.Mas;

/// <summary>
/// Half-integer quadrupolar nuclei common in oxide glasses and minerals, as <see cref="Isotope"/> records (2I and γ in
/// rad s⁻¹ T⁻¹). Spins and gyromagnetic ratios: IUPAC recommendations, Harris et al., Pure Appl. Chem. 73 (2001) 1795,
/// Table 1. <see cref="FromSymbol"/> also finds the spin-½ nuclei of <see cref="Isotope.All"/>.
/// </summary>
public static class QuadrupolarIsotopes
{
    /// <summary>⁷Li, I = 3/2, γ = 10.3977013 × 10⁷ rad s⁻¹ T⁻¹.</summary>
    public static readonly Isotope Li7 = new("7Li", 3, 10.3977013e7);

    /// <summary>¹¹B, I = 3/2, γ = 8.5847044 × 10⁷ rad s⁻¹ T⁻¹.</summary>
    public static readonly Isotope B11 = new("11B", 3, 8.5847044e7);

    /// <summary>¹⁷O, I = 5/2, γ = −3.62808 × 10⁷ rad s⁻¹ T⁻¹.</summary>
    public static readonly Isotope O17 = new("17O", 5, -3.62808e7);

    /// <summary>²³Na, I = 3/2, γ = 7.0808493 × 10⁷ rad s⁻¹ T⁻¹.</summary>
    public static readonly Isotope Na23 = new("23Na", 3, 7.0808493e7);

    /// <summary>²⁵Mg, I = 5/2, γ = −1.63887 × 10⁷ rad s⁻¹ T⁻¹.</summary>
    public static readonly Isotope Mg25 = new("25Mg", 5, -1.63887e7);

    /// <summary>²⁷Al, I = 5/2, γ = 6.9762715 × 10⁷ rad s⁻¹ T⁻¹.</summary>
    public static readonly Isotope Al27 = new("27Al", 5, 6.9762715e7);

    /// <summary>⁴³Ca, I = 7/2, γ = −1.803069 × 10⁷ rad s⁻¹ T⁻¹.</summary>
    public static readonly Isotope Ca43 = new("43Ca", 7, -1.803069e7);

    private static readonly Isotope[] Table = [Li7, B11, O17, Na23, Mg25, Al27, Ca43];

    /// <summary>The quadrupolar isotopes of this table.</summary>
    public static IReadOnlyList<Isotope> All => Table;

    /// <summary>Looks an isotope up by symbol ("27Al", "29Si", …) in this table, then in <see cref="Isotope.All"/>.</summary>
    /// <exception cref="ArgumentException">Unknown symbol.</exception>
    public static Isotope FromSymbol(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        foreach (Isotope isotope in Table.Concat(Isotope.All))
        {
            if (string.Equals(isotope.Symbol, symbol.Trim(), StringComparison.OrdinalIgnoreCase)) return isotope;
        }

        throw new ArgumentException(
            Invariant($"Unknown isotope '{symbol}'; known: {string.Join(", ", Table.Concat(Isotope.All).Select(i => i.Symbol))}."),
            nameof(symbol));
    }
}
