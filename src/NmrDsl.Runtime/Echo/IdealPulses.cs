namespace NmrDsl.Runtime.Echo;

/// <summary>
/// Ideal (instantaneous) pulses acting on a spin-½ Bloch vector s = Tr(I ρ) (reference:
/// /work/shared/reference/echo-challenge.md §1.3, "Pulse sequence and time grid").
/// </summary>
public static class IdealPulses
{
    /// <summary>
    /// U₉₀ = exp(−i(π/2)Iₓ): rotation by +π/2 about x, (sₓ, s_y, s_z) → (sₓ, −s_z, s_y). From |↑⟩, s = (0, 0, ½) →
    /// (0, −½, 0), M(0⁺) = −i/2.
    /// </summary>
    public static (double X, double Y, double Z) NinetyX(double x, double y, double z) => (x, -z, y);

    /// <summary>U₁₈₀ = exp(−iπI_y): rotation by π about y, (sₓ, s_y, s_z) → (−sₓ, s_y, −s_z); M → −M̄.</summary>
    public static (double X, double Y, double Z) OneEightyY(double x, double y, double z) => (-x, y, -z);
}
