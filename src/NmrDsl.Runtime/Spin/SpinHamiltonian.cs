using System;
using System.Linq;
using System.Numerics;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// The rotating-frame Hamiltonian of a liquid-state spin system, in rad/s (ħ = 1), and the RF
/// control operators of one channel (one isotope).
/// </summary>
/// <remarks>
/// <para>Free (delay) Hamiltonian, each isotope in its own frame rotating at the reference shift:</para>
/// <para>H₀ = Σ_k Ω_k I_kz + Σ_{k&lt;l, same isotope} 2πJ_kl (I_kx I_lx + I_ky I_ly + I_kz I_lz)
///      + Σ_{k&lt;l, different isotopes} 2πJ_kl I_kz I_lz,</para>
/// <para>with Ω_k = 2π ν_k and ν_k = (δ_k − δ_ref)·10⁻⁶·γ_k B0/2π (Hz). This is the sign convention
/// of the reference sheet (/work/shared/reference/spin-dynamics.md §2.4, FID-A's
/// <c>sim_Hamiltonian.m</c>: H = Σ ω_i I_iz + Σ 2πJ_ij I_i·I_j), with the offset taken positive for
/// δ &gt; δ_ref so that, with the detection operator F⁺ (<see cref="Acquisition"/>), a line at +δ ppm
/// appears at +δ on the ppm axis. The full strong-coupling term is kept for like spins; for unlike
/// spins the flip-flop part oscillates at the difference of the Larmor frequencies and averages out
/// (the weak-coupling, secular approximation).</para>
/// <para>RF on the channel with nutation frequency ν1 (Hz) and phase φ adds
/// 2π ν1 (cos φ F_x + sin φ F_y), F = Σ over the channel's spins. A B0 offset Δ (Hz on the channel
/// isotope) adds 2π Δ Σ_k (γ_k/γ_channel) I_kz.</para>
/// </remarks>
public sealed class SpinHamiltonian
{
    /// <summary>Builds H₀ and the controls for <paramref name="system"/>; the channel defaults to the isotope of spin 0.</summary>
    public SpinHamiltonian(SpinSystem system, Isotope? channel = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        System = system;
        Channel = channel ?? system.Spins[0].Isotope;
        ChannelSpins = Enumerable.Range(0, system.Count).Where(k => system.Spins[k].Isotope == Channel).ToArray();
        if (ChannelSpins.Length == 0)
        {
            throw new ArgumentException(Invariant($"Spin system '{system.Name}' has no {Channel.Symbol} spin for the RF channel."), nameof(channel));
        }

        Operators = new SpinOperators(system.Count);
        int n = system.Dimension;
        var h = new ComplexMatrix(n, n);
        var offset = new ComplexMatrix(n, n);
        for (int k = 0; k < system.Count; k++)
        {
            ComplexMatrix iz = Operators.Iz(k);
            h.AddScaled(2 * Math.PI * system.OffsetHz(k), iz);
            offset.AddScaled(2 * Math.PI * system.Spins[k].Isotope.Gamma / Channel.Gamma, iz);
        }

        foreach (ScalarCoupling c in system.Couplings)
        {
            double w = 2 * Math.PI * c.Hz;
            ComplexMatrix zz = Operators.Iz(c.First) * Operators.Iz(c.Second);
            h.AddScaled(w, zz);
            if (system.Spins[c.First].Isotope == system.Spins[c.Second].Isotope)
            {
                h.AddScaled(w, Operators.Ix(c.First) * Operators.Ix(c.Second));
                h.AddScaled(w, Operators.Iy(c.First) * Operators.Iy(c.Second));
            }
        }

        Free = h;
        OffsetPerHz = offset;
        ControlX = (Complex)(2 * Math.PI) * Operators.TotalX(ChannelSpins);
        ControlY = (Complex)(2 * Math.PI) * Operators.TotalY(ChannelSpins);
        Fz = Operators.TotalZ(Enumerable.Range(0, system.Count));
        DetectionOperator = Operators.TotalPlus(ChannelSpins);
        TotalTwiceM = Operators.TwiceM(Enumerable.Range(0, system.Count));
        ChannelTwiceM = Operators.TwiceM(ChannelSpins);
    }

    /// <summary>The spin system.</summary>
    public SpinSystem System { get; }

    /// <summary>The RF channel's isotope.</summary>
    public Isotope Channel { get; }

    /// <summary>Indices of the spins the RF acts on and the receiver sees.</summary>
    public int[] ChannelSpins { get; }

    /// <summary>The operator factory.</summary>
    public SpinOperators Operators { get; }

    /// <summary>H₀ in rad/s.</summary>
    public ComplexMatrix Free { get; }

    /// <summary>∂H/∂Δ for a B0 offset Δ in Hz: 2π Σ_k (γ_k/γ_channel) I_kz (rad/s per Hz).</summary>
    public ComplexMatrix OffsetPerHz { get; }

    /// <summary>∂H/∂u_x for an x RF amplitude u_x in Hz: 2π F_x (rad/s per Hz).</summary>
    public ComplexMatrix ControlX { get; }

    /// <summary>∂H/∂u_y for a y RF amplitude u_y in Hz: 2π F_y (rad/s per Hz).</summary>
    public ComplexMatrix ControlY { get; }

    /// <summary>F_z = Σ_k I_kz over all spins (the high-temperature equilibrium deviation state, up to a factor).</summary>
    public ComplexMatrix Fz { get; }

    /// <summary>
    /// High-temperature equilibrium deviation σ_eq = Σ_k (γ_k/γ_channel) I_kz (the Boltzmann factor
    /// γ_ch ħB0/kT dropped; the J- and shift-dependence of the populations neglected).
    /// </summary>
    public ComplexMatrix Equilibrium => (Complex)(1 / (2 * Math.PI)) * OffsetPerHz;

    /// <summary>Tr(I_kz²) = 2^N/4: the FID normalisation that gives each fully excited spin |s(0)| = 1.</summary>
    public double SignalNorm => System.Dimension / 4.0;

    /// <summary>F⁺ = Σ_k I_k⁺ over the channel's spins.</summary>
    public ComplexMatrix DetectionOperator { get; }

    /// <summary>2M (total) per basis state: block labels for delays, which conserve total M.</summary>
    public int[] TotalTwiceM { get; }

    /// <summary>2·Σ_channel m_k per basis state: coherence order of |a⟩⟨b| on the channel is (label_a − label_b)/2.</summary>
    public int[] ChannelTwiceM { get; }

    /// <summary>H₀ + 2πΔ Σ (γ_k/γ_ch) I_kz for a B0 offset Δ in Hz.</summary>
    public ComplexMatrix FreeWithOffset(double offsetHz)
    {
        if (offsetHz == 0) return Free;
        ComplexMatrix h = Free.Clone();
        h.AddScaled(offsetHz, OffsetPerHz);
        return h;
    }

    /// <summary>
    /// The eigendecomposition of <see cref="WithRf"/>(Δ, u_x, u_y) through a real symmetric problem: with
    /// a = |u|, φ = atan2(u_y, u_x) and R = exp(−iφF_z,ch) (diagonal, F_z,ch = Σ_channel I_kz),
    /// H = R (H₀(Δ) + 2πa F_x) R†, because R F_x R† = F_x cos φ + F_y sin φ and H₀(Δ) commutes with F_z,ch
    /// (Zeeman terms are diagonal; homonuclear couplings conserve F_z,ch, heteronuclear ones are I_zS_z).
    /// H₀(Δ) + 2πaF_x is real, so H = (RV') Λ (RV')† from MathNet's real symmetric EVD H₀ + 2πaF_x = V'ΛV'ᵀ,
    /// several times cheaper than the complex Hermitian EVD (the dominant cost of a GRAPE step).
    /// </summary>
    public HermitianEigen DecomposeWithRf(double offsetHz, double uxHz, double uyHz)
    {
        double amplitude = Math.Sqrt((uxHz * uxHz) + (uyHz * uyHz));
        ComplexMatrix h = Free.Clone();
        if (offsetHz != 0) h.AddScaled(offsetHz, OffsetPerHz);
        if (amplitude != 0) h.AddScaled(amplitude, ControlX);
        return HermitianEigen.DecomposeRealRotated(h, Math.Atan2(uyHz, uxHz), ChannelTwiceM);
    }

    /// <summary>H₀(Δ) + u_x·2πF_x + u_y·2πF_y, with u in Hz (already scaled by any B1 factor).</summary>
    public ComplexMatrix WithRf(double offsetHz, double uxHz, double uyHz)
    {
        ComplexMatrix h = Free.Clone();
        if (offsetHz != 0) h.AddScaled(offsetHz, OffsetPerHz);
        if (uxHz != 0) h.AddScaled(uxHz, ControlX);
        if (uyHz != 0) h.AddScaled(uyHz, ControlY);
        return h;
    }
}
