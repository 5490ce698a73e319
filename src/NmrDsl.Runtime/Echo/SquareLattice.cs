using System;
using System.Collections.Generic;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// N = L×L square lattice, spacing 1, periodic in both directions (reference: /work/shared/reference/echo-challenge.md
/// §1.2–1.3: 50×50, hlk = [1;1], θ_lattice = π/2, periodic). The reference places site coordinates at
/// x = mod(i−1+L/2, L) − L/2 ∈ {−L/2 … L/2−1}; distances are therefore the minimum-image distances
/// r = √(dx² + dy²) with |dx| = min(n mod L, L − n mod L).
/// </summary>
public sealed class SquareLattice : IPeriodicLattice
{
    private readonly int[] _extents;

    /// <summary>An L×L periodic square lattice; L ≥ 2.</summary>
    public SquareLattice(int sideLength)
    {
        if (sideLength < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(sideLength), sideLength, "A periodic square lattice needs at least 2 sites per side.");
        }

        SideLength = sideLength;
        _extents = [sideLength, sideLength];
    }

    /// <summary>The reference lattice: 50×50 = 2,500 spins.</summary>
    public static SquareLattice Reference { get; } = new(50);

    /// <summary>L, sites per side.</summary>
    public int SideLength { get; }

    /// <inheritdoc />
    public int SiteCount => SideLength * SideLength;

    /// <inheritdoc />
    public IReadOnlyList<int> Extents => _extents;

    /// <inheritdoc />
    public double MinimumImageDistance(int n0, int n1)
    {
        int dx = Fold(n0);
        int dy = Fold(n1);
        return Math.Sqrt((double)dx * dx + (double)dy * dy);
    }

    private int Fold(int n)
    {
        int m = ((n % SideLength) + SideLength) % SideLength;
        return Math.Min(m, SideLength - m);
    }

    /// <inheritdoc />
    public override string ToString() => $"square {SideLength}x{SideLength} periodic";
}
