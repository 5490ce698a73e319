using System;
using System.Collections.Generic;
using System.Linq;
using NmrDsl.Runtime.Descriptors;
using NmrDsl.Runtime.Structures;
using NmrDsl.Runtime.Tests.Structures;

namespace NmrDsl.Runtime.Tests.Descriptors;

/// <summary>
/// Exact symmetries of the SOAP power spectrum (/work/shared/reference/descriptors.md §1.6 "Generic tests" and §5.3):
/// rotation, translation and permutation of a periodic molecular crystal (csd_first10.xyz, Paruzzo et al. 2018),
/// primitive cell against supercell, the same lattice written as a skewed cell (DScribe's test_padding), to 1e-10 of
/// the largest feature; symmetry-equivalent Si sites of α-quartz (quartz.nmr.magres) to the precision of its 6-decimal
/// coordinates; disjoint species give a zero dot product.
/// </summary>
public sealed class SoapInvarianceTests
{
    private static readonly SoapOptions Options = new(4.0, 4, 4, 0.5, "H", "C", "N", "O");

    private static Structure Crystal() => ExtendedXyzReader.ReadAll(SharedFixtures.Path("structures/csd500/csd_first10.xyz"))[2];

    [Fact]
    public void Rotation_translation_and_permutation_leave_the_power_spectrum_unchanged()
    {
        Structure crystal = Crystal();
        var soap = new Soap(Options);
        int[] centres = Enumerable.Range(0, 16).ToArray();
        double[][] reference = soap.PowerSpectrum(crystal, centres);

        // Rotation: a random proper rotation of positions and lattice vectors.
        Func<Vec3, Vec3> rotate = RandomRotation(7);
        Lattice cell = crystal.Lattice!;
        var rotated = new Structure(crystal.Species, crystal.Positions.Select(rotate).ToArray(), new Lattice(rotate(cell.A), rotate(cell.B), rotate(cell.C)));
        AssertClose(reference, soap.PowerSpectrum(rotated, centres), 1e-10);

        // Translation by a vector that moves atoms out of the cell (they are wrapped back).
        var shift = new Vec3(3.7, -11.2, 25.9);
        var translated = new Structure(crystal.Species, crystal.Positions.Select(p => p + shift).ToArray(), cell);
        AssertClose(reference, soap.PowerSpectrum(translated, centres), 1e-10);

        // Permutation of the atom order.
        int[] order = Enumerable.Range(0, crystal.Count).OrderBy(i => (i * 7919) % crystal.Count).ToArray();
        var permuted = new Structure(order.Select(i => crystal.Species[i]).ToArray(), order.Select(i => crystal.Positions[i]).ToArray(), cell);
        int[] inverse = new int[order.Length];
        for (int k = 0; k < order.Length; k++) inverse[order[k]] = k;
        AssertClose(reference, soap.PowerSpectrum(permuted, centres.Select(i => inverse[i]).ToArray()), 1e-10);
    }

    [Fact]
    public void Serial_and_parallel_runs_are_bitwise_identical_and_wrapping_changes_nothing()
    {
        Structure crystal = Crystal();
        double[][] serial = new Soap(Options) { MaxDegreeOfParallelism = 1 }.PowerSpectrum(crystal);
        double[][] parallel = new Soap(Options) { MaxDegreeOfParallelism = 4 }.PowerSpectrum(crystal);
        Assert.Equal(serial, parallel);
        // csd_first10 stores some atoms outside the cell; pre-wrapping them must not change any environment.
        Assert.Contains(crystal.Positions, p => Outside(crystal.Lattice!.ToFractional(p)));
        AssertClose(serial, new Soap(Options).PowerSpectrum(crystal.Wrapped()), 1e-10);
    }

    private static bool Outside(Vec3 s) => s.X < 0 || s.X >= 1 || s.Y < 0 || s.Y >= 1 || s.Z < 0 || s.Z >= 1;

    [Fact]
    public void A_supercell_and_a_skewed_cell_give_the_same_environments()
    {
        MagresFile quartz = MagresReader.Read(SharedFixtures.Path("structures/magres/quartz.nmr.magres"));
        Structure primitive = quartz.Structure;
        var soap = new Soap(new SoapOptions(5.0, 6, 6, 0.5, "O", "Si"));
        double[][] reference = soap.PowerSpectrum(primitive);
        Lattice cell = primitive.Lattice!;

        var species = new List<string>();
        var positions = new List<Vec3>();
        for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
        for (int k = 0; k < 2; k++)
        {
            species.AddRange(primitive.Species);
            positions.AddRange(primitive.Positions.Select(p => p + cell.ToCartesian(new Vec3(i, j, k))));
        }

        var supercell = new Structure(species, positions, new Lattice(2 * cell.A, 2 * cell.B, 2 * cell.C));
        double[][] big = soap.PowerSpectrum(supercell);
        for (int copy = 0; copy < 8; copy++) AssertClose(reference, big.Skip(copy * primitive.Count).Take(primitive.Count).ToArray(), 1e-10);

        var skewed = new Structure(primitive.Species, primitive.Positions, new Lattice(cell.A, cell.B + 2 * cell.A, cell.C - cell.B - 3 * cell.A));
        AssertClose(reference, soap.PowerSpectrum(skewed), 1e-10);
    }

    [Fact]
    public void Symmetry_equivalent_quartz_sites_are_equal_and_disjoint_species_are_orthogonal()
    {
        Structure quartz = MagresReader.Read(SharedFixtures.Path("structures/magres/quartz.nmr.magres")).Structure;
        double[][] p = new Soap(new SoapOptions(5.0, 6, 6, 0.5, "O", "Si")).PowerSpectrum(quartz);
        // The three Si (and six O) sites are related by the 3₁ screw axis; the file's coordinates have 6 decimals
        // (1e-6 Å), so equality holds to ~1e-6 relative (measured: Si3 vs Si1 1.1e-6, O 1.7e-6), not to machine precision.
        AssertClose([p[0], p[0]], [p[1], p[2]], 3e-6);
        AssertClose([p[3], p[3], p[3], p[3], p[3]], [p[4], p[5], p[6], p[7], p[8]], 3e-6);
        Assert.True(Relative(p[0], p[3]) > 1e-2);

        var soap = new Soap(new SoapOptions(3.0, 3, 3, 0.5, "H", "C") { Periodic = false });
        var hydrogen = new Structure(["H", "H"], [new Vec3(0, 0, 0), new Vec3(0.7, 0.2, 0.1)]);
        var carbon = new Structure(["C", "C"], [new Vec3(0, 0, 0), new Vec3(1.3, -0.4, 0.2)]);
        double[] a = soap.PowerSpectrum(hydrogen, [0])[0], b = soap.PowerSpectrum(carbon, [0])[0];
        Assert.Equal(0.0, a.Zip(b, (x, y) => x * y).Sum());
        Assert.True(a.Zip(a, (x, y) => x * y).Sum() > 0);
    }

    private static double Relative(double[] a, double[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max() / a.Max(Math.Abs);

    private static void AssertClose(double[][] expected, double[][] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double r = Relative(expected[i], actual[i]);
            Assert.True(r <= tolerance, $"row {i}: max |Δp| / max |p| = {r:E2} > {tolerance:E0}");
        }
    }

    private static Func<Vec3, Vec3> RandomRotation(int seed)
    {
        var random = new Random(seed);
        double a = random.NextDouble() - 0.5, b = random.NextDouble() - 0.5, c = random.NextDouble() - 0.5, d = random.NextDouble() - 0.5;
        double norm = Math.Sqrt(a * a + b * b + c * c + d * d);
        (a, b, c, d) = (a / norm, b / norm, c / norm, d / norm);
        double[] m =
        [
            a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c),
            2 * (b * c + a * d), a * a - b * b + c * c - d * d, 2 * (c * d - a * b),
            2 * (b * d - a * c), 2 * (c * d + a * b), a * a - b * b - c * c + d * d,
        ];
        return v => new Vec3(m[0] * v.X + m[1] * v.Y + m[2] * v.Z, m[3] * v.X + m[4] * v.Y + m[5] * v.Z, m[6] * v.X + m[7] * v.Y + m[8] * v.Z);
    }
}
