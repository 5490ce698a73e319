using System;
using System.Globalization;
using System.Text;

namespace NmrDsl.Generators.Units;

/// <summary>
/// A physical dimension as integer exponents of the seven SI base dimensions
/// (BIPM, <i>The International System of Units</i>, 9th edition, 2019, section 2.3.3):
/// length (m), mass (kg), time (s), electric current (A), thermodynamic temperature (K),
/// amount of substance (mol) and luminous intensity (cd).
/// </summary>
/// <remarks>
/// Plane angle is deliberately <b>not</b> a base dimension here, as in the SI itself (rad = m/m),
/// so <c>rad</c> and <c>deg</c> are dimensionless. Exponents are integers: a fractional power of
/// a dimension (for example the square root of a length) is rejected by <see cref="TryRoot"/>,
/// which is how the binder reports <c>sqrt(1 m)</c> as a dimension error.
/// </remarks>
public readonly struct Dimension : IEquatable<Dimension>
{
    /// <summary>Creates a dimension from its base exponents (all default to zero).</summary>
    public Dimension(int length = 0, int mass = 0, int time = 0, int current = 0, int temperature = 0, int amount = 0, int luminous = 0)
    {
        LengthExponent = length;
        MassExponent = mass;
        TimeExponent = time;
        CurrentExponent = current;
        TemperatureExponent = temperature;
        AmountExponent = amount;
        LuminousExponent = luminous;
    }

    /// <summary>The dimension of a pure number (all exponents zero).</summary>
    public static Dimension None => default;

    /// <summary>Length, L (SI unit metre, m).</summary>
    public static Dimension Length => new(length: 1);

    /// <summary>Mass, M (SI unit kilogram, kg).</summary>
    public static Dimension Mass => new(mass: 1);

    /// <summary>Time, T (SI unit second, s).</summary>
    public static Dimension Time => new(time: 1);

    /// <summary>Electric current, I (SI unit ampere; printed "A" in <see cref="ToSiUnitString"/>).</summary>
    public static Dimension Current => new(current: 1);

    /// <summary>Thermodynamic temperature, Θ (SI unit kelvin, K).</summary>
    public static Dimension Temperature => new(temperature: 1);

    /// <summary>Amount of substance, N (SI unit mole, mol).</summary>
    public static Dimension Amount => new(amount: 1);

    /// <summary>Luminous intensity, J (SI unit candela, cd).</summary>
    public static Dimension Luminous => new(luminous: 1);

    /// <summary>Exponent of length (m).</summary>
    public int LengthExponent { get; }

    /// <summary>Exponent of mass (kg).</summary>
    public int MassExponent { get; }

    /// <summary>Exponent of time (s).</summary>
    public int TimeExponent { get; }

    /// <summary>Exponent of electric current (A, ampere).</summary>
    public int CurrentExponent { get; }

    /// <summary>Exponent of thermodynamic temperature (K).</summary>
    public int TemperatureExponent { get; }

    /// <summary>Exponent of amount of substance (mol).</summary>
    public int AmountExponent { get; }

    /// <summary>Exponent of luminous intensity (cd).</summary>
    public int LuminousExponent { get; }

    /// <summary>True when every exponent is zero (a ratio such as ppm, rad or m/m).</summary>
    public bool IsDimensionless => this == None;

    /// <summary>Product of dimensions: exponents add.</summary>
    public static Dimension operator *(Dimension a, Dimension b) => a.Combine(b, static (x, y) => checked(x + y));

    /// <summary>Quotient of dimensions: exponents subtract.</summary>
    public static Dimension operator /(Dimension a, Dimension b) => a.Combine(b, static (x, y) => checked(x - y));

    public static bool operator ==(Dimension a, Dimension b) => a.Equals(b);

    public static bool operator !=(Dimension a, Dimension b) => !a.Equals(b);

    /// <summary>Integer power: every exponent is multiplied by <paramref name="n"/>.</summary>
    public Dimension Pow(int n) => Combine(this, (x, _) => checked(x * n));

    /// <summary>
    /// The <paramref name="n"/>-th root, defined only when every exponent is divisible by
    /// <paramref name="n"/> (for example sqrt(m^2 s^-2) = m s^-1, but sqrt(m) has no dimension).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is zero.</exception>
    public bool TryRoot(int n, out Dimension root)
    {
        if (n == 0) throw new ArgumentOutOfRangeException(nameof(n), "The zeroth root is undefined.");
        root = default;
        int[] e = Exponents();
        foreach (int x in e)
        {
            if (x % n != 0) return false;
        }
        root = new Dimension(e[0] / n, e[1] / n, e[2] / n, e[3] / n, e[4] / n, e[5] / n, e[6] / n);
        return true;
    }

    /// <summary>
    /// The dimension written as a product of SI base units in the fixed order
    /// <c>kg m s A K mol cd</c>, with <c>^</c> for exponents other than 1 and single spaces between
    /// factors: <c>m^2 s^-1</c>, <c>kg s^-2 A^-1</c> (tesla). Empty for a dimensionless quantity.
    /// </summary>
    /// <remarks>Here "A" is the SI ampere, not the NmrDsl ångström literal suffix.</remarks>
    public string ToSiUnitString()
    {
        var sb = new StringBuilder();
        Append(sb, "kg", MassExponent);
        Append(sb, "m", LengthExponent);
        Append(sb, "s", TimeExponent);
        Append(sb, "A", CurrentExponent);
        Append(sb, "K", TemperatureExponent);
        Append(sb, "mol", AmountExponent);
        Append(sb, "cd", LuminousExponent);
        return sb.ToString();
    }

    /// <summary>Same as <see cref="ToSiUnitString"/>, but "1" for a dimensionless quantity.</summary>
    public override string ToString() => IsDimensionless ? "1" : ToSiUnitString();

    public bool Equals(Dimension other) =>
        LengthExponent == other.LengthExponent && MassExponent == other.MassExponent
        && TimeExponent == other.TimeExponent && CurrentExponent == other.CurrentExponent
        && TemperatureExponent == other.TemperatureExponent && AmountExponent == other.AmountExponent
        && LuminousExponent == other.LuminousExponent;

    public override bool Equals(object? obj) => obj is Dimension other && Equals(other);

    public override int GetHashCode()
    {
        unchecked
        {
            int hash = 17;
            foreach (int x in Exponents()) hash = (hash * 31) + x;
            return hash;
        }
    }

    private int[] Exponents() =>
        new[] { LengthExponent, MassExponent, TimeExponent, CurrentExponent, TemperatureExponent, AmountExponent, LuminousExponent };

    private Dimension Combine(Dimension other, Func<int, int, int> op)
    {
        int[] a = Exponents();
        int[] b = other.Exponents();
        return new Dimension(op(a[0], b[0]), op(a[1], b[1]), op(a[2], b[2]), op(a[3], b[3]), op(a[4], b[4]), op(a[5], b[5]), op(a[6], b[6]));
    }

    private static void Append(StringBuilder sb, string symbol, int exponent)
    {
        if (exponent == 0) return;
        if (sb.Length > 0) sb.Append(' ');
        sb.Append(symbol);
        if (exponent != 1) sb.Append('^').Append(exponent.ToString(CultureInfo.InvariantCulture));
    }
}
