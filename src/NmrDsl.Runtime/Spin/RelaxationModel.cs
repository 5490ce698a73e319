using System;
using System.Collections.Generic;
using System.Linq;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// Phenomenological T1/T2 relaxation, one pair per spin, for Liouville-space simulation.
/// </summary>
/// <remarks>
/// <para>Model: uncorrelated random fields on each spin, written as a Lindblad (Pauli-channel)
/// dissipator per spin, D_k(σ) = a_k Σ_{P=x,y} (4 I_kP σ I_kP − σ) + c_k (4 I_kz σ I_kz − σ) with
/// a_k = R1_k/4 and c_k = (R2_k − R1_k/2)/2, R = 1/T. In the product-operator basis it is diagonal:
/// a product operator decays at the sum over its factors of R2_k (for I_kx, I_ky) and R1_k (for I_kz),
/// and the identity is untouched. It is completely positive iff T2 ≤ 2 T1.</para>
/// <para>The deviation σ relaxes towards the equilibrium σ_eq = Σ_k (γ_k/γ_channel) I_kz:
/// dσ/dt = −i[H, σ] + Σ_k D_k(σ − σ_eq). Cross-relaxation, cross-correlation and the J- and
/// shift-dependence of the equilibrium state are neglected. Use double.PositiveInfinity for "no relaxation".</para>
/// </remarks>
public sealed record RelaxationModel
{
    private readonly double[] _t1;
    private readonly double[] _t2;

    /// <summary>Per-spin T1 and T2 in seconds (PositiveInfinity = none).</summary>
    public RelaxationModel(IEnumerable<double> t1Seconds, IEnumerable<double> t2Seconds)
    {
        ArgumentNullException.ThrowIfNull(t1Seconds);
        ArgumentNullException.ThrowIfNull(t2Seconds);
        _t1 = t1Seconds.ToArray();
        _t2 = t2Seconds.ToArray();
        if (_t1.Length != _t2.Length) throw new ArgumentException(Invariant($"{_t1.Length} T1 values but {_t2.Length} T2 values."), nameof(t2Seconds));
        for (int k = 0; k < _t1.Length; k++)
        {
            if (!(_t1[k] > 0) || !(_t2[k] > 0)) throw new ArgumentException(Invariant($"Spin {k}: T1 and T2 must be positive (got {_t1[k]} s, {_t2[k]} s)."), nameof(t1Seconds));
            if (_t2[k] > 2 * _t1[k]) throw new ArgumentException(Invariant($"Spin {k}: T2 = {_t2[k]} s exceeds 2·T1 = {2 * _t1[k]} s, which no physical relaxation allows."), nameof(t2Seconds));
        }
    }

    /// <summary>The same T1, T2 for all <paramref name="spinCount"/> spins.</summary>
    public static RelaxationModel Uniform(int spinCount, double t1Seconds, double t2Seconds) =>
        new(Enumerable.Repeat(t1Seconds, spinCount), Enumerable.Repeat(t2Seconds, spinCount));

    /// <summary>No relaxation for <paramref name="spinCount"/> spins.</summary>
    public static RelaxationModel None(int spinCount) => Uniform(spinCount, double.PositiveInfinity, double.PositiveInfinity);

    /// <summary>Number of spins.</summary>
    public int Count => _t1.Length;

    /// <summary>T1 per spin, s.</summary>
    public IReadOnlyList<double> T1Seconds => _t1;

    /// <summary>T2 per spin, s.</summary>
    public IReadOnlyList<double> T2Seconds => _t2;

    /// <summary>R1 = 1/T1 of spin k, s⁻¹.</summary>
    public double R1(int spin) => 1 / _t1[spin];

    /// <summary>R2 = 1/T2 of spin k, s⁻¹.</summary>
    public double R2(int spin) => 1 / _t2[spin];
}
