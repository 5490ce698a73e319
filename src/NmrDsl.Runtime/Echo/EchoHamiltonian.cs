using System.Runtime.CompilerServices;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// The per-spin mean-field Hamiltonian of the challenge generator (reference: /work/shared/reference/echo-challenge.md
/// §1.3, "Hamiltonian for spin i", the "IyMy" form of getOprime), ħ = 1, frequencies in MHz, t dimensionless:
/// <code>
/// H_i(t) = −Δ_i I_z − α O_i(t)
/// O_i(t) = ½[mx_i(1 − cos 2ν₀t) − my_i sin 2ν₀t] Iₓ + ½[my_i(1 + cos 2ν₀t) − mx_i sin 2ν₀t] I_y
/// </code>
/// written as H_i = −b_i·I with the effective field b_i = (α O_ix, α O_iy, Δ_i) [MHz]. The counter-rotating terms
/// oscillate at 2ν₀ = 20 rad per time unit (aliased to ≈ 2.30 rad per dt = 2 step) and are kept exactly; the secular
/// approximation keeps only O_i = ½(mx_i Iₓ + my_i I_y).
/// </summary>
public static class EchoHamiltonian
{
    /// <summary>
    /// b_i [MHz] for offset Δ_i [MHz], mean field m_i = mx + i·my, coupling α [MHz], and c = cos 2ν₀t, s = sin 2ν₀t
    /// (ignored when <paramref name="secular"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double X, double Y, double Z) EffectiveField(double offset, double mx, double my, double alpha, double cos2, double sin2, bool secular)
    {
        if (secular)
        {
            return (alpha * 0.5 * mx, alpha * 0.5 * my, offset);
        }

        double ox = 0.5 * (mx * (1 - cos2) - my * sin2);
        double oy = 0.5 * (my * (1 + cos2) - mx * sin2);
        return (alpha * ox, alpha * oy, offset);
    }
}
