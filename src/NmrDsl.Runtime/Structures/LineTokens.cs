using System.Collections.Generic;
using System.Globalization;
using NmrDsl.Runtime.IO;

namespace NmrDsl.Runtime.Structures;

/// <summary>A whitespace-separated field of a text line with its 1-based column, for file(line,col) messages.</summary>
internal readonly record struct LineToken(string Text, int Column)
{
    /// <summary>The whitespace-separated fields of <paramref name="line"/> with their columns.</summary>
    public static List<LineToken> Split(string line)
    {
        var tokens = new List<LineToken>();
        int i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
            int start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
            if (i > start) tokens.Add(new LineToken(line[start..i], start + 1));
        }

        return tokens;
    }

    /// <summary>The field as an invariant-culture double, or a <see cref="DataFormatException"/> at its position.</summary>
    public double ToDouble(string file, int line, string what)
    {
        if (double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) return value;
        // Fortran writes exponents as 1.0D+00.
        if (double.TryParse(Text.Replace('D', 'E').Replace('d', 'e'), NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return value;
        throw new DataFormatException(file, line, Column, $"expected a number for {what}, found '{Text}'");
    }

    /// <summary>The field as an invariant-culture integer, or a <see cref="DataFormatException"/> at its position.</summary>
    public int ToInt(string file, int line, string what) =>
        int.TryParse(Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new DataFormatException(file, line, Column, $"expected an integer for {what}, found '{Text}'");
}
