using System;
using System.Globalization;

namespace NmrDsl.Generators.Units;

/// <summary>
/// A multiplicative physical unit: a quantity of <c>value</c> in this unit is
/// <c>value × Factor</c> in coherent SI units of <see cref="Dimension"/>
/// (for example nm is <c>Unit(1e-9, Length)</c>).
/// </summary>
/// <remarks>
/// Only purely multiplicative (linear, zero-preserving) units are representable. Affine units
/// such as °C or °F, whose zero is offset from the SI zero, are deliberately not supported:
/// products and powers of affine units are ill-defined, so temperatures are written in K.
/// Equality is exact on <see cref="Factor"/>; factors are built from exact decimal powers of
/// ten (see <see cref="UnitCatalog"/>), so e.g. <c>nm^2/s</c> equals <c>Unit(1e-18, m^2 s^-1)</c>;
/// a reciprocal may still differ from the decimal value by one ulp (1/1e-9 is 999999999.9999999),
/// so compare converted values with a relative tolerance, and dimensions exactly.
/// </remarks>
public sealed record Unit(double Factor, Dimension Dimension)
{
    /// <summary>The dimensionless unit 1.</summary>
    public static Unit One { get; } = new(1.0, Dimension.None);

    /// <summary>Product unit, e.g. mol × L^-1.</summary>
    public static Unit operator *(Unit a, Unit b) => new(a.Factor * b.Factor, a.Dimension * b.Dimension);

    /// <summary>Quotient unit, e.g. nm^2 / s.</summary>
    public static Unit operator /(Unit a, Unit b) => new(a.Factor / b.Factor, a.Dimension / b.Dimension);

    /// <summary>
    /// Integer power. The factor is formed by repeated multiplication (then one reciprocal for a
    /// negative <paramref name="n"/>) rather than Math.Pow, so small powers of decimal factors
    /// round the same way as the equivalent product written out by hand.
    /// </summary>
    public Unit Pow(int n)
    {
        double f = 1.0;
        int count = n < 0 ? -n : n;
        for (int i = 0; i < count; i++) f *= Factor;
        return new Unit(n < 0 ? 1.0 / f : f, Dimension.Pow(n));
    }

    /// <summary>Invariant text such as <c>1E-18 m^2 s^-1</c>; culture-independent.</summary>
    public override string ToString()
    {
        string factor = Factor.ToString("R", CultureInfo.InvariantCulture);
        return Dimension.IsDimensionless ? factor : factor + " " + Dimension.ToSiUnitString();
    }
}
