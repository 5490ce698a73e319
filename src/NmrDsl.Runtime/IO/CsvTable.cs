using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using static System.FormattableString;

namespace NmrDsl.Runtime.IO;

/// <summary>
/// A numeric CSV table: a header row of column names, then rows of numbers (invariant culture:
/// '.' decimal point, exponents allowed, NaN/Infinity accepted). Blank lines and lines starting with
/// '#' are skipped; fields may be quoted (RFC 4180) and are trimmed of surrounding spaces.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _index;

    public CsvTable(string filePath, IReadOnlyList<string> headers, double[][] columns)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(columns);
        FilePath = filePath;
        Headers = headers;
        Columns = columns;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < headers.Count; c++)
        {
            _index[headers[c]] = c;
        }
    }

    /// <summary>The file the table was read from, as the caller named it.</summary>
    public string FilePath { get; }

    public IReadOnlyList<string> Headers { get; }

    /// <summary>Columns[c][row].</summary>
    public double[][] Columns { get; }

    public int RowCount => Columns.Length == 0 ? 0 : Columns[0].Length;

    /// <summary>The column called <paramref name="name"/> (ordinal, case-sensitive).</summary>
    public double[] Column(string name)
    {
        if (!_index.TryGetValue(name, out int c))
        {
            throw new KeyNotFoundException($"{FilePath}: no column '{name}'; the columns are {string.Join(", ", Headers)}.");
        }

        return Columns[c];
    }

    public bool HasColumn(string name) => _index.ContainsKey(name);

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="DataFormatException">Malformed content, with file, line and column.</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static CsvTable Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path);
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>; <paramref name="filePath"/> names it in error messages.</summary>
    public static CsvTable Read(TextReader reader, string filePath)
    {
        ArgumentNullException.ThrowIfNull(reader);
        List<Field>? header = null;
        int lineNumber = 0;
        var columns = new List<List<double>>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            List<Field> fields = Split(line, lineNumber, filePath);
            if (header is null)
            {
                header = CheckHeader(fields, lineNumber, filePath);
                foreach (Field _ in header)
                {
                    columns.Add(new List<double>());
                }

                continue;
            }

            if (fields.Count != header.Count)
            {
                int column = fields.Count > header.Count ? fields[header.Count].Column : line.Length + 1;
                throw new DataFormatException(filePath, lineNumber, column, Invariant($"expected {header.Count} values, found {fields.Count}"));
            }

            for (int c = 0; c < fields.Count; c++)
            {
                columns[c].Add(ParseNumber(fields[c], header[c].Text, lineNumber, filePath));
            }
        }

        if (header is null)
        {
            throw new DataFormatException(filePath, Math.Max(lineNumber, 1), 1, "expected a header row, found no data");
        }

        var names = header.ConvertAll(f => f.Text);
        var data = columns.ConvertAll(c => c.ToArray()).ToArray();
        return new CsvTable(filePath, names, data);
    }

    private static List<Field> CheckHeader(List<Field> fields, int lineNumber, string filePath)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Field field in fields)
        {
            if (field.Text.Length == 0)
            {
                throw new DataFormatException(filePath, lineNumber, field.Column, "expected a column name, found an empty field");
            }

            if (!seen.Add(field.Text))
            {
                throw new DataFormatException(filePath, lineNumber, field.Column, $"duplicate column name '{field.Text}'");
            }
        }

        return fields;
    }

    private static double ParseNumber(Field field, string columnName, int lineNumber, string filePath)
    {
        if (double.TryParse(field.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            return value;
        }

        string found = field.Text.Length == 0 ? "an empty field" : $"'{field.Text}'";
        throw new DataFormatException(filePath, lineNumber, field.Column, $"expected a number in column '{columnName}', found {found}");
    }

    /// <summary>Splits one line into trimmed fields with the 1-based column where each starts (after leading spaces).</summary>
    private static List<Field> Split(string line, int lineNumber, string filePath)
    {
        var fields = new List<Field>();
        int i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }

            int start = i;
            string text;
            if (i < line.Length && line[i] == '"')
            {
                var quoted = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        throw new DataFormatException(filePath, lineNumber, start + 1, "unterminated quoted field");
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            quoted.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    quoted.Append(line[i++]);
                }

                while (i < line.Length && line[i] is ' ' or '\t')
                {
                    i++;
                }

                if (i < line.Length && line[i] != ',')
                {
                    throw new DataFormatException(filePath, lineNumber, i + 1, $"expected ',' after a quoted field, found '{line[i]}'");
                }

                text = quoted.ToString();
            }
            else
            {
                int comma = line.IndexOf(',', i);
                int end = comma < 0 ? line.Length : comma;
                text = line[i..end].TrimEnd();
                i = end;
            }

            fields.Add(new Field(text, start + 1));
            if (i >= line.Length)
            {
                return fields;
            }

            i++; // the comma
        }
    }

    private readonly record struct Field(string Text, int Column);
}
