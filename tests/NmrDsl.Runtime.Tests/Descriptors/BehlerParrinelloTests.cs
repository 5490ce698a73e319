using System;
using System.Linq;
using NmrDsl.Runtime.Descriptors;
using NmrDsl.Runtime.Structures;
using NmrDsl.Runtime.Tests.Structures;

namespace NmrDsl.Runtime.Tests.Descriptors;

/// <summary>
/// Behler–Parrinello G2/G4 (Behler JCP 134, 074106 (2011); DScribe convention, /work/shared/reference/descriptors.md
/// §1.3: unordered neighbour pairs, 2^(1−ζ) prefactor) against a hand computation on a bent O–H–H triangle, and
/// rotation/permutation/supercell invariance.
/// </summary>
public sealed class BehlerParrinelloTests
{
    [Fact]
    public void Three_atom_values_match_a_hand_computation()
    {
        // O at the origin, H at 1 Å on x, H at 1.2 Å at 60° from it: R_jk² = 1 + 1.44 − 2·1.2·0.5 = 1.24.
        var water = new Structure(["O", "H", "H"], [new Vec3(0, 0, 0), new Vec3(1, 0, 0), new Vec3(0.6, 0.6 * Math.Sqrt(3), 0)]);
        var bp = new BehlerParrinello(3.0, [new G2Parameters(0.5, 0.5)], [new G4Parameters(0.1, 2, 1), new G4Parameters(0.1, 2, -1)], "O", "H");
        double[][] g = bp.Compute(water);
        double Fc(double r) => 0.5 * (Math.Cos(Math.PI * r / 3.0) + 1);
        double f1 = Fc(1), f12 = Fc(1.2), fjk = Fc(Math.Sqrt(1.24));
        // Layout: [G2 from H, G2 from O, G4(H,H) λ=+1, λ=−1, G4(H,O) ×2, G4(O,O) ×2].
        Assert.Equal(8, bp.FeatureCount);
        Assert.Equal(Math.Exp(-0.5 * 0.25) * f1 + Math.Exp(-0.5 * 0.49) * f12, g[0][0], 14);
        Assert.Equal(0.0, g[0][1]);
        double radial = Math.Exp(-0.1 * (1 + 1.44 + 1.24)) * f1 * f12 * fjk;
        Assert.Equal(0.5 * 1.5 * 1.5 * radial, g[0][2], 14); // one unordered pair {H, H}: (1 + cos 60°)² / 2
        Assert.Equal(0.5 * 0.5 * 0.5 * radial, g[0][3], 14);
        Assert.Equal(0.0, g[0][4]);

        // Centre H at (1, 0, 0): neighbours O (1 Å) and H (√1.24 Å); cos θ = (1 + 1.24 − 1.44)/(2·√1.24).
        double cos = (1 + 1.24 - 1.44) / (2 * Math.Sqrt(1.24));
        Assert.Equal(Math.Exp(-0.5 * Math.Pow(Math.Sqrt(1.24) - 0.5, 2)) * fjk, g[1][0], 14);
        Assert.Equal(Math.Exp(-0.5 * 0.25) * f1, g[1][1], 14);
        Assert.Equal(0.5 * Math.Pow(1 + cos, 2) * radial, g[1][4], 14);
        Assert.Equal(0.5 * Math.Pow(1 - cos, 2) * radial, g[1][5], 14);
        Assert.Equal(0.0, g[1][2]);
    }

    [Fact]
    public void Invariant_under_rotation_permutation_and_supercell()
    {
        Structure quartz = MagresReader.Read(SharedFixtures.Path("structures/magres/quartz.nmr.magres")).Structure;
        var bp = new BehlerParrinello(5.0, [new G2Parameters(0.3, 1.6), new G2Parameters(1.0, 3.0)], [new G4Parameters(0.05, 1, 1), new G4Parameters(0.05, 4, -1)], "O", "Si");
        double[][] reference = bp.Compute(quartz);
        Lattice cell = quartz.Lattice!;
        double c = Math.Cos(1.1), s = Math.Sin(1.1);
        Vec3 Rotate(Vec3 v) => new(v.X, c * v.Y - s * v.Z, s * v.Y + c * v.Z);
        var rotated = new Structure(quartz.Species.Reverse().ToArray(), quartz.Positions.Reverse().Select(Rotate).ToArray(), new Lattice(Rotate(cell.A), Rotate(cell.B), Rotate(cell.C)));
        double[][] r = bp.Compute(rotated).Reverse().ToArray();
        var supercell = new Structure(quartz.Species.Concat(quartz.Species).ToArray(), quartz.Positions.Concat(quartz.Positions.Select(p => p + cell.C)).ToArray(), new Lattice(cell.A, cell.B, 2 * cell.C));
        double[][] big = bp.Compute(supercell);
        double scale = reference.SelectMany(x => x).Max();
        for (int i = 0; i < quartz.Count; i++)
        for (int f = 0; f < bp.FeatureCount; f++)
        {
            Assert.True(Math.Abs(reference[i][f] - r[i][f]) <= 1e-12 * scale, $"rotation: atom {i}, feature {f}");
            Assert.True(Math.Abs(reference[i][f] - big[i + quartz.Count][f]) <= 1e-12 * scale, $"supercell: atom {i}, feature {f}");
        }
    }
}
