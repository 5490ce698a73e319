using System;
using System.Globalization;
using System.IO;
using System.Linq;
using NmrDsl.Runtime.IO;
using NmrDsl.Runtime.Structures;

namespace NmrDsl.Runtime.Tests.Structures;

/// <summary>
/// Extended-XYZ reading of /work/shared/data/structures/csd500/csd_first10.xyz (Paruzzo et al. 2018, 10 molecular
/// crystals with Lattice and Properties=species:S:1:pos:R:3:CS:R:2): counts, cells and the CS columns are checked
/// against the text of the file itself, re-split independently here.
/// </summary>
public sealed class ExtendedXyzReaderTests
{
    [Fact]
    public void Csd_first10_frames_parse_with_lattice_and_cs_columns()
    {
        string path = SharedFixtures.Path("structures/csd500/csd_first10.xyz");
        var frames = ExtendedXyzReader.ReadAll(path);
        Assert.Equal(10, frames.Count);
        string[] lines = File.ReadAllLines(path);
        int offset = 0;
        foreach (Structure frame in frames)
        {
            int n = int.Parse(lines[offset], CultureInfo.InvariantCulture);
            Assert.Equal(n, frame.Count);
            Assert.True(frame.IsPeriodic);
            Assert.Equal(frame.Info["Natoms"], n.ToString(CultureInfo.InvariantCulture));
            Assert.True(frame.Info.ContainsKey("NAME"));
            AtomProperty cs = frame.Property("CS");
            Assert.Equal(2, cs.Components);
            for (int i = 0; i < n; i++)
            {
                string[] f = lines[offset + 2 + i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(f[0], frame.Species[i]);
                Assert.Equal(double.Parse(f[3], CultureInfo.InvariantCulture), frame.Positions[i].Z);
                Assert.Equal(double.Parse(f[4], CultureInfo.InvariantCulture), cs[i, 0]);
                Assert.Equal(double.Parse(f[5], CultureInfo.InvariantCulture), cs[i, 1]);
            }

            offset += n + 2;
        }

        Assert.Equal("COBHUW", frames[0].Info["NAME"]);
        Assert.Equal(new Vec3(0.158219155128, 14.5042431863, 0.0), frames[0].Lattice!.B);
        Assert.Equal(new[] { 1, 6, 7, 8 }.Intersect(frames[0].DistinctAtomicNumbers()).Count(), frames[0].DistinctAtomicNumbers().Length);
    }

    [Fact]
    public void Plain_molecule_and_pbc_flags()
    {
        var water = ExtendedXyzReader.Read(new StringReader("3\nwater\nO 0 0 0\nH 0.96 0 0\nH -0.24 0.93 0\n"), "w.xyz").Single();
        Assert.Null(water.Lattice);
        Assert.False(water.IsPeriodic);
        Assert.Equal(new[] { 8, 1, 1 }, water.AtomicNumbers);

        var slab = ExtendedXyzReader.Read(new StringReader("1\nLattice=\"3 0 0 0 3 0 0 0 20\" pbc=\"T T F\" Properties=species:S:1:pos:R:3:tag:I:1\nSi 0 0 1 7\n"), "s.xyz").Single();
        Assert.Equal(new[] { true, true, false }, slab.Lattice!.Periodic);
        Assert.Equal(7.0, slab.Property("tag")[0]);
    }

    [Theory]
    [InlineData("2\nx\nH 0 0 0\n", 4, 1, "the frame declares 2 atoms, found 1")]
    [InlineData("1\nLattice=\"1 0 0 0 1 0 0 0\"\nH 0 0 0\n", 2, 10, "Lattice needs 9 numbers, found 8")]
    [InlineData("1\nProperties=species:S:1:pos:R:3:CS:R:2\nH 0 0 0 1.5 abc\n", 3, 13, "expected a number for CS, found 'abc'")]
    [InlineData("1\nx\nH 0 0 0 9\n", 3, 9, "expected 4 fields")]
    [InlineData("two\nx\n", 1, 1, "expected an integer for the atom count")]
    [InlineData("1\nx\nXx 0 0 0\n", 3, 1, "unknown element symbol 'Xx'")]
    public void Malformed_input_names_file_line_and_column(string text, int line, int column, string reason)
    {
        var e = Assert.Throws<DataFormatException>(() => ExtendedXyzReader.Read(new StringReader(text), "bad.xyz").ToList());
        Assert.Equal(("bad.xyz", line, column), (e.FilePath, e.Line, e.Column));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }
}
