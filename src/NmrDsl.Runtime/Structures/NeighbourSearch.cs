using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace NmrDsl.Runtime.Structures;

/// <summary>
/// Neighbour search with cell lists. For a periodic structure, positions (and centres) are first wrapped into the
/// cell; then every image r + T, T = t₁a + t₂b + t₃c, whose fractional coordinates lie within rc/h_i of the cell
/// (h_i the perpendicular height of the cell along axis i, so ⌈rc/h_i⌉ + 1 images per side cover the cut-off for any
/// triclinic cell, as DScribe's extend_system does) is binned into cubic bins of edge ≥ rc, and each centre scans
/// the 27 bins around it. Output order is deterministic (by bin, then by atom, then by image).
/// </summary>
public static class NeighbourSearch
{
    /// <summary>Neighbours within <paramref name="cutoff"/> (Å, inclusive) of every atom of <paramref name="structure"/>.</summary>
    public static NeighbourList AroundAtoms(Structure structure, double cutoff) =>
        Around(structure, structure.Positions, cutoff);

    /// <summary>Neighbours within <paramref name="cutoff"/> (Å, inclusive) of arbitrary Cartesian <paramref name="centres"/>.</summary>
    public static NeighbourList Around(Structure structure, IReadOnlyList<Vec3> centres, double cutoff)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(centres);
        if (!(cutoff > 0)) throw new ArgumentOutOfRangeException(nameof(cutoff), cutoff, "the cut-off must be positive");
        (Vec3[] points, int[] atoms) = Images(structure, cutoff);
        Vec3[] wrappedCentres = structure.Lattice is { } cell && structure.IsPeriodic ? centres.Select(cell.Wrap).ToArray() : centres.ToArray();
        var bins = new CellBins(points, cutoff);
        double cut2 = cutoff * cutoff;
        var perCentre = new (int[] Atoms, Vec3[] Displacements)[wrappedCentres.Length];
        Parallel.For(0, wrappedCentres.Length, c =>
        {
            var found = new List<int>();
            var shifts = new List<Vec3>();
            Vec3 centre = wrappedCentres[c];
            foreach (int p in bins.Near(centre))
            {
                Vec3 d = points[p] - centre;
                if (d.LengthSquared <= cut2)
                {
                    found.Add(atoms[p]);
                    shifts.Add(d);
                }
            }

            perCentre[c] = (found.ToArray(), shifts.ToArray());
        });
        var offsets = new int[wrappedCentres.Length + 1];
        for (int c = 0; c < perCentre.Length; c++) offsets[c + 1] = offsets[c] + perCentre[c].Atoms.Length;
        var allAtoms = new int[offsets[^1]];
        var allShifts = new Vec3[offsets[^1]];
        for (int c = 0; c < perCentre.Length; c++)
        {
            perCentre[c].Atoms.CopyTo(allAtoms, offsets[c]);
            perCentre[c].Displacements.CopyTo(allShifts, offsets[c]);
        }

        return new NeighbourList(offsets, allAtoms, allShifts, cutoff);
    }

    /// <summary>
    /// Reference neighbour search by brute force: every atom, unwrapped, with every image t ∈ [−m, m] per periodic axis
    /// where m covers the cut-off plus the largest fractional offset; O(N_centres · N · images). For tests.
    /// </summary>
    public static NeighbourList BruteForce(Structure structure, IReadOnlyList<Vec3> centres, double cutoff)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(centres);
        int[] range = [0, 0, 0];
        Lattice? cell = structure.IsPeriodic ? structure.Lattice : null;
        if (cell is not null)
        {
            double spread = structure.Positions.Concat(centres).Select(cell.ToFractional)
                .SelectMany(s => new[] { Math.Abs(s.X), Math.Abs(s.Y), Math.Abs(s.Z) }).Max();
            for (int a = 0; a < 3; a++) range[a] = cell.Periodic[a] ? (int)Math.Ceiling(cutoff / cell.Height(a) + 2 * spread) + 1 : 0;
        }

        var offsets = new List<int> { 0 };
        var atoms = new List<int>();
        var shifts = new List<Vec3>();
        foreach (Vec3 centre in centres)
        {
            for (int j = 0; j < structure.Count; j++)
            {
                for (int t1 = -range[0]; t1 <= range[0]; t1++)
                for (int t2 = -range[1]; t2 <= range[1]; t2++)
                for (int t3 = -range[2]; t3 <= range[2]; t3++)
                {
                    Vec3 image = structure.Positions[j] + (cell is null ? default : cell.ToCartesian(new Vec3(t1, t2, t3)));
                    Vec3 d = image - centre;
                    if (d.LengthSquared <= cutoff * cutoff)
                    {
                        atoms.Add(j);
                        shifts.Add(d);
                    }
                }
            }

            offsets.Add(atoms.Count);
        }

        return new NeighbourList(offsets.ToArray(), atoms.ToArray(), shifts.ToArray(), cutoff);
    }

    /// <summary>Wrapped atoms plus the periodic images that can fall within the cut-off of a point in the cell.</summary>
    private static (Vec3[] Points, int[] Atoms) Images(Structure structure, double cutoff)
    {
        if (structure.Lattice is not { } cell || !structure.IsPeriodic)
        {
            return (structure.Positions.ToArray(), Enumerable.Range(0, structure.Count).ToArray());
        }

        var pad = new double[3];
        var reach = new int[3];
        for (int a = 0; a < 3; a++)
        {
            pad[a] = cell.Periodic[a] ? cutoff / cell.Height(a) : 0;
            reach[a] = cell.Periodic[a] ? (int)Math.Ceiling(pad[a]) + 1 : 0;
        }

        var points = new List<Vec3>();
        var atoms = new List<int>();
        for (int j = 0; j < structure.Count; j++)
        {
            Vec3 s = cell.ToFractional(cell.Wrap(structure.Positions[j]));
            double[] f = [s.X, s.Y, s.Z];
            for (int t1 = -reach[0]; t1 <= reach[0]; t1++)
            for (int t2 = -reach[1]; t2 <= reach[1]; t2++)
            for (int t3 = -reach[2]; t3 <= reach[2]; t3++)
            {
                double u1 = f[0] + t1, u2 = f[1] + t2, u3 = f[2] + t3;
                if (Inside(u1, 0, cell, pad) && Inside(u2, 1, cell, pad) && Inside(u3, 2, cell, pad))
                {
                    points.Add(cell.ToCartesian(new Vec3(u1, u2, u3)));
                    atoms.Add(j);
                }
            }
        }

        return (points.ToArray(), atoms.ToArray());
    }

    // The wrapped centre has fractional coordinate in [0, 1); a neighbour within rc differs by at most rc/h along each axis.
    private static bool Inside(double u, int axis, Lattice cell, double[] pad) =>
        !cell.Periodic[axis] || (u >= -pad[axis] - 1e-9 && u < 1 + pad[axis] + 1e-9);

    /// <summary>Cubic bins of edge ≥ cut-off over a point set (a dictionary keyed by integer bin coordinates).</summary>
    private sealed class CellBins
    {
        private readonly Dictionary<(int, int, int), List<int>> _bins = new();
        private readonly double _edge;

        public CellBins(Vec3[] points, double edge)
        {
            _edge = edge;
            for (int p = 0; p < points.Length; p++)
            {
                var key = Key(points[p]);
                if (!_bins.TryGetValue(key, out List<int>? bin)) _bins[key] = bin = new List<int>();
                bin.Add(p);
            }
        }

        public IEnumerable<int> Near(Vec3 centre)
        {
            (int x, int y, int z) = Key(centre);
            for (int i = x - 1; i <= x + 1; i++)
            for (int j = y - 1; j <= y + 1; j++)
            for (int k = z - 1; k <= z + 1; k++)
            {
                if (_bins.TryGetValue((i, j, k), out List<int>? bin))
                {
                    foreach (int p in bin) yield return p;
                }
            }
        }

        private (int, int, int) Key(Vec3 r) => ((int)Math.Floor(r.X / _edge), (int)Math.Floor(r.Y / _edge), (int)Math.Floor(r.Z / _edge));
    }
}
