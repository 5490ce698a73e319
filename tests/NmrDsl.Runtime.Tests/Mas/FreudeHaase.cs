using System;

namespace NmrDsl.Runtime.Tests.Mas;

/// <summary>
/// The closed-form MAS central-transition shift of Freude &amp; Haase (NMR Basic Principles and Progress 29 (1993) 1;
/// Freude, "Quadrupolar nuclei in solid-state NMR", Encyclopedia of Analytical Chemistry (2000)):
/// ν_MAS = −(ν_Q² / 6ν0) [I(I + 1) − ¾] (A x⁴ + B x² + C), x = cos θ, θ and φ the polar angles of the rotor axis in the
/// EFG frame, ν_Q = 3C_Q / (2I(2I − 1)), with
/// A = 21/16 − (7/8) η cos2φ + (7/48) η² cos²2φ,
/// B = −9/8 + η²/12 + η cos2φ − (7/24) η² cos²2φ,
/// C = 5/16 − (1/8) η cos2φ + (7/48) η² cos²2φ.
/// Checks of the transcription: for η = 0 it is the Legendre expansion of the static −(1 − x²)(9x² − 1)/16 with P2 → 0
/// and P4 → P4(cos θ_m) = −7/18; its sphere average (⟨x²⟩ = 1/3, ⟨x⁴⟩ = 1/5, ⟨cos²2φ⟩ = ½) is (1 + η²/3)/5, the
/// isotropic shift −(3/40)(C_Q/ν0)²…; its full width (F_max − F_min)/6 = (6 + η)²/504 (the published MAS CT width).
/// In the runtime's units Q = (3/2) F (ν⁽²⁾ = −a² S Q / ν0 with a = ν_Q / 3).
/// </summary>
internal static class FreudeHaase
{
    public static double F(double x, double phi, double eta)
    {
        double k = Math.Cos(2 * phi);
        double a = 21.0 / 16 - 7.0 / 8 * eta * k + 7.0 / 48 * eta * eta * k * k;
        double b = -9.0 / 8 + eta * eta / 12 + eta * k - 7.0 / 24 * eta * eta * k * k;
        double c = 5.0 / 16 - eta * k / 8 + 7.0 / 48 * eta * eta * k * k;
        return (a * x * x + b) * x * x + c;
    }

    // η = 0: F(x) = 21/16 x⁴ − 9/8 x² + 5/16. F'(x) = 0 at x = 0 (F = 5/16, a divergent "horn": one-sided quadratic
    // extremum) and x² = 3/7 (F = 1/14, the minimum: the divergent high-ppm edge); F(1) = 1/2 (the low-ppm step edge).
    public const double Eta0Min = 1.0 / 14, Eta0Horn = 5.0 / 16, Eta0Max = 0.5;

    // η = 1, k = cos2φ: along k = −1, F = 7/3 x⁴ − 7/3 x² + 7/12 has its minimum 0 at x² = ½ and 7/12 at x = 0 and 1;
    // along k = +1, F = 7/12 x⁴ − x²/3 + 1/3 has a minimum 2/7 at x² = 2/7, 1/3 at x = 0 and 7/12 at x = 1; at x = 1,
    // F = A + B + C = 7/12 for every φ. Range [0, 7/12]: width 7/72 = (6 + 1)²/504 ✓.
    public const double Eta1Min = 0, Eta1Max = 7.0 / 12, Eta1SaddleLow = 2.0 / 7, Eta1SaddleHigh = 1.0 / 3;
}
