using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NmrDsl.Runtime.IO;

namespace NmrDsl.Runtime.Structures;

/// <summary>
/// Reader of (extended) XYZ files, one or more frames: a line with the atom count, a comment line of key=value pairs
/// (values may be double-quoted; <c>Lattice="ax ay az bx by bz cx cy cz"</c> in Å with rows the lattice vectors,
/// <c>pbc="T T T"</c>, <c>Properties=name:type:count:…</c> with types S, R, I, L), then one line per atom. Without
/// <c>Properties</c> the columns are <c>species:S:1:pos:R:3</c>; without <c>Lattice</c> the frame is a non-periodic
/// molecule; a lattice without <c>pbc</c> is periodic along all three axes (the ASE convention). Real, integer and
/// logical columns other than pos become <see cref="AtomProperty"/> values; other keys go to <see cref="Structure.Info"/>.
/// </summary>
public static class ExtendedXyzReader
{
    /// <summary>Every frame of <paramref name="path"/>.</summary>
    /// <exception cref="DataFormatException">Malformed content, with file, line and column.</exception>
    public static IReadOnlyList<Structure> ReadAll(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path).ToList();
    }

    /// <summary>The frames of the XYZ text in <paramref name="reader"/>, lazily; <paramref name="file"/> names it in messages.</summary>
    public static IEnumerable<Structure> Read(TextReader reader, string file)
    {
        ArgumentNullException.ThrowIfNull(reader);
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            List<LineToken> countTokens = LineToken.Split(line);
            int count = countTokens[0].ToInt(file, lineNumber, "the atom count");
            if (count < 0 || countTokens.Count != 1)
            {
                throw new DataFormatException(file, lineNumber, countTokens[0].Column, $"expected one non-negative atom count on the first line of a frame, found '{line.Trim()}'");
            }

            string? comment = reader.ReadLine();
            lineNumber++;
            if (comment is null) throw new DataFormatException(file, lineNumber, 1, "unexpected end of file: missing the comment line of the frame");
            yield return ReadFrame(reader, file, count, comment, ref lineNumber);
        }
    }

    private static Structure ReadFrame(TextReader reader, string file, int count, string comment, ref int lineNumber)
    {
        int commentLine = lineNumber;
        Dictionary<string, (string Value, int Column)> keys = ParseComment(comment, file, commentLine);
        List<Column> columns = keys.TryGetValue("Properties", out var properties)
            ? ParseProperties(properties.Value, file, commentLine, properties.Column)
            : [new Column("species", 'S', 1), new Column("pos", 'R', 3)];
        if (!columns.Any(c => c.Name == "species" && c.Type == 'S' && c.Count == 1) || !columns.Any(c => c.Name == "pos" && c.Type == 'R' && c.Count == 3))
        {
            throw new DataFormatException(file, commentLine, properties.Column, "Properties must contain species:S:1 and pos:R:3");
        }

        Lattice? lattice = null;
        if (keys.TryGetValue("Lattice", out var latticeField))
        {
            double[] v = Numbers(latticeField.Value, file, commentLine, latticeField.Column, 9, "Lattice");
            bool[] pbc = [true, true, true];
            if (keys.TryGetValue("pbc", out var pbcField)) pbc = Flags(pbcField.Value, file, commentLine, pbcField.Column);
            try
            {
                lattice = new Lattice(new Vec3(v[0], v[1], v[2]), new Vec3(v[3], v[4], v[5]), new Vec3(v[6], v[7], v[8]), pbc[0], pbc[1], pbc[2]);
            }
            catch (ArgumentException e)
            {
                throw new DataFormatException(file, commentLine, latticeField.Column, e.Message);
            }
        }

        int width = columns.Sum(c => c.Count);
        var species = new string[count];
        var positions = new Vec3[count];
        List<Column> numeric = columns.Where(c => c.Type != 'S').ToList();
        var values = numeric.ToDictionary(c => c.Name, c => new double[count * c.Count], StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string? line = reader.ReadLine();
            lineNumber++;
            if (line is null) throw new DataFormatException(file, lineNumber, 1, $"unexpected end of file: the frame declares {count} atoms, found {i}");
            List<LineToken> tokens = LineToken.Split(line);
            if (tokens.Count != width)
            {
                int column = tokens.Count > width ? tokens[width].Column : line.Length + 1;
                throw new DataFormatException(file, lineNumber, column, $"expected {width} fields ({Describe(columns)}), found {tokens.Count}");
            }

            int t = 0;
            foreach (Column c in columns)
            {
                for (int k = 0; k < c.Count; k++, t++)
                {
                    LineToken token = tokens[t];
                    switch (c.Type)
                    {
                        case 'S' when c.Name == "species":
                            if (!Elements.TryGetAtomicNumber(token.Text, out _)) throw new DataFormatException(file, lineNumber, token.Column, $"unknown element symbol '{token.Text}'");
                            species[i] = token.Text;
                            break;
                        case 'S':
                            break;
                        case 'L':
                            values[c.Name][i * c.Count + k] = Logical(token, file, lineNumber) ? 1 : 0;
                            break;
                        case 'I':
                            values[c.Name][i * c.Count + k] = token.ToInt(file, lineNumber, c.Name);
                            break;
                        default:
                            values[c.Name][i * c.Count + k] = token.ToDouble(file, lineNumber, c.Name);
                            break;
                    }
                }
            }

            double[] pos = values["pos"];
            positions[i] = new Vec3(pos[3 * i], pos[3 * i + 1], pos[3 * i + 2]);
        }

        var info = keys.Where(k => k.Key is not ("Properties" or "Lattice" or "pbc")).ToDictionary(k => k.Key, k => k.Value.Value, StringComparer.Ordinal);
        var atomProperties = numeric.Where(c => c.Name != "pos").Select(c => new AtomProperty(c.Name, c.Count, values[c.Name]));
        return new Structure(species, positions, lattice, atomProperties, info);
    }

    private readonly record struct Column(string Name, char Type, int Count);

    private static string Describe(List<Column> columns) => string.Join(":", columns.Select(c => FormattableString.Invariant($"{c.Name}:{c.Type}:{c.Count}")));

    /// <summary>key=value pairs of the comment line; a value may be double-quoted; a bare key means "T".</summary>
    private static Dictionary<string, (string Value, int Column)> ParseComment(string comment, string file, int line)
    {
        var keys = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        int i = 0;
        while (i < comment.Length)
        {
            while (i < comment.Length && char.IsWhiteSpace(comment[i])) i++;
            if (i >= comment.Length) break;
            int keyStart = i;
            while (i < comment.Length && comment[i] != '=' && !char.IsWhiteSpace(comment[i])) i++;
            string key = comment[keyStart..i];
            if (i >= comment.Length || comment[i] != '=')
            {
                keys[key] = ("T", keyStart + 1);
                continue;
            }

            i++;
            int valueStart = i;
            string value;
            if (i < comment.Length && comment[i] == '"')
            {
                int close = comment.IndexOf('"', i + 1);
                if (close < 0) throw new DataFormatException(file, line, valueStart + 1, $"unterminated quoted value of '{key}'");
                value = comment[(i + 1)..close];
                i = close + 1;
                valueStart++;
            }
            else
            {
                while (i < comment.Length && !char.IsWhiteSpace(comment[i])) i++;
                value = comment[valueStart..i];
            }

            keys[key] = (value, valueStart + 1);
        }

        return keys;
    }

    private static List<Column> ParseProperties(string text, string file, int line, int column)
    {
        string[] parts = text.Split(':');
        if (parts.Length % 3 != 0) throw new DataFormatException(file, line, column, $"Properties must be name:type:count triples, found '{text}'");
        var columns = new List<Column>();
        for (int p = 0; p < parts.Length; p += 3)
        {
            string type = parts[p + 1];
            if (type is not ("S" or "R" or "I" or "L")) throw new DataFormatException(file, line, column, $"property '{parts[p]}' has type '{type}'; expected S, R, I or L");
            if (!int.TryParse(parts[p + 2], NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1)
            {
                throw new DataFormatException(file, line, column, $"property '{parts[p]}' has count '{parts[p + 2]}'; expected a positive integer");
            }

            columns.Add(new Column(parts[p], type[0], count));
        }

        return columns;
    }

    private static double[] Numbers(string text, string file, int line, int column, int expected, string what)
    {
        List<LineToken> tokens = LineToken.Split(text);
        if (tokens.Count != expected) throw new DataFormatException(file, line, column, $"{what} needs {expected} numbers, found {tokens.Count}");
        return tokens.Select(t => (t with { Column = column + t.Column - 1 }).ToDouble(file, line, what)).ToArray();
    }

    private static bool[] Flags(string text, string file, int line, int column)
    {
        List<LineToken> tokens = LineToken.Split(text);
        if (tokens.Count != 3) throw new DataFormatException(file, line, column, $"pbc needs 3 flags, found {tokens.Count}");
        return tokens.Select(t => Logical(t with { Column = column + t.Column - 1 }, file, line)).ToArray();
    }

    private static bool Logical(LineToken token, string file, int line) => token.Text switch
    {
        "T" or "True" or "true" or "1" => true,
        "F" or "False" or "false" or "0" => false,
        _ => throw new DataFormatException(file, line, token.Column, $"expected a logical value T or F, found '{token.Text}'"),
    };
}
