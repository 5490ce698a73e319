using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NmrDsl.Runtime.IO;

namespace NmrDsl.Runtime.Structures;

/// <summary>
/// Reader of CCP-NC <c>.magres</c> files (format v1.0, /work/shared/reference/descriptors.md §2): blocks
/// <c>[atoms]…[/atoms]</c> and <c>[magres]…[/magres]</c> (older files use <c>&lt;atoms&gt;…&lt;/atoms&gt;</c>),
/// <c>units TAG UNIT</c>, <c>lattice</c> (nine numbers, rows are lattice vectors), <c>atom SPECIES LABEL INDEX x y z</c>,
/// <c>ms LABEL INDEX σ₁₁ … σ₃₃</c> (row-major), <c>efg</c> likewise; other tags (symmetry, isc, sus, efg_local …)
/// are skipped. ms and efg lines find their atom through (label, index), so custom labels (ethanol: <c>atom H H1 1</c>,
/// <c>ms H1 1</c>) map to the species of the atom line. Lengths in Angstrom or Bohr, shielding in ppm.
/// </summary>
public static class MagresReader
{
    private const double BohrInAngstrom = 0.529177210903;

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="DataFormatException">Malformed content, with file, line and column.</exception>
    public static MagresFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path);
    }

    /// <summary>Reads magres text from <paramref name="reader"/>; <paramref name="file"/> names it in messages.</summary>
    public static MagresFile Read(TextReader reader, string file)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        var species = new List<string>();
        var labels = new List<string>();
        var indices = new List<int>();
        var positions = new List<Vec3>();
        var site = new Dictionary<(string, int), int>();
        var tensors = new List<(string Tag, string Label, int Index, double[] Values, int Line, int Column)>();
        double[]? lattice = null;
        int latticeLine = 0;
        string block = string.Empty;
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            if (BlockTag(trimmed) is { } tag)
            {
                if (tag.Closing)
                {
                    if (tag.Name != block) throw new DataFormatException(file, lineNumber, line.IndexOf(trimmed[0]) + 1, $"'{trimmed}' closes a block that is not open (open: '{block}')");
                    block = string.Empty;
                }
                else
                {
                    if (block.Length > 0) throw new DataFormatException(file, lineNumber, line.IndexOf(trimmed[0]) + 1, $"block '{tag.Name}' opened inside '{block}'");
                    block = tag.Name;
                }

                continue;
            }

            if (block is not ("atoms" or "magres")) continue;
            List<LineToken> t = LineToken.Split(line);
            switch (t[0].Text)
            {
                case "units":
                    Expect(t, 3, file, lineNumber, "units TAG UNIT");
                    units[t[1].Text] = t[2].Text;
                    break;
                case "lattice" when block == "atoms":
                    Expect(t, 10, file, lineNumber, "lattice followed by nine numbers");
                    lattice = t.Skip(1).Select(x => x.ToDouble(file, lineNumber, "lattice")).ToArray();
                    latticeLine = lineNumber;
                    break;
                case "atom" when block == "atoms":
                {
                    Expect(t, 7, file, lineNumber, "atom SPECIES LABEL INDEX x y z");
                    if (!Elements.TryGetAtomicNumber(t[1].Text, out _)) throw new DataFormatException(file, lineNumber, t[1].Column, $"unknown element symbol '{t[1].Text}'");
                    int index = t[3].ToInt(file, lineNumber, "the atom index");
                    if (!site.TryAdd((t[2].Text, index), species.Count)) throw new DataFormatException(file, lineNumber, t[2].Column, $"duplicate atom {t[2].Text} {index}");
                    species.Add(t[1].Text);
                    labels.Add(t[2].Text);
                    indices.Add(index);
                    positions.Add(new Vec3(t[4].ToDouble(file, lineNumber, "x"), t[5].ToDouble(file, lineNumber, "y"), t[6].ToDouble(file, lineNumber, "z")));
                    break;
                }

                case "ms" or "efg" when block == "magres":
                {
                    Expect(t, 12, file, lineNumber, t[0].Text + " LABEL INDEX followed by nine numbers");
                    double[] values = t.Skip(3).Select(x => x.ToDouble(file, lineNumber, t[0].Text + " tensor")).ToArray();
                    tensors.Add((t[0].Text, t[1].Text, t[2].ToInt(file, lineNumber, "the atom index"), values, lineNumber, t[1].Column));
                    break;
                }
            }
        }

        if (block.Length > 0) throw new DataFormatException(file, lineNumber + 1, 1, $"unexpected end of file: block '{block}' is not closed");
        if (species.Count == 0) throw new DataFormatException(file, lineNumber + 1, 1, "no atom lines found (expected an [atoms] block)");
        double lengthScale = LengthScale(units, "atom", file);
        var positionsAngstrom = positions.Select(p => p * lengthScale).ToArray();
        Lattice? cell = null;
        if (lattice is not null)
        {
            double s = LengthScale(units, "lattice", file);
            try
            {
                cell = new Lattice(new Vec3(lattice[0], lattice[1], lattice[2]) * s, new Vec3(lattice[3], lattice[4], lattice[5]) * s, new Vec3(lattice[6], lattice[7], lattice[8]) * s);
            }
            catch (ArgumentException e)
            {
                throw new DataFormatException(file, latticeLine, 1, e.Message);
            }
        }

        if (units.TryGetValue("ms", out string? msUnit) && msUnit != "ppm") throw new DataFormatException(file, 1, 1, $"ms tensors in '{msUnit}'; only ppm is supported");
        var shielding = new double[]?[species.Count];
        var efg = new double[]?[species.Count];
        foreach (var (tag, label, index, values, tensorLine, column) in tensors)
        {
            if (!site.TryGetValue((label, index), out int atom)) throw new DataFormatException(file, tensorLine, column, $"{tag} for {label} {index}, which no atom line declares");
            (tag == "ms" ? shielding : efg)[atom] = values;
        }

        double[] sigmaIso = shielding.Select(s => s is null ? double.NaN : MagresFile.Trace(s) / 3).ToArray();
        var structure = new Structure(species, positionsAngstrom, cell, [new AtomProperty(MagresFile.SigmaIsoProperty, 1, sigmaIso)]);
        return new MagresFile(structure, labels.ToArray(), indices.ToArray(), shielding, efg, units);
    }

    private static (string Name, bool Closing)? BlockTag(string trimmed)
    {
        if (trimmed.Length > 2 && ((trimmed[0] == '[' && trimmed[^1] == ']') || (trimmed[0] == '<' && trimmed[^1] == '>')))
        {
            string inner = trimmed[1..^1].Trim();
            return inner.StartsWith('/') ? (inner[1..].Trim(), true) : (inner, false);
        }

        return null;
    }

    private static void Expect(List<LineToken> tokens, int count, string file, int line, string form)
    {
        if (tokens.Count != count)
        {
            int column = tokens.Count > count ? tokens[count].Column : tokens[^1].Column + tokens[^1].Text.Length;
            throw new DataFormatException(file, line, column, $"expected {count} fields ({form}), found {tokens.Count}");
        }
    }

    private static double LengthScale(Dictionary<string, string> units, string tag, string file) =>
        !units.TryGetValue(tag, out string? unit) || unit == "Angstrom" ? 1.0
        : unit == "Bohr" ? BohrInAngstrom
        : throw new DataFormatException(file, 1, 1, $"length unit '{unit}' for {tag}; expected Angstrom or Bohr");
}
