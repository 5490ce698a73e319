using NmrDsl.Generators.Units;

namespace NmrDsl.Generators.Tests.Units;

public class UnitAlgebraTests
{
    private static Unit U(string symbol)
    {
        Assert.True(UnitCatalog.TryResolve(symbol, out var d), symbol);
        return d.ToUnit();
    }

    [Fact]
    public void Nanometre_squared_per_second_is_1e_minus_18_m2_per_s()
    {
        Unit diffusivity = U("nm").Pow(2) / U("s");
        Assert.Equal(new Unit(1e-18, Dimension.Length.Pow(2) / Dimension.Time), diffusivity);
        Assert.Equal("m^2 s^-1", diffusivity.Dimension.ToSiUnitString());
    }

    [Fact]
    public void Molar_is_mol_per_litre_is_1000_mol_per_m3()
    {
        var molPerM3 = new Unit(1000.0, Dimension.Amount / Dimension.Length.Pow(3));
        Assert.Equal(molPerM3, U("M"));
        Assert.Equal(molPerM3, U("mol") / U("L"));
        Assert.Equal(U("mM"), U("mmol") / U("L"));
    }

    [Fact]
    public void Tesla_is_kg_per_s2_per_ampere_and_gauss_is_1e_minus_4_tesla()
    {
        Assert.Equal("kg s^-2 A^-1", U("T").Dimension.ToSiUnitString());
        Assert.Equal(1e-4, U("G").Factor);
        Assert.Equal(U("T").Dimension, U("G").Dimension);
        Assert.Equal(U("T").Dimension, (U("kg") / (U("s").Pow(2) * new Unit(1.0, Dimension.Current))).Dimension);
    }

    [Fact]
    public void Frequency_times_time_is_dimensionless()
    {
        Unit product = U("MHz") * U("us");
        Assert.True(product.Dimension.IsDimensionless);
        Assert.Equal(1.0, product.Factor, 15);
    }

    [Fact]
    public void Pow_handles_negative_and_zero_exponents()
    {
        // 1e-9 is not exact in binary, so its reciprocal is one ulp below 1e9: compare to 1 ulp.
        Unit perNs = U("ns").Pow(-1);
        Assert.Equal(Dimension.Time.Pow(-1), perNs.Dimension);
        Assert.Equal(1e9, perNs.Factor, 1e9 * 2.3e-16);
        Assert.Equal(Unit.One, U("km").Pow(0));
        Unit nm3 = U("nm").Pow(3);
        Assert.Equal(Dimension.Length.Pow(3), nm3.Dimension);
        Assert.Equal(1e-27, nm3.Factor, 1e-27 * 4.5e-16);
        Assert.Equal(U("nm") * U("nm") * U("nm"), nm3);
    }

    [Fact]
    public void One_is_the_neutral_element()
    {
        Assert.Equal(U("Hz"), U("Hz") * Unit.One);
        Assert.Equal(U("Hz"), U("Hz") / Unit.One);
        Assert.True(Unit.One.Dimension.IsDimensionless);
        Assert.Equal(1.0, Unit.One.Factor);
    }

    [Fact]
    public void Text_is_culture_invariant()
    {
        Unit u = U("nm").Pow(2) / U("s");
        string expected = "1E-18 m^2 s^-1";
        Assert.Equal(expected, u.ToString());
        Assert.True(UnitCatalog.TryResolve("ppm", out var ppm));
        using (CultureScope.Finnish())
        {
            Assert.Equal(expected, u.ToString());
            Assert.Equal("-2.5 kg", new Unit(-2.5, Dimension.Mass).ToString());
            Assert.Equal("1E-06", ppm.ToUnit().ToString());
            Assert.Equal("ppm (part per million) = 1E-06", ppm.ToString());
            Assert.Equal("A (\u00E5ngstr\u00F6m) = 1E-10 m", UnitCatalog.All[0].ToString());
        }
    }
}
