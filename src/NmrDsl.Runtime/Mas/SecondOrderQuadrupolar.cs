using System;
using NmrDsl.Runtime.Spin;
using static System.FormattableString;

namespace NmrDsl.Runtime.Mas;

/// <summary>
/// Scales of the second-order quadrupolar central-transition shift of a half-integer spin I at field B0. With
/// a = C_Q / (2I(2I − 1)), S = I(I + 1) − ¾ and ν0 = |γ| B0 / 2π, the CT shift of one orientation is
/// δ⁽²⁾ = −10⁶ a² S Q / ν0² ppm, Q the dimensionless orientation factor of <see cref="MasPowderPattern"/> (always a
/// shift to lower ppm, whatever the sign of γ: ppm divides by ν0 once more).
/// </summary>
public static class SecondOrderQuadrupolar
{
    /// <summary>The ppm scale 10⁶ a² S / ν0² that multiplies Q, for C_Q in MHz and B0 in T.</summary>
    public static double ScalePpm(Isotope isotope, double fieldTesla, double cqMHz)
    {
        double spin = SpinOf(isotope);
        double nu0 = Math.Abs(isotope.LarmorFrequencyHz(fieldTesla));
        if (!(nu0 > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(fieldTesla), Invariant($"B0 = {fieldTesla} T gives no Larmor frequency."));
        }

        double a = cqMHz * 1e6 / (2 * spin * (2 * spin - 1));
        double s = spin * (spin + 1) - 0.75;
        return 1e6 * a * a * s / (nu0 * nu0);
    }

    /// <summary>
    /// The isotropic second-order quadrupolar shift (centre of gravity of the MAS CT line relative to δ_iso), in ppm:
    /// δ_QIS = −(3/40) (C_Q/ν0)² [I(I + 1) − ¾] / [I² (2I − 1)²] (1 + η²/3) × 10⁶
    /// (Freude &amp; Haase, NMR Basic Principles and Progress 29 (1993) 1; Freude, Encyclopedia of Analytical Chemistry
    /// (2000), "Quadrupolar nuclei in solid-state NMR"). Equals −ScalePpm × (1 + η²/3) × 3/10, the powder mean of −ScalePpm·Q.
    /// </summary>
    public static double IsotropicShiftPpm(Isotope isotope, double fieldTesla, double cqMHz, double eta)
    {
        double spin = SpinOf(isotope);
        double nu0 = Math.Abs(isotope.LarmorFrequencyHz(fieldTesla));
        double ratio = cqMHz * 1e6 / nu0;
        double s = spin * (spin + 1) - 0.75;
        return -0.075 * ratio * ratio * s / (spin * spin * (2 * spin - 1) * (2 * spin - 1)) * (1 + eta * eta / 3) * 1e6;
    }

    /// <summary>I of a half-integer quadrupolar isotope (I ≥ 3/2).</summary>
    /// <exception cref="ArgumentException">Spin ½ or integer spin.</exception>
    public static double SpinOf(Isotope isotope)
    {
        ArgumentNullException.ThrowIfNull(isotope);
        if (isotope.TwiceSpin < 3 || isotope.TwiceSpin % 2 == 0)
        {
            throw new ArgumentException(
                Invariant($"{isotope.Symbol} (2I = {isotope.TwiceSpin}) is not a half-integer quadrupolar nucleus (I = 3/2, 5/2, …)."),
                nameof(isotope));
        }

        return isotope.TwiceSpin / 2.0;
    }
}
