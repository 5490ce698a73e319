using System;
using System.Linq;
using NmrDsl.Generators.Units;

namespace NmrDsl.Generators.Tests.Units;

public class UnitCatalogTests
{
    /// <summary>Every symbol the design requires: symbol, exact SI factor, SI dimension string.</summary>
    public static TheoryData<string, double, string> RequiredUnits => new()
    {
        { "m", 1.0, "m" }, { "km", 1e3, "m" }, { "cm", 1e-2, "m" }, { "mm", 1e-3, "m" },
        { "um", 1e-6, "m" }, { "\u00B5m", 1e-6, "m" }, { "\u03BCm", 1e-6, "m" }, { "nm", 1e-9, "m" },
        { "pm", 1e-12, "m" }, { "A", 1e-10, "m" }, { "\u00C5", 1e-10, "m" },
        { "s", 1.0, "s" }, { "ms", 1e-3, "s" }, { "us", 1e-6, "s" }, { "\u00B5s", 1e-6, "s" },
        { "ns", 1e-9, "s" }, { "ps", 1e-12, "s" }, { "min", 60.0, "s" }, { "h", 3600.0, "s" },
        { "Hz", 1.0, "s^-1" }, { "kHz", 1e3, "s^-1" }, { "MHz", 1e6, "s^-1" }, { "GHz", 1e9, "s^-1" },
        { "ppm", 1e-6, "" }, { "ppb", 1e-9, "" },
        { "T", 1.0, "kg s^-2 A^-1" }, { "mT", 1e-3, "kg s^-2 A^-1" }, { "uT", 1e-6, "kg s^-2 A^-1" },
        { "\u00B5T", 1e-6, "kg s^-2 A^-1" }, { "nT", 1e-9, "kg s^-2 A^-1" }, { "G", 1e-4, "kg s^-2 A^-1" },
        { "mol", 1.0, "mol" }, { "mmol", 1e-3, "mol" }, { "umol", 1e-6, "mol" }, { "nmol", 1e-9, "mol" },
        { "L", 1e-3, "m^3" }, { "mL", 1e-6, "m^3" }, { "uL", 1e-9, "m^3" },
        { "M", 1e3, "m^-3 mol" }, { "mM", 1.0, "m^-3 mol" }, { "uM", 1e-3, "m^-3 mol" }, { "nM", 1e-6, "m^-3 mol" },
        { "deg", Math.PI / 180.0, "" }, { "rad", 1.0, "" }, { "mrad", 1e-3, "" },
        { "K", 1.0, "K" }, { "kg", 1.0, "kg" }, { "g", 1e-3, "kg" }, { "mg", 1e-6, "kg" },
        { "J", 1.0, "kg m^2 s^-2" }, { "eV", 1.602176634e-19, "kg m^2 s^-2" }, { "W", 1.0, "kg m^2 s^-3" },
        { "N", 1.0, "kg m s^-2" }, { "Pa", 1.0, "kg m^-1 s^-2" }, { "kPa", 1e3, "kg m^-1 s^-2" },
        { "bar", 1e5, "kg m^-1 s^-2" },
    };

    [Theory]
    [MemberData(nameof(RequiredUnits))]
    public void Required_symbol_resolves_with_exact_factor_and_dimension(string symbol, double factor, string dimension)
    {
        Assert.True(UnitCatalog.TryResolve(symbol, out var d), "missing unit " + symbol);
        Assert.True(UnitCatalog.IsUnitSymbol(symbol));
        Assert.Equal(symbol, d.Symbol);
        Assert.Equal(factor, d.Factor);
        Assert.Equal(dimension, d.Dimension.ToSiUnitString());
        Assert.Equal(new Unit(factor, d.Dimension), d.ToUnit());
        Assert.False(string.IsNullOrWhiteSpace(d.Name));
    }

    [Theory]
    [InlineData("A", "\u00E5ngstr\u00F6m")]
    [InlineData("M", "molar")]
    [InlineData("G", "gauss")]
    [InlineData("uM", "micromolar")]
    [InlineData("kg", "kilogram")]
    [InlineData("MHz", "megahertz")]
    public void Names_follow_prefix_plus_base(string symbol, string name)
    {
        Assert.True(UnitCatalog.TryResolve(symbol, out var d));
        Assert.Equal(name, d.Name);
    }

    [Theory]
    [InlineData("mm", 1e-3, "m")]
    [InlineData("Mm", 0, "")]
    [InlineData("mM", 1.0, "m^-3 mol")]
    [InlineData("ms", 1e-3, "s")]
    [InlineData("Ms", 0, "")]
    [InlineData("hz", 0, "")]
    [InlineData("HZ", 0, "")]
    [InlineData("t", 0, "")]
    [InlineData("a", 0, "")]
    public void Lookup_is_case_sensitive(string symbol, double factor, string dimension)
    {
        bool found = UnitCatalog.TryResolve(symbol, out var d);
        Assert.Equal(factor != 0, found);
        Assert.Equal(found, UnitCatalog.IsUnitSymbol(symbol));
        if (found)
        {
            Assert.Equal(factor, d.Factor);
            Assert.Equal(dimension, d.Dimension.ToSiUnitString());
        }
        else
        {
            Assert.Null(d);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(" nm")]
    [InlineData("nm ")]
    [InlineData("x")]
    [InlineData("kkg")]
    [InlineData("uA")]
    [InlineData("m^2")]
    public void Non_units_do_not_resolve(string symbol)
    {
        Assert.False(UnitCatalog.TryResolve(symbol, out _));
        Assert.False(UnitCatalog.IsUnitSymbol(symbol));
    }

    [Fact]
    public void Null_is_not_a_unit()
    {
        Assert.False(UnitCatalog.TryResolve(null!, out _));
        Assert.False(UnitCatalog.IsUnitSymbol(null!));
    }

    [Fact]
    public void Catalog_has_no_duplicate_symbols()
    {
        var duplicates = UnitCatalog.All.GroupBy(d => d.Symbol, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Catalog_is_sorted_ordinal_and_every_entry_resolves_to_itself()
    {
        var symbols = UnitCatalog.All.Select(d => d.Symbol).ToArray();
        Assert.Equal(symbols.OrderBy(s => s, StringComparer.Ordinal).ToArray(), symbols);
        foreach (var d in UnitCatalog.All)
        {
            Assert.True(UnitCatalog.TryResolve(d.Symbol, out var resolved));
            Assert.Same(d, resolved);
            Assert.True(d.Factor > 0 && !double.IsInfinity(d.Factor), d.Symbol);
        }
        Assert.True(UnitCatalog.All.Count >= RequiredUnits.Count);
    }

    [Fact]
    public void All_micro_spellings_agree()
    {
        foreach (string b in new[] { "m", "s", "T", "mol", "L", "M", "g" })
        {
            Assert.True(UnitCatalog.TryResolve("u" + b, out var ascii), "u" + b);
            Assert.True(UnitCatalog.TryResolve("\u00B5" + b, out var micro), "\u00B5" + b);
            Assert.True(UnitCatalog.TryResolve("\u03BC" + b, out var mu), "\u03BC" + b);
            Assert.Equal(ascii.ToUnit(), micro.ToUnit());
            Assert.Equal(ascii.ToUnit(), mu.ToUnit());
        }
    }

    [Fact]
    public void Prefixed_units_are_the_base_unit_times_the_prefix()
    {
        int checkedCount = 0;
        foreach (var d in UnitCatalog.All)
        {
            foreach (var p in SiPrefix.All.Where(p => d.Symbol.StartsWith(p.Symbol, StringComparison.Ordinal)))
            {
                if (!UnitCatalog.TryResolve(d.Symbol.Substring(p.Symbol.Length), out var b) || d.Name != p.Name + b.Name) continue;
                double expected = b.Factor * Math.Pow(10, p.PowerOfTen);
                Assert.True(Math.Abs(d.Factor - expected) <= 1e-15 * expected, d.Symbol);
                Assert.Equal(b.Dimension, d.Dimension);
                checkedCount++;
            }
        }
        Assert.True(checkedCount >= 60, "only " + checkedCount + " prefixed units found");
        Assert.True(UnitCatalog.TryResolve("meV", out var meV));
        Assert.Equal(1.602176634e-22, meV.Factor);
    }
}
