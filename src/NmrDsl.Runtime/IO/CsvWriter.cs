using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using static System.FormattableString;

namespace NmrDsl.Runtime.IO;

/// <summary>
/// Writes numeric CSV files: a header row, then one row per record; invariant culture, "R"
/// (shortest round-trip) number format, "\n" line ends, UTF-8 without BOM, written atomically.
/// Reading the file back with <see cref="CsvTable.Read(string)"/> gives the same doubles bit for bit, on any
/// machine and in any culture (a fi-FI machine would otherwise write "0,5").
/// </summary>
public static class CsvWriter
{
    /// <summary>Writes <paramref name="rows"/> under <paramref name="header"/>; every row must have one value per column.</summary>
    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<double>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        CheckHeader(header);
        AtomicFile.WriteText(path, writer =>
        {
            WriteHeader(writer, header);
            int index = 0;
            foreach (IReadOnlyList<double> row in rows)
            {
                if (row.Count != header.Count)
                {
                    throw new ArgumentException(Invariant($"Row {index} has {row.Count} values for {header.Count} columns."), nameof(rows));
                }

                for (int c = 0; c < row.Count; c++)
                {
                    if (c > 0)
                    {
                        writer.Write(',');
                    }

                    writer.Write(Format(row[c]));
                }

                writer.Write('\n');
                index++;
            }
        });
    }

    /// <summary>Writes equal-length <paramref name="columns"/> under <paramref name="header"/>.</summary>
    public static void WriteColumns(string path, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<double>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(header);
        if (columns.Count != header.Count)
        {
            throw new ArgumentException(Invariant($"{columns.Count} columns for {header.Count} names."), nameof(columns));
        }

        int rows = columns.Count == 0 ? 0 : columns[0].Count;
        foreach (IReadOnlyList<double> column in columns)
        {
            if (column.Count != rows)
            {
                throw new ArgumentException("Columns must have equal lengths.", nameof(columns));
            }
        }

        Write(path, header, RowsOf(columns, rows));
    }

    /// <summary>A double as written: invariant culture, shortest string that parses back to the same bits.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A header field, quoted per RFC 4180 when it contains a comma, quote, line break or edge spaces.</summary>
    public static string Quote(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        bool needsQuotes = field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])));
        return needsQuotes ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    private static IEnumerable<IReadOnlyList<double>> RowsOf(IReadOnlyList<IReadOnlyList<double>> columns, int rows)
    {
        var row = new double[columns.Count];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < row.Length; c++)
            {
                row[c] = columns[c][r];
            }

            yield return row;
        }
    }

    private static void WriteHeader(TextWriter writer, IReadOnlyList<string> header)
    {
        var line = new StringBuilder();
        for (int c = 0; c < header.Count; c++)
        {
            if (c > 0)
            {
                line.Append(',');
            }

            line.Append(Quote(header[c]));
        }

        writer.Write(line.ToString());
        writer.Write('\n');
    }

    private static void CheckHeader(IReadOnlyList<string> header)
    {
        if (header.Count == 0)
        {
            throw new ArgumentException("A CSV file needs at least one column.", nameof(header));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in header)
        {
            if (string.IsNullOrEmpty(name) || !seen.Add(name))
            {
                throw new ArgumentException($"Column names must be non-empty and distinct; '{name}' is not.", nameof(header));
            }
        }
    }
}
