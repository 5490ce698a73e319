using System;
using static System.FormattableString;

namespace NmrDsl.Runtime.Mas;

/// <summary>
/// One site of a half-integer quadrupolar nucleus: isotropic chemical shift δ_iso (ppm), quadrupolar coupling constant
/// C_Q = e²qQ/h (MHz, signed; only C_Q² matters for the CT), EFG asymmetry η = (V_xx − V_yy)/V_zz in [0, 1], and a
/// population weight (the spectrum's area from this site). For a spin-½ site use <see cref="ChemicalShiftSite"/>.
/// </summary>
public sealed record QuadrupolarSite
{
    /// <summary>Creates a site; validates η ∈ [0, 1], finite values and weight ≥ 0.</summary>
    public QuadrupolarSite(double isotropicShiftPpm, double cqMHz, double eta, double weight = 1)
    {
        if (!double.IsFinite(isotropicShiftPpm) || !double.IsFinite(cqMHz))
        {
            throw new ArgumentException("δ_iso and C_Q must be finite.");
        }

        if (!(eta >= 0 && eta <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(eta), Invariant($"η = {eta} must lie in [0, 1]."));
        }

        if (!(weight >= 0) || !double.IsFinite(weight))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), Invariant($"weight = {weight} must be finite and ≥ 0."));
        }

        IsotropicShiftPpm = isotropicShiftPpm;
        CqMHz = cqMHz;
        Eta = eta;
        Weight = weight;
    }

    /// <summary>δ_iso (ppm).</summary>
    public double IsotropicShiftPpm { get; }

    /// <summary>C_Q (MHz).</summary>
    public double CqMHz { get; }

    /// <summary>η (1).</summary>
    public double Eta { get; }

    /// <summary>Population weight (1).</summary>
    public double Weight { get; }
}

/// <summary>
/// A spin-½ site with chemical-shift anisotropy (Haeberlen convention: δ_aniso = δ_zz − δ_iso, η_CSA = (δ_yy − δ_xx)/δ_aniso,
/// ppm). Under magic-angle spinning much faster than |δ_aniso ν0| the sidebands vanish and only the isotropic line at
/// δ_iso remains (Maricq &amp; Waugh, J. Chem. Phys. 70 (1979) 3300), which is what <see cref="MasSpectrumSimulator"/> draws.
/// </summary>
/// <param name="IsotropicShiftPpm">δ_iso (ppm).</param>
/// <param name="AnisotropyPpm">δ_aniso (ppm); recorded, no effect in the fast-spinning limit.</param>
/// <param name="AsymmetryEta">η_CSA (1); recorded, no effect in the fast-spinning limit.</param>
/// <param name="Weight">population weight (1).</param>
public sealed record ChemicalShiftSite(double IsotropicShiftPpm, double AnisotropyPpm = 0, double AsymmetryEta = 0, double Weight = 1);
