using System;
using NmrDsl.Runtime.Spin;
using static System.FormattableString;

namespace NmrDsl.Runtime.Mas;

/// <summary>
/// Isotropic-projection relations of multiple-quantum MAS (MQMAS; Frydman &amp; Harwood, J. Am. Chem. Soc. 117 (1995)
/// 5367; Amoureux &amp; Fernandez, Solid State NMR 10 (1998) 211; Millot &amp; Man, Solid State NMR 21 (2002) 21).
/// </summary>
/// <remarks>
/// <para>Under fast MAS the second-order frequency of the symmetric transition m ↔ −m, in ppm of ν0, is
/// δ_m = 2m δ_iso + q [C0(m) A0 + C4(m) A4(Ω)], with C0(m) = 2m [I(I + 1) − 3m²] and
/// C4(m) = 2m [18 I(I + 1) − 34 m² − 5]; the central transition (m = ½) gives δ_CT = δ_iso + δ_QIS + anisotropic part,
/// δ_QIS = q C0(½) A0 (<see cref="SecondOrderQuadrupolar.IsotropicShiftPpm"/>).</para>
/// <para>Shearing removes the rank-4 part: δ_m − R δ_CT with R = C4(m)/C4(½) (the MQMAS ratio: −7/9 for I = 3/2,
/// 19/12 for I = 5/2 with 3Q) leaves (2m − R) δ_iso + (C0(m)/C0(½) − R) δ_QIS. Scaling the F1 axis by 1/(2m − R), so
/// that a pure chemical shift reads the same on both axes, gives δ_F1 = δ_iso + F δ_QIS with
/// F = (C0(m)/C0(½) − R)/(2m − R), which is −10/17 for every spin and every m (3Q and 5Q alike). With the F2 centre of
/// gravity δ_F2 = δ_iso + δ_QIS this yields δ_iso = (17 δ_F1 + 10 δ_F2)/27 and δ_QIS = −(17/27)(δ_F1 − δ_F2).</para>
/// </remarks>
public static class MqmasProjection
{
    /// <summary>C0(m) = 2m [I(I + 1) − 3m²].</summary>
    public static double C0(double spin, double m) => 2 * m * (spin * (spin + 1) - 3 * m * m);

    /// <summary>C4(m) = 2m [18 I(I + 1) − 34 m² − 5].</summary>
    public static double C4(double spin, double m) => 2 * m * (18 * spin * (spin + 1) - 34 * m * m - 5);

    /// <summary>The MQMAS ratio R = C4(m)/C4(½) of the (2m)-quantum transition of <paramref name="isotope"/>.</summary>
    public static double Ratio(Isotope isotope, int coherenceOrder)
    {
        double spin = SecondOrderQuadrupolar.SpinOf(isotope);
        double m = HalfOrder(spin, coherenceOrder);
        return C4(spin, m) / C4(spin, 0.5);
    }

    /// <summary>F in δ_F1 = δ_iso + F δ_QIS (sheared, F1 scaled by 1/(2m − R)); −10/17 for all spins.</summary>
    public static double QisFactor(Isotope isotope, int coherenceOrder)
    {
        double spin = SecondOrderQuadrupolar.SpinOf(isotope);
        double m = HalfOrder(spin, coherenceOrder);
        double r = C4(spin, m) / C4(spin, 0.5);
        return (C0(spin, m) / C0(spin, 0.5) - r) / (2 * m - r);
    }

    /// <summary>Position δ_F1 (ppm) of a site in the isotropic dimension of a sheared, scaled MQMAS spectrum.</summary>
    public static double IsotropicDimensionPpm(Isotope isotope, double fieldTesla, int coherenceOrder, QuadrupolarSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        double qis = SecondOrderQuadrupolar.IsotropicShiftPpm(isotope, fieldTesla, site.CqMHz, site.Eta);
        return site.IsotropicShiftPpm + QisFactor(isotope, coherenceOrder) * qis;
    }

    /// <summary>δ_iso = (17 δ_F1 + 10 δ_F2)/27 from the F1 position and the F2 (MAS) centre of gravity (ppm).</summary>
    public static double IsotropicShiftPpm(double f1Ppm, double f2CentreOfGravityPpm) => (17 * f1Ppm + 10 * f2CentreOfGravityPpm) / 27;

    /// <summary>
    /// The quadrupolar product P_Q = C_Q √(1 + η²/3) (MHz) from δ_QIS = −(17/27)(δ_F1 − δ_F2), inverting
    /// <see cref="SecondOrderQuadrupolar.IsotropicShiftPpm"/>.
    /// </summary>
    public static double QuadrupolarProductMHz(Isotope isotope, double fieldTesla, double f1Ppm, double f2CentreOfGravityPpm)
    {
        double qis = -17.0 / 27 * (f1Ppm - f2CentreOfGravityPpm);
        double unit = -SecondOrderQuadrupolar.IsotropicShiftPpm(isotope, fieldTesla, 1, 0); // |δ_QIS| for P_Q = 1 MHz
        return Math.Sqrt(Math.Max(0, -qis / unit));
    }

    private static double HalfOrder(double spin, int coherenceOrder)
    {
        double m = Math.Abs(coherenceOrder) / 2.0;
        if (Math.Abs(coherenceOrder) % 2 == 0 || m > spin || m < 1.5)
        {
            throw new ArgumentOutOfRangeException(nameof(coherenceOrder), Invariant($"Coherence order {coherenceOrder} is not a multiple-quantum symmetric transition of I = {spin} (use 3, 5, … ≤ 2I)."));
        }

        return m;
    }
}
