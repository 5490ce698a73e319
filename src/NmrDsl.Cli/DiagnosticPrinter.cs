using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using NmrDsl.Generators.Diagnostics;
using NmrDsl.Generators.Syntax;

namespace NmrDsl.Cli;

/// <summary>
/// Diagnostics the command-line driver itself reports (before or around the front end).
/// NMR0001 (file not found) is the front end catalogue's; the driver's own use the NMR9xxx range,
/// apart from the catalogue's phase ranges (NMR0xxx syntax, 1xxx names and units, 2xxx physics, 3xxx emission).
/// </summary>
internal static class CliDiagnostics
{
    public const string FileNotFound = "NMR0001";
    public const string FileUnreadable = "NMR9001";
    public const string MalformedOverride = "NMR9002";
    public const string UnknownOverride = "NMR9003";
    public const string NotOverridable = "NMR9004";
    public const string IncompatibleOverrideUnit = "NMR9005";
    public const string DuplicateOverride = "NMR9006";
    public const string NoJob = "NMR9007";
    public const string OutputCollision = "NMR9008";
    public const string JobRejectedInput = "NMR9009";
    public const string MalformedData = "NMR9010";

    /// <summary>An error about a whole file (no line): printed as <c>path: error NMR0001: message</c>.</summary>
    public static DiagnosticInfo FileError(string id, string path, string message)
        => new(id, NmrSeverity.Error, message, path, default);

    /// <summary>An error at a line and column of a spec.</summary>
    public static DiagnosticInfo At(string id, string path, int line, int column, string message)
        => new(id, NmrSeverity.Error, message, path, new SourceSpan(0, 0, line, column, line, column));
}

/// <summary>Prints diagnostics in the MSBuild/compiler format <c>path(line,col): error NMR1234: message</c>.</summary>
internal static class DiagnosticPrinter
{
    /// <summary>Formats one diagnostic; file-level ones (line 0) omit the <c>(line,col)</c> part.</summary>
    public static string Format(DiagnosticInfo diagnostic)
    {
        if (diagnostic.Span.Line > 0) return diagnostic.ToCompilerString();
        return string.Format(CultureInfo.InvariantCulture, "{0}: {1} {2}: {3}",
            diagnostic.FilePath, SeverityText(diagnostic.Severity), diagnostic.Id, diagnostic.Message);
    }

    public static string SeverityText(NmrSeverity severity) => severity switch
    {
        NmrSeverity.Error => "error",
        NmrSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>Writes every diagnostic, one a line, and adds them to <paramref name="counts"/>.</summary>
    public static void Print(TextWriter writer, IEnumerable<DiagnosticInfo> diagnostics, DiagnosticCounts counts)
    {
        foreach (var d in diagnostics)
        {
            writer.WriteLine(Format(d));
            counts.Add(d.Severity);
        }
    }

    /// <summary>The closing line, e.g. <c>2 specs checked: 1 error, 0 warnings</c>.</summary>
    public static string Summary(int specs, DiagnosticCounts counts, string verb)
        => string.Format(CultureInfo.InvariantCulture, "{0} {1} {2}: {3} {4}, {5} {6}",
            specs, specs == 1 ? "spec" : "specs", verb,
            counts.Errors, counts.Errors == 1 ? "error" : "errors",
            counts.Warnings, counts.Warnings == 1 ? "warning" : "warnings");
}

/// <summary>Running totals of diagnostics by severity.</summary>
internal sealed class DiagnosticCounts
{
    public int Errors { get; private set; }
    public int Warnings { get; private set; }
    public int Infos { get; private set; }

    public void Add(NmrSeverity severity)
    {
        switch (severity)
        {
            case NmrSeverity.Error: Errors++; break;
            case NmrSeverity.Warning: Warnings++; break;
            default: Infos++; break;
        }
    }

    public override string ToString() => FormattableString.Invariant($"{Errors} errors, {Warnings} warnings");
}
