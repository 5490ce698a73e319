using NmrDsl.Generators.Units;

namespace NmrDsl.Generators.Tests.Units;

public class DimensionTests
{
    private static readonly Dimension Tesla = new(mass: 1, time: -2, current: -1);

    [Fact]
    public void Base_dimensions_have_a_single_unit_exponent()
    {
        Assert.Equal(new Dimension(1, 0, 0, 0, 0, 0, 0), Dimension.Length);
        Assert.Equal(new Dimension(0, 1, 0, 0, 0, 0, 0), Dimension.Mass);
        Assert.Equal(new Dimension(0, 0, 1, 0, 0, 0, 0), Dimension.Time);
        Assert.Equal(new Dimension(0, 0, 0, 1, 0, 0, 0), Dimension.Current);
        Assert.Equal(new Dimension(0, 0, 0, 0, 1, 0, 0), Dimension.Temperature);
        Assert.Equal(new Dimension(0, 0, 0, 0, 0, 1, 0), Dimension.Amount);
        Assert.Equal(new Dimension(0, 0, 0, 0, 0, 0, 1), Dimension.Luminous);
        Assert.Equal(default, Dimension.None);
        Assert.True(Dimension.None.IsDimensionless);
        Assert.False(Dimension.Length.IsDimensionless);
    }

    [Fact]
    public void Product_and_quotient_add_and_subtract_exponents()
    {
        var diffusivity = Dimension.Length.Pow(2) / Dimension.Time;
        Assert.Equal(2, diffusivity.LengthExponent);
        Assert.Equal(-1, diffusivity.TimeExponent);
        Assert.Equal(Dimension.Length, diffusivity * Dimension.Time / Dimension.Length);
        Assert.True((Dimension.Mass / Dimension.Mass).IsDimensionless);
        Assert.True(Dimension.Length * Dimension.Time != Dimension.Length / Dimension.Time);
        Assert.False(Dimension.Length == Dimension.Time);
        Assert.Equal(Tesla, Dimension.Mass / (Dimension.Time * Dimension.Time) / Dimension.Current);
    }

    [Fact]
    public void Pow_multiplies_every_exponent()
    {
        Assert.Equal(new Dimension(mass: 2, time: -4, current: -2), Tesla.Pow(2));
        Assert.Equal(new Dimension(mass: -1, time: 2, current: 1), Tesla.Pow(-1));
        Assert.Equal(Dimension.None, Tesla.Pow(0));
    }

    [Fact]
    public void TryRoot_succeeds_only_when_every_exponent_is_divisible()
    {
        Assert.True((Dimension.Length.Pow(2) / Dimension.Time.Pow(2)).TryRoot(2, out var speed));
        Assert.Equal(Dimension.Length / Dimension.Time, speed);
        Assert.True(Dimension.Length.Pow(3).TryRoot(3, out var length));
        Assert.Equal(Dimension.Length, length);
        Assert.True(Dimension.None.TryRoot(2, out var none));
        Assert.True(none.IsDimensionless);
        Assert.False(Dimension.Length.TryRoot(2, out _));
        Assert.False((Dimension.Length.Pow(2) / Dimension.Time).TryRoot(2, out _));
        Assert.False(Tesla.TryRoot(2, out _));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => Dimension.Length.TryRoot(0, out _));
    }

    [Theory]
    [InlineData(2, 0, -1, 0, 0, 0, 0, "m^2 s^-1")]
    [InlineData(0, 1, -2, -1, 0, 0, 0, "kg s^-2 A^-1")]
    [InlineData(1, 0, 0, 0, 0, 0, 0, "m")]
    [InlineData(0, 0, -1, 0, 0, 0, 0, "s^-1")]
    [InlineData(-3, 0, 0, 0, 0, 1, 0, "m^-3 mol")]
    [InlineData(2, 1, -2, 0, 0, 0, 0, "kg m^2 s^-2")]
    [InlineData(0, 0, 0, 0, 1, -1, 1, "K mol^-1 cd")]
    [InlineData(-1, 1, -2, 0, 0, 0, 0, "kg m^-1 s^-2")]
    public void ToSiUnitString_uses_the_canonical_order(int l, int m, int t, int i, int th, int n, int j, string expected)
    {
        var d = new Dimension(l, m, t, i, th, n, j);
        Assert.Equal(expected, d.ToSiUnitString());
        Assert.Equal(expected, d.ToString());
    }

    [Fact]
    public void Dimensionless_prints_empty_SI_string_and_1()
    {
        Assert.Equal(string.Empty, Dimension.None.ToSiUnitString());
        Assert.Equal("1", Dimension.None.ToString());
    }

    [Fact]
    public void Equality_and_hash_agree()
    {
        var a = Dimension.Length.Pow(2) / Dimension.Time;
        var b = new Dimension(length: 2, time: -1);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.False(a.Equals((object)"m^2 s^-1"));
        Assert.NotEqual(Dimension.Length.GetHashCode(), Dimension.Time.GetHashCode());
    }

    [Fact]
    public void Printing_ignores_the_current_culture()
    {
        var d = new Dimension(length: -12, time: -1);
        string invariant = d.ToSiUnitString();
        using (CultureScope.Finnish())
        {
            Assert.Equal(invariant, d.ToSiUnitString());
            Assert.Equal("m^-12 s^-1", d.ToString());
        }
    }
}
