using System;
using static System.FormattableString;

namespace NmrDsl.Runtime.IO;

/// <summary>
/// Malformed data in an input file, with its position: the message reads like a compiler diagnostic,
/// <c>data.csv(12,3): expected a number in column 'y', found 'abc'</c>, so the CLI can print it as a user
/// error (exit code 1) that names the file, line and column.
/// </summary>
public sealed class DataFormatException : FormatException
{
    public DataFormatException()
        : this("(unknown)", 0, 0, "malformed data")
    {
    }

    public DataFormatException(string message)
        : base(message)
    {
        FilePath = string.Empty;
        Reason = message;
    }

    public DataFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = string.Empty;
        Reason = message;
    }

    /// <param name="filePath">The file as the caller named it.</param>
    /// <param name="line">1-based line.</param>
    /// <param name="column">1-based character column where the offending field starts.</param>
    /// <param name="reason">What was expected and what was found.</param>
    public DataFormatException(string filePath, int line, int column, string reason)
        : base(Invariant($"{filePath}({line},{column}): {reason}"))
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>The file, as the caller named it.</summary>
    public string FilePath { get; }

    /// <summary>1-based line number.</summary>
    public int Line { get; }

    /// <summary>1-based character column.</summary>
    public int Column { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Reason { get; }
}
