using System;
using System.Globalization;
using NmrDsl.Generators.Syntax;

namespace NmrDsl.Generators.Diagnostics;

/// <summary>
/// A diagnostic kept as plain data (no Roslyn Location or Compilation), so pipeline models stay
/// equatable; it becomes a Roslyn Diagnostic only at output time (dotnet/runtime DiagnosticInfo,
/// StronglyTypedId LocationInfo).
/// </summary>
public sealed record DiagnosticInfo(string Id, NmrSeverity Severity, string Message, string FilePath, SourceSpan Span)
{
    public static DiagnosticInfo Create(DiagnosticDescriptorInfo descriptor, string filePath, SourceSpan span, params object?[] args)
        => new(descriptor.Id, descriptor.Severity, descriptor.Format(args), filePath, span);

    public bool IsError => Severity == NmrSeverity.Error;

    /// <summary>MSBuild/compiler style: <c>path(line,col): error NMR1234: message</c>.</summary>
    public string ToCompilerString()
    {
        string severity = Severity switch
        {
            NmrSeverity.Error => "error",
            NmrSeverity.Warning => "warning",
            _ => "info",
        };
        return string.Format(CultureInfo.InvariantCulture, "{0}({1},{2}): {3} {4}: {5}", FilePath, Span.Line, Span.Column, severity, Id, Message);
    }

    public override string ToString() => ToCompilerString();
}

/// <summary>A catalogued diagnostic: ID, severity, title and a message format.</summary>
public sealed record DiagnosticDescriptorInfo(string Id, NmrSeverity Severity, string Title, string MessageFormat, string Category)
{
    public string Format(object?[] args) => args.Length == 0 ? MessageFormat : string.Format(CultureInfo.InvariantCulture, MessageFormat, args);
}
