using System.Collections.Generic;

namespace NmrDsl.Generators.Units;

/// <summary>
/// An SI decimal prefix (BIPM SI Brochure, 9th edition, table 7): the symbol written before a
/// unit symbol, its English name, and the power of ten it stands for.
/// </summary>
/// <remarks>
/// Micro has three spellings that all mean 10^-6: ASCII <c>u</c> (what people type),
/// U+00B5 MICRO SIGN <c>µ</c> (what keyboards and most fonts produce) and U+03BC GREEK SMALL
/// LETTER MU <c>μ</c> (what the SI Brochure prints and Unicode normalisation yields).
/// </remarks>
internal sealed record SiPrefix(string Symbol, string Name, int PowerOfTen)
{
    /// <summary>The prefixes NmrDsl understands, keyed by symbol (case-sensitive: M is mega, m is milli).</summary>
    public static IReadOnlyList<SiPrefix> All { get; } = new[]
    {
        new SiPrefix("G", "giga", 9),
        new SiPrefix("M", "mega", 6),
        new SiPrefix("k", "kilo", 3),
        new SiPrefix("c", "centi", -2),
        new SiPrefix("m", "milli", -3),
        new SiPrefix("u", "micro", -6),
        new SiPrefix("\u00B5", "micro", -6),
        new SiPrefix("\u03BC", "micro", -6),
        new SiPrefix("n", "nano", -9),
        new SiPrefix("p", "pico", -12),
        new SiPrefix("f", "femto", -15),
    };
}
