using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using NmrDsl.Generators.Diagnostics;
using NmrDsl.Generators.Syntax;

namespace NmrDsl.Cli;

/// <summary>
/// Diagnostics the command-line driver itself reports (before or around the front end). Their IDs
/// come from the one catalogue (DiagnosticCatalog: NMR0001 file not found, NMR9xxx driver range),
/// which docs/diagnostics.md documents.
/// </summary>
internal static class CliDiagnostics
{
    public static readonly string FileNotFound = DiagnosticCatalog.FileNotFound.Id;
    public static readonly string FileUnreadable = DiagnosticCatalog.FileUnreadable.Id;
    public static readonly string MalformedOverride = DiagnosticCatalog.MalformedOverride.Id;
    public static readonly string UnknownOverride = DiagnosticCatalog.UnknownOverride.Id;
    public static readonly string NotOverridable = DiagnosticCatalog.NotOverridable.Id;
    public static readonly string IncompatibleOverrideUnit = DiagnosticCatalog.IncompatibleOverrideUnit.Id;
    public static readonly string DuplicateOverride = DiagnosticCatalog.DuplicateOverride.Id;
    public static readonly string NoJob = DiagnosticCatalog.NoJob.Id;
    public static readonly string OutputCollision = DiagnosticCatalog.OutputCollision.Id;
    public static readonly string JobRejectedInput = DiagnosticCatalog.JobRejectedInput.Id;
    public static readonly string MalformedData = DiagnosticCatalog.MalformedData.Id;

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
