using System.Collections.Generic;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// A periodic two-dimensional Bravais lattice of L₀×L₁ sites (one spin per site). Sites are numbered row-major,
/// i = i₀·L₁ + i₁. Because the cell is periodic and every site is equivalent, a coupling that depends only on the
/// distance between sites is a circulant (convolution) kernel over the displacement (n₀, n₁) mod (L₀, L₁): this is what
/// lets the mean field be computed by FFT. Square is the one implemented (<see cref="SquareLattice"/>); a triangular or
/// rectangular lattice only needs its own <see cref="MinimumImageDistance"/>. Lattices with a basis (honeycomb) would
/// need a block-circulant kernel and are not covered by this interface.
/// </summary>
public interface IPeriodicLattice
{
    /// <summary>N = L₀·L₁, the number of spins.</summary>
    int SiteCount { get; }

    /// <summary>(L₀, L₁), the number of sites along each primitive vector.</summary>
    IReadOnlyList<int> Extents { get; }

    /// <summary>
    /// Distance, in lattice units, between a site and its neighbour displaced by (n₀, n₁) primitive steps, taken as the
    /// minimum over periodic images. Any integers are accepted (reduced modulo the extents). Zero for (0, 0).
    /// </summary>
    double MinimumImageDistance(int n0, int n1);
}
