using System;
using System.Collections.Generic;
using System.Linq;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// A magnetic nucleus: its symbol (mass number + element, e.g. "1H"), spin quantum number and
/// gyromagnetic ratio γ in rad s⁻¹ T⁻¹. The Larmor frequency is ν0 = γB0/2π (Hz), signed: negative
/// for nuclei with γ &lt; 0 such as ¹⁵N.
/// </summary>
/// <param name="Symbol">Mass number followed by the element symbol, e.g. "13C".</param>
/// <param name="TwiceSpin">2I: 1 for spin-½, 2 for spin-1, ….</param>
/// <param name="Gamma">Gyromagnetic ratio γ in rad s⁻¹ T⁻¹.</param>
public sealed record Isotope(string Symbol, int TwiceSpin, double Gamma)
{
    /// <summary>
    /// ¹H, free proton: γ_p = 2.6752218744 × 10⁸ rad s⁻¹ T⁻¹ (CODATA 2018 recommended value;
    /// γ/2π = 42.577478 MHz/T, the value FID-A rounds to 42.576 MHz/T).
    /// </summary>
    public static readonly Isotope H1 = new("1H", 1, 2.6752218744e8);

    /// <summary>²H (spin 1): γ = 4.10662791 × 10⁷ rad s⁻¹ T⁻¹ (IUPAC, Harris et al., Pure Appl. Chem. 73 (2001) 1795, Table 1).</summary>
    public static readonly Isotope H2 = new("2H", 2, 4.10662791e7);

    /// <summary>¹³C: γ = 6.728284 × 10⁷ rad s⁻¹ T⁻¹ (IUPAC 2001, Harris et al., Table 1).</summary>
    public static readonly Isotope C13 = new("13C", 1, 6.728284e7);

    /// <summary>¹⁵N: γ = −2.71261804 × 10⁷ rad s⁻¹ T⁻¹ (IUPAC 2001, Harris et al., Table 1).</summary>
    public static readonly Isotope N15 = new("15N", 1, -2.71261804e7);

    /// <summary>¹⁹F: γ = 25.18148 × 10⁷ rad s⁻¹ T⁻¹ (IUPAC 2001, Harris et al., Table 1).</summary>
    public static readonly Isotope F19 = new("19F", 1, 25.18148e7);

    /// <summary>²⁹Si: γ = −5.3190 × 10⁷ rad s⁻¹ T⁻¹ (IUPAC 2001, Harris et al., Table 1).</summary>
    public static readonly Isotope Si29 = new("29Si", 1, -5.3190e7);

    /// <summary>³¹P: γ = 10.8394 × 10⁷ rad s⁻¹ T⁻¹ (IUPAC 2001, Harris et al., Table 1).</summary>
    public static readonly Isotope P31 = new("31P", 1, 10.8394e7);

    private static readonly Isotope[] Table = [H1, H2, C13, N15, F19, Si29, P31];

    /// <summary>Every isotope in the table.</summary>
    public static IReadOnlyList<Isotope> All => Table;

    /// <summary>True for spin-½ nuclei (the only ones <see cref="SpinOperators"/> builds).</summary>
    public bool IsSpinHalf => TwiceSpin == 1;

    /// <summary>Larmor frequency ν0 = γB0/2π in Hz at <paramref name="fieldTesla"/> (signed).</summary>
    public double LarmorFrequencyHz(double fieldTesla) => Gamma * fieldTesla / (2 * Math.PI);

    /// <summary>Looks an isotope up by its symbol ("1H", "13C", …; case-insensitive).</summary>
    /// <exception cref="ArgumentException">The symbol is not in the table.</exception>
    public static Isotope FromSymbol(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        foreach (Isotope isotope in Table)
        {
            if (string.Equals(isotope.Symbol, symbol.Trim(), StringComparison.OrdinalIgnoreCase)) return isotope;
        }

        throw new ArgumentException(
            Invariant($"Unknown isotope '{symbol}'; known isotopes: {string.Join(", ", Table.Select(i => i.Symbol))}."),
            nameof(symbol));
    }
}
