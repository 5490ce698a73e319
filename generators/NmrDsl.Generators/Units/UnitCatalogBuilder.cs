using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NmrDsl.Generators.Units;

/// <summary>
/// Builds the unit catalog from a short table of base units times the SI prefixes each one
/// accepts, so that the ~90 prefixed symbols are derived rather than hand-typed.
/// </summary>
/// <remarks>
/// Decimal factors are written as a mantissa and a power of ten and turned into a double by
/// parsing the exact decimal text (for example "1E-9" for nm, "1.602176634E-22" for meV), so
/// every factor is the double nearest to the exact decimal value, never the product of two
/// rounded doubles (1e-6 × 1e3 is not exactly 1e-3 in binary).
/// </remarks>
internal static class UnitCatalogBuilder
{
    private const string Micro = "u \u00B5 \u03BC";

    private static readonly Dimension Frequency = Dimension.Time.Pow(-1);
    private static readonly Dimension Force = Dimension.Mass * Dimension.Length / Dimension.Time.Pow(2);
    private static readonly Dimension Energy = Force * Dimension.Length;
    private static readonly Dimension PowerDim = Energy / Dimension.Time;
    private static readonly Dimension Pressure = Force / Dimension.Length.Pow(2);
    private static readonly Dimension Volume = Dimension.Length.Pow(3);
    private static readonly Dimension Concentration = Dimension.Amount / Volume;

    /// <summary>Tesla: 1 T = 1 kg s^-2 A^-1 (SI Brochure table 4).</summary>
    private static readonly Dimension MagneticFluxDensity = Dimension.Mass / Dimension.Time.Pow(2) / Dimension.Current;

    /// <summary>Base units with decimal factors: symbol, name, mantissa, power of ten, dimension, allowed prefixes.</summary>
    private static readonly (string Symbol, string Name, string Mantissa, int PowerOfTen, Dimension Dimension, string Prefixes)[] DecimalBases =
    {
        ("m", "metre", "1", 0, Dimension.Length, "k c m " + Micro + " n p f"),
        ("A", "\u00E5ngstr\u00F6m", "1", -10, Dimension.Length, ""),
        ("\u00C5", "\u00E5ngstr\u00F6m", "1", -10, Dimension.Length, ""),
        ("s", "second", "1", 0, Dimension.Time, "m " + Micro + " n p f"),
        ("Hz", "hertz", "1", 0, Frequency, "k M G"),
        ("ppm", "part per million", "1", -6, Dimension.None, ""),
        ("ppb", "part per billion", "1", -9, Dimension.None, ""),
        ("T", "tesla", "1", 0, MagneticFluxDensity, "m " + Micro + " n"),
        ("G", "gauss", "1", -4, MagneticFluxDensity, ""),
        ("mol", "mole", "1", 0, Dimension.Amount, "m " + Micro + " n p"),
        ("L", "litre", "1", -3, Volume, "m " + Micro + " n"),
        ("M", "molar", "1", 3, Concentration, "m " + Micro + " n p"),
        ("rad", "radian", "1", 0, Dimension.None, "m " + Micro),
        ("K", "kelvin", "1", 0, Dimension.Temperature, "m"),
        ("g", "gram", "1", -3, Dimension.Mass, "k m " + Micro + " n"),
        ("J", "joule", "1", 0, Energy, "k m"),
        ("eV", "electronvolt", "1.602176634", -19, Energy, "m k M"),
        ("W", "watt", "1", 0, PowerDim, "k m " + Micro),
        ("N", "newton", "1", 0, Force, ""),
        ("Pa", "pascal", "1", 0, Pressure, "k M"),
        ("bar", "bar", "1", 5, Pressure, "m"),
    };

    /// <summary>Units whose factor is not a power of ten; they take no prefixes.</summary>
    private static readonly UnitDefinition[] NonDecimal =
    {
        new("min", "minute", 60.0, Dimension.Time),
        new("h", "hour", 3600.0, Dimension.Time),
        new("deg", "degree", Math.PI / 180.0, Dimension.None),
    };

    /// <summary>Every definition, sorted by ordinal symbol (duplicates, if any, are kept so tests can see them).</summary>
    public static IReadOnlyList<UnitDefinition> Build()
    {
        var result = new List<UnitDefinition>(NonDecimal);
        foreach (var b in DecimalBases)
        {
            result.Add(new UnitDefinition(b.Symbol, b.Name, DecimalFactor(b.Mantissa, b.PowerOfTen), b.Dimension));
            foreach (string p in b.Prefixes.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                SiPrefix prefix = SiPrefix.All.Single(x => string.Equals(x.Symbol, p, StringComparison.Ordinal));
                result.Add(new UnitDefinition(
                    prefix.Symbol + b.Symbol,
                    prefix.Name + b.Name,
                    DecimalFactor(b.Mantissa, b.PowerOfTen + prefix.PowerOfTen),
                    b.Dimension));
            }
        }
        return result.OrderBy(d => d.Symbol, StringComparer.Ordinal).ThenBy(d => d.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The double nearest to mantissa × 10^powerOfTen, via exact decimal parsing.</summary>
    private static double DecimalFactor(string mantissa, int powerOfTen) =>
        double.Parse(mantissa + "E" + powerOfTen.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
}
