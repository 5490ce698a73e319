using System;
using System.Numerics;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// One simulated echo: M_k = (1/N) Σ_i Tr(I⁺ρ_i(t_k)) = Mₓ + iM_y at t_k = k·dt, k = 1 … K (array index k − 1);
/// |M| ≤ ½ (reference: /work/shared/reference/echo-challenge.md §1.3, "State and observable").
/// </summary>
/// <param name="Parameters">the parameters simulated.</param>
/// <param name="Seed">the seed of the offset draw.</param>
/// <param name="Samples">M_k, dimensionless.</param>
/// <param name="Times">t_k, dimensionless (t = γ t_phys, γ = 2π·10⁶ s⁻¹).</param>
public sealed record EchoCurve(EchoParameters Parameters, ulong Seed, Complex[] Samples, double[] Times)
{
    /// <summary>
    /// The 1-based sample with the largest |M_k| among k ≥ <paramref name="fromSample"/> (use n_τ + 1 for the echo).
    /// </summary>
    public int ArgMaxMagnitude(int fromSample)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromSample, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fromSample, Samples.Length);
        int best = fromSample;
        for (int k = fromSample; k <= Samples.Length; k++)
        {
            if (Samples[k - 1].Magnitude > Samples[best - 1].Magnitude)
            {
                best = k;
            }
        }

        return best;
    }
}
