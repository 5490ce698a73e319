using System;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// Coherence-pathway selection standing in for crusher gradients: after this element only the
/// density-matrix elements ρ_ab of channel coherence order p = M_a − M_b = <paramref name="Order"/>
/// survive (M = Σ m_k over the channel's spins); all others are set to zero.
/// </summary>
/// <remarks>
/// This is coherence-order filtering of the density matrix, not phase cycling: it is what an ideal
/// pair of crusher gradients around a refocusing pulse selects, computed in one pass (FID-A reports
/// a 4× speed-up over phase cycling; reference sheet §4.3). The observable is p = −1 with the
/// detection operator F⁺, so PRESS filters are [−1 after the 90°, +1 after the first 180°,
/// −1 after the second 180°] in the FSL-MRS convention (reference sheet §3.6). Crushers do not
/// select the sign of a population (p = 0) term, so p = 0 keeps all zero-quantum elements.
/// </remarks>
public sealed record CoherenceFilter(int Order) : SequenceElement
{
    /// <summary>The coherence order kept (|p| ≤ 12).</summary>
    public int Order { get; } = Math.Abs(Order) <= SpinSystem.MaxSpins ? Order : throw new ArgumentException(Invariant($"Coherence order {Order} is out of range ±{SpinSystem.MaxSpins}."), nameof(Order));

    /// <summary>Zeroes every element of <paramref name="rho"/> whose order (labels_a − labels_b)/2 differs from <see cref="Order"/>.</summary>
    public void Apply(ComplexMatrix rho, int[] twiceM)
    {
        ArgumentNullException.ThrowIfNull(rho);
        ArgumentNullException.ThrowIfNull(twiceM);
        for (int a = 0; a < rho.Rows; a++)
        {
            for (int b = 0; b < rho.Columns; b++)
            {
                if (twiceM[a] - twiceM[b] != 2 * Order) rho[a, b] = 0;
            }
        }
    }
}
