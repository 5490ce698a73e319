using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace NmrDsl.Cli.Tests;

/// <summary>
/// <c>nmrdsl descriptors</c> end to end on the shared fixtures (/work/shared/data/structures/magres/quartz.nmr.magres,
/// csd500/csd_first10.xyz): one row per centre, DScribe's feature count, symmetry-equivalent quartz sites with equal
/// spectra, and a malformed file reported at its line and column.
/// </summary>
public sealed class DescriptorsCommandTests
{
    private static string Shared(params string[] parts) =>
        Path.Combine(new[] { EndToEndTests.RepoRoot, "..", "shared", "data", "structures" }.Concat(parts).ToArray());

    [Fact]
    public void Quartz_OneRowPerAtom_EquivalentSitesEqual()
    {
        using var temp = new TempDir();
        string csv = Path.Combine(temp.Path, "quartz.csv");
        var outcome = CliRunner.Run("descriptors", Shared("magres", "quartz.nmr.magres"), "--out", csv, "--nmax", "4", "--lmax", "3", "--rcut", "4");
        Assert.True(outcome.ExitCode == 0, outcome.All);
        string[] lines = File.ReadAllLines(csv);
        // Two species (O, Si): (2·4)(2·4 + 1)/2 · (3 + 1) = 144 features; 9 atoms.
        Assert.Equal(3 + 144, lines[0].Split(',').Length);
        Assert.Equal(1 + 9, lines.Length);
        double[][] si = lines.Skip(1).Select(l => l.Split(',')).Where(c => c[2] == "Si")
            .Select(c => c.Skip(3).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        Assert.Equal(3, si.Length);
        // The file's coordinates have 6 decimals, so equivalent sites agree to ~1e-6 relative (docs/descriptors.md).
        double scale = si[0].Max(Math.Abs);
        for (int k = 1; k < 3; k++) Assert.True(si[k].Zip(si[0], (a, b) => Math.Abs(a - b)).Max() < 1e-5 * scale);
    }

    [Fact]
    public void CentresOption_SelectsSpecies_AndAMalformedFileNamesLineAndColumn()
    {
        using var temp = new TempDir();
        string csv = Path.Combine(temp.Path, "h.csv");
        var outcome = CliRunner.Run("descriptors", Shared("csd500", "csd_first10.xyz"), "--out", csv, "--nmax", "2", "--lmax", "1", "--centres", "H", "--species", "H,C,N,O");
        Assert.True(outcome.ExitCode == 0, outcome.All);
        Assert.All(File.ReadAllLines(csv).Skip(1), l => Assert.Equal("H", l.Split(',')[2]));

        string bad = temp.File("bad.xyz", "2\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3\nH 0 0 0\nH 0.7 zero 0\n");
        var broken = CliRunner.Run("descriptors", bad, "--out", Path.Combine(temp.Path, "x.csv"));
        Assert.Equal(ExitCodes.UserError, broken.ExitCode);
        Assert.Contains("bad.xyz(4,", broken.Stdout, StringComparison.Ordinal);
        Assert.False(broken.HasStackTrace, broken.All);

        var missing = CliRunner.Run("descriptors", Shared("csd500", "csd_first10.xyz"), "--out", Path.Combine(temp.Path, "y.csv"), "--species", "H,C");
        Assert.Equal(ExitCodes.UserError, missing.ExitCode);
        Assert.Contains("--species does not list", missing.Stderr, StringComparison.Ordinal);
    }
}
