using System;
using System.Collections.Generic;
using System.Linq;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// One member of a field-inhomogeneity ensemble: a B0 offset (Hz on the channel isotope, added to
/// every Hamiltonian including the acquisition's), a B1 scale (multiplies every RF amplitude and
/// hard-pulse flip angle) and a weight. Results are weighted averages Σ w_i f_i / Σ w_i.
/// </summary>
public sealed record EnsembleMember(double B0OffsetHz = 0, double B1Scale = 1, double Weight = 1)
{
    /// <summary>The nominal member (no offset, B1 scale 1, weight 1).</summary>
    public static readonly EnsembleMember Nominal = new();

    /// <summary>Validates a member list (non-empty, finite, positive weights).</summary>
    public static IReadOnlyList<EnsembleMember> Validate(IEnumerable<EnsembleMember>? members)
    {
        EnsembleMember[] list = members?.ToArray() ?? [Nominal];
        if (list.Length == 0) throw new ArgumentException("An ensemble needs at least one member.", nameof(members));
        foreach (EnsembleMember m in list)
        {
            if (m is null || !double.IsFinite(m.B0OffsetHz) || !double.IsFinite(m.B1Scale) || !(m.Weight > 0) || !double.IsFinite(m.Weight))
            {
                throw new ArgumentException(Invariant($"Invalid ensemble member {m}: offsets and scales must be finite and weights positive."), nameof(members));
            }
        }

        return list;
    }

    /// <summary>
    /// The product grid of <paramref name="b1Count"/> B1 scales evenly spaced in [b1Min, b1Max] and
    /// <paramref name="b0Count"/> B0 offsets in [b0MinHz, b0MaxHz], equal weights (a count of 1 takes the midpoint).
    /// </summary>
    public static IReadOnlyList<EnsembleMember> Grid(double b1Min, double b1Max, int b1Count, double b0MinHz, double b0MaxHz, int b0Count)
    {
        if (b1Count < 1 || b0Count < 1) throw new ArgumentException(Invariant($"Grid counts must be ≥ 1, got {b1Count} and {b0Count}."));
        static double At(double lo, double hi, int count, int i) => count == 1 ? (lo + hi) / 2 : lo + (hi - lo) * i / (count - 1);
        var result = new List<EnsembleMember>();
        for (int i = 0; i < b1Count; i++)
        {
            for (int j = 0; j < b0Count; j++) result.Add(new EnsembleMember(At(b0MinHz, b0MaxHz, b0Count, j), At(b1Min, b1Max, b1Count, i)));
        }

        return result;
    }
}
