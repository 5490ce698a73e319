using System;
using System.Globalization;
using System.IO;
using System.Linq;
using NmrDsl.Runtime.IO;
using NmrDsl.Runtime.Structures;

namespace NmrDsl.Runtime.Tests.Structures;

/// <summary>
/// .magres parsing against the fixtures in /work/shared/data/structures/magres (quartz QE-GIPAW, silicon CASTEP,
/// ethanol CASTEP with custom labels): σ_iso = tr σ / 3 must print, to the six decimals of the fixture CSVs
/// (*_sigma_iso.csv, derived independently), exactly the CSV digits.
/// </summary>
public sealed class MagresReaderTests
{
    [Theory]
    [InlineData("quartz.nmr")]
    [InlineData("silicon")]
    [InlineData("ethanol_nmr")]
    public void Isotropic_shieldings_reproduce_the_fixture_csv_digits(string name)
    {
        MagresFile magres = MagresReader.Read(SharedFixtures.Path($"structures/magres/{name}.magres"));
        string[] rows = File.ReadAllLines(SharedFixtures.Path($"structures/magres/{name}_sigma_iso.csv")).Skip(1).Where(l => l.Length > 0).ToArray();
        Assert.Equal(rows.Length, magres.Shielding.Count(s => s is not null));
        foreach (string row in rows)
        {
            string[] f = row.Split(',');
            int atom = Enumerable.Range(0, magres.Labels.Length).Single(i => magres.Labels[i] == f[0] && magres.Indices[i] == int.Parse(f[1], CultureInfo.InvariantCulture));
            Assert.Equal(f[2], magres.SigmaIso(atom).ToString("F6", CultureInfo.InvariantCulture));
            Assert.Equal(magres.SigmaIso(atom), magres.Structure.Property(MagresFile.SigmaIsoProperty)[atom]);
        }
    }

    [Fact]
    public void Custom_labels_map_to_species_and_the_cell_is_read()
    {
        MagresFile ethanol = MagresReader.Read(SharedFixtures.Path("structures/magres/ethanol_nmr.magres"));
        Assert.Equal(["H", "H", "H", "H", "H", "H", "C", "C", "O"], ethanol.Structure.Species);
        Assert.Equal(["H1", "H1", "H1", "H2", "H2", "H2", "C1", "C2", "O1"], ethanol.Labels);
        Assert.Equal(216.0, ethanol.Structure.Lattice!.Volume, 10);
        Assert.All(ethanol.Efg, e => Assert.NotNull(e));
        Assert.Equal("ppm", ethanol.Units["ms"]);

        MagresFile quartz = MagresReader.Read(SharedFixtures.Path("structures/magres/quartz.nmr.magres"));
        Assert.Equal(new[] { 14, 14, 14, 8, 8, 8, 8, 8, 8 }, quartz.Structure.AtomicNumbers);
        Assert.Equal(new Vec3(1.154658, -1.999934, 1.801210), quartz.Structure.Positions[0]);
        Assert.Equal(new Vec3(0, 0, 5.403631), quartz.Structure.Lattice!.C);
    }

    [Fact]
    public void Old_style_atoms_block_is_read()
    {
        const string text = "#$magres-abinitio-v1.0\n<atoms>\nunits atom Angstrom\natom Na Na 1 0 0 0\n</atoms>\n[magres]\nunits ms ppm\nms Na 1 1 0 0 0 2 0 0 0 6\n[/magres]\n";
        MagresFile m = MagresReader.Read(new StringReader(text), "na.magres");
        Assert.Null(m.Structure.Lattice);
        Assert.Equal(3.0, m.SigmaIso(0));
    }

    [Theory]
    [InlineData("[atoms]\natom H H 1 0 0 x\n[/atoms]\n", 2, 16, "expected a number for z")]
    [InlineData("[atoms]\natom Qq H 1 0 0 0\n[/atoms]\n", 2, 6, "unknown element symbol 'Qq'")]
    [InlineData("[atoms]\natom H H 1 0 0 0\n[/atoms]\n[magres]\nms H 2 1 0 0 0 1 0 0 0 1\n[/magres]\n", 5, 4, "ms for H 2, which no atom line declares")]
    [InlineData("[atoms]\natom H H 1 0 0\n[/atoms]\n", 2, 15, "expected 7 fields")]
    [InlineData("[atoms]\natom H H 1 0 0 0\n", 3, 1, "block 'atoms' is not closed")]
    public void Malformed_input_names_file_line_and_column(string text, int line, int column, string reason)
    {
        var e = Assert.Throws<DataFormatException>(() => MagresReader.Read(new StringReader(text), "bad.magres"));
        Assert.Equal(("bad.magres", line, column), (e.FilePath, e.Line, e.Column));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"bad.magres({line},{column}): ", e.Message, StringComparison.Ordinal);
    }
}
