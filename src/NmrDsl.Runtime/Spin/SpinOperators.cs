using System;
using System.Collections.Generic;
using System.Numerics;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// Spin-½ operators of an N-spin system as dense 2^N × 2^N matrices in the Zeeman product basis
/// |m₀ m₁ … m_{N−1}⟩ (dimensionless, ħ = 1).
/// </summary>
/// <remarks>
/// Basis state index s has bit (N − 1 − k) clear when spin k is |α⟩ (m = +½) and set when it is
/// |β⟩ (m = −½), so spin 0 is the most significant Kronecker factor: I_k = 1 ⊗ … ⊗ i ⊗ … ⊗ 1
/// with the single-spin matrices iz = ½ diag(1, −1), i⁺ = |α⟩⟨β|, i⁻ = |β⟩⟨α|,
/// ix = (i⁺ + i⁻)/2, iy = (i⁺ − i⁻)/(2i). They satisfy [Ix, Iy] = i Iz (cyclic).
/// </remarks>
public sealed class SpinOperators
{
    /// <summary>Operators for <paramref name="spinCount"/> spin-½ nuclei.</summary>
    public SpinOperators(int spinCount)
    {
        if (spinCount < 1 || spinCount > SpinSystem.MaxSpins)
        {
            throw new ArgumentOutOfRangeException(nameof(spinCount), spinCount, Invariant($"The number of spins must be in 1..{SpinSystem.MaxSpins}."));
        }

        SpinCount = spinCount;
        Dimension = 1 << spinCount;
    }

    /// <summary>Number of spins N.</summary>
    public int SpinCount { get; }

    /// <summary>Hilbert dimension 2^N.</summary>
    public int Dimension { get; }

    /// <summary>m_k of spin k in basis state s: +½ (α) or −½ (β).</summary>
    public double M(int state, int spin) => ((state >> (SpinCount - 1 - spin)) & 1) == 0 ? 0.5 : -0.5;

    /// <summary>I_kz.</summary>
    public ComplexMatrix Iz(int spin)
    {
        Check(spin);
        var m = new ComplexMatrix(Dimension, Dimension);
        for (int s = 0; s < Dimension; s++) m[s, s] = M(s, spin);
        return m;
    }

    /// <summary>I_k⁺ = I_kx + i I_ky (raises m_k from −½ to +½).</summary>
    public ComplexMatrix Plus(int spin)
    {
        Check(spin);
        int bit = 1 << (SpinCount - 1 - spin);
        var m = new ComplexMatrix(Dimension, Dimension);
        for (int s = 0; s < Dimension; s++)
        {
            if ((s & bit) != 0) m[s & ~bit, s] = Complex.One;
        }

        return m;
    }

    /// <summary>I_k⁻ = I_kx − i I_ky.</summary>
    public ComplexMatrix Minus(int spin) => Plus(spin).Adjoint();

    /// <summary>I_kx = (I_k⁺ + I_k⁻)/2.</summary>
    public ComplexMatrix Ix(int spin)
    {
        ComplexMatrix p = Plus(spin);
        return 0.5 * (p + p.Adjoint());
    }

    /// <summary>I_ky = (I_k⁺ − I_k⁻)/(2i).</summary>
    public ComplexMatrix Iy(int spin)
    {
        ComplexMatrix p = Plus(spin);
        return new Complex(0, -0.5) * (p - p.Adjoint());
    }

    /// <summary>Σ_k∈spins I_kx.</summary>
    public ComplexMatrix TotalX(IEnumerable<int> spins) => Sum(spins, Ix);

    /// <summary>Σ_k∈spins I_ky.</summary>
    public ComplexMatrix TotalY(IEnumerable<int> spins) => Sum(spins, Iy);

    /// <summary>Σ_k∈spins I_kz.</summary>
    public ComplexMatrix TotalZ(IEnumerable<int> spins) => Sum(spins, Iz);

    /// <summary>Σ_k∈spins I_k⁺.</summary>
    public ComplexMatrix TotalPlus(IEnumerable<int> spins) => Sum(spins, Plus);

    /// <summary>Σ_k∈spins I_k⁻.</summary>
    public ComplexMatrix TotalMinus(IEnumerable<int> spins) => Sum(spins, Minus);

    /// <summary>The total magnetic quantum number M = Σ_k m_k of every basis state (eigenvalues of Fz).</summary>
    public double[] TotalM()
    {
        var result = new double[Dimension];
        for (int s = 0; s < Dimension; s++)
        {
            for (int k = 0; k < SpinCount; k++) result[s] += M(s, k);
        }

        return result;
    }

    /// <summary>
    /// Σ_k∈spins m_k of every basis state: the quantum number whose differences are the coherence
    /// orders of those spins (p = M_a − M_b for the element |a⟩⟨b|).
    /// </summary>
    public int[] TwiceM(IEnumerable<int> spins)
    {
        ArgumentNullException.ThrowIfNull(spins);
        var list = new List<int>(spins);
        var result = new int[Dimension];
        for (int s = 0; s < Dimension; s++)
        {
            foreach (int k in list)
            {
                Check(k);
                result[s] += ((s >> (SpinCount - 1 - k)) & 1) == 0 ? 1 : -1;
            }
        }

        return result;
    }

    private ComplexMatrix Sum(IEnumerable<int> spins, Func<int, ComplexMatrix> op)
    {
        ArgumentNullException.ThrowIfNull(spins);
        var total = new ComplexMatrix(Dimension, Dimension);
        foreach (int k in spins) total.AddScaled(Complex.One, op(k));
        return total;
    }

    private void Check(int spin)
    {
        if (spin < 0 || spin >= SpinCount)
        {
            throw new ArgumentOutOfRangeException(nameof(spin), spin, Invariant($"Spin index must be in 0..{SpinCount - 1}."));
        }
    }
}
