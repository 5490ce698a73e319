using System;
using System.Collections.Generic;
using System.Linq;
using NmrDsl.Runtime.Structures;

namespace NmrDsl.Runtime.Tests.Structures;

/// <summary>
/// The cell-list neighbour search against the brute-force image sum: identical neighbour sets (atom and displacement,
/// 1e-9 Å) for skewed triclinic cells with atoms outside the cell and cut-offs longer than the cell, partially periodic
/// slabs, isolated molecules, and a CSD-500 crystal (/work/shared/data/structures/csd500/csd_first10.xyz).
/// </summary>
public sealed class NeighbourSearchTests
{
    [Theory]
    [InlineData(1, 2.5, true, true, true)]
    [InlineData(2, 7.3, true, true, true)]
    [InlineData(3, 4.0, true, false, true)]
    [InlineData(4, 3.1, false, false, false)]
    public void Cell_lists_match_brute_force_in_a_skewed_cell(int seed, double cutoff, bool pa, bool pb, bool pc)
    {
        var random = new Random(seed);
        var cell = new Lattice(new Vec3(3.1, 0, 0), new Vec3(1.9, 2.7, 0), new Vec3(-1.2, 0.8, 3.3), pa, pb, pc);
        var species = new List<string>();
        var positions = new List<Vec3>();
        for (int i = 0; i < 7; i++)
        {
            species.Add(i % 2 == 0 ? "Si" : "O");
            positions.Add(cell.ToCartesian(new Vec3(3 * random.NextDouble() - 1, 3 * random.NextDouble() - 1, 3 * random.NextDouble() - 1)));
        }

        var structure = new Structure(species, positions, cell);
        Vec3[] centres = positions.Concat([new Vec3(10, -4, 2), new Vec3(0.5, 0.5, 0.5)]).ToArray();
        AssertSame(NeighbourSearch.BruteForce(structure, centres, cutoff), NeighbourSearch.Around(structure, centres, cutoff));
    }

    [Fact]
    public void Molecular_crystal_matches_brute_force()
    {
        Structure crystal = ExtendedXyzReader.ReadAll(SharedFixtures.Path("structures/csd500/csd_first10.xyz"))[1];
        Vec3[] centres = crystal.Positions.Take(12).ToArray();
        NeighbourList fast = NeighbourSearch.Around(crystal, centres, 6.0);
        AssertSame(NeighbourSearch.BruteForce(crystal, centres, 6.0), fast);
        Assert.All(Enumerable.Range(0, centres.Length), c => Assert.True(fast.Count(c) > 20));
    }

    private static void AssertSame(NeighbourList expected, NeighbourList actual)
    {
        Assert.Equal(expected.CentreCount, actual.CentreCount);
        for (int c = 0; c < expected.CentreCount; c++)
        {
            var e = Entries(expected, c);
            var a = Entries(actual, c);
            Assert.Equal(e.Count, a.Count);
            for (int k = 0; k < e.Count; k++)
            {
                Assert.Equal(e[k].Atom, a[k].Atom);
                Assert.True((e[k].D - a[k].D).Length < 1e-9, $"centre {c}: displacement {e[k].D} vs {a[k].D}");
            }
        }
    }

    private static List<(int Atom, Vec3 D)> Entries(NeighbourList list, int centre) =>
        Enumerable.Range(list.Offsets[centre], list.Count(centre))
            .Select(i => (list.Atoms[i], list.Displacements[i]))
            .OrderBy(x => x.Item1).ThenBy(x => Math.Round(x.Item2.X, 6)).ThenBy(x => Math.Round(x.Item2.Y, 6)).ThenBy(x => Math.Round(x.Item2.Z, 6))
            .ToList();
}
