using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using NmrDsl.Generators.Diagnostics;
using NmrDsl.Generators.Model;

namespace NmrDsl.Generators;

/// <summary>
/// Incremental source generator: every <c>*.nmr</c> AdditionalFile is compiled by the NmrDsl
/// front end into C#. Pipeline (Roslyn cookbook; dotnet/runtime Regex and STJ generators):
/// additional text → <see cref="SpecInput"/> (path + text) → <see cref="SpecCompilation"/>
/// (equatable: diagnostics as data + generated text) → AddSource/ReportDiagnostic. It never
/// combines with the Compilation, so C# edits do not re-parse specs, and an unchanged model
/// (e.g. after a whitespace-only spec edit) skips output.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NmrSpecGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var ns = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) =>
            {
                if (options.GlobalOptions.TryGetValue("build_property.NmrDslNamespace", out var configured) && !string.IsNullOrWhiteSpace(configured)) return configured.Trim();
                if (options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var root) && !string.IsNullOrWhiteSpace(root)) return root.Trim();
                return "NmrDsl.Generated";
            })
            .WithTrackingName(NmrSpecGeneratorSteps.Namespace);

        var inputs = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".nmr", StringComparison.OrdinalIgnoreCase))
            .Select(static (text, ct) => new SpecInput(text.Path, text.GetText(ct)?.ToString() ?? ""))
            .WithTrackingName(NmrSpecGeneratorSteps.SpecText);

        var compiled = inputs
            .Combine(ns)
            .Select(static (pair, ct) => NmrCompiler.Compile(pair.Left.Path, pair.Left.Text, new CompileOptions(pair.Right), ct))
            .WithTrackingName(NmrSpecGeneratorSteps.Compiled);

        // Only what reaches the output: declarations (with columns) are for the CLI, and dropping
        // them lets a whitespace-only edit end here as Unchanged.
        var outputs = compiled
            .Select(static (c, _) => new GeneratorOutput(c.FilePath, c.Diagnostics, c.Sources))
            .WithTrackingName(NmrSpecGeneratorSteps.Output);

        context.RegisterSourceOutput(outputs, static (spc, compilation) =>
        {
            foreach (var diagnostic in compilation.Diagnostics)
            {
                spc.ReportDiagnostic(ToRoslyn(diagnostic));
            }
            string prefix = HintSafe(Path.GetFileNameWithoutExtension(compilation.FilePath));
            foreach (var source in compilation.Sources)
            {
                try
                {
                    spc.AddSource(prefix + "." + HintSafe(source.HintName), SourceText.From(source.Text, System.Text.Encoding.UTF8));
                }
                catch (ArgumentException ex)
                {
                    // E.g. two spec files of the same name with the same problem: report it at the
                    // spec rather than fail the whole generator (CS8785 drops every output).
                    spc.ReportDiagnostic(ToRoslyn(DiagnosticInfo.Create(DiagnosticCatalog.InternalError, compilation.FilePath, new Syntax.SourceSpan(0, 0, 1, 1, 1, 1), ex.Message)));
                }
            }
        });
    }

    /// <summary>
    /// Roslyn rejects hint names with characters such as '&lt;' (a problem without a valid name
    /// is called "&lt;missing&gt;") or ' '; anything but letters, digits, '_', '-' and '.' becomes '_'.
    /// </summary>
    internal static string HintSafe(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        foreach (char c in name)
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_');
        }
        return builder.ToString();
    }

    /// <summary>Builds the Roslyn diagnostic only at output time (dotnet/runtime DiagnosticInfo pattern).</summary>
    internal static Diagnostic ToRoslyn(DiagnosticInfo info)
    {
        var severity = info.Severity switch
        {
            NmrSeverity.Error => DiagnosticSeverity.Error,
            NmrSeverity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        };
        var descriptor = new DiagnosticDescriptor(info.Id, info.Id, "{0}", "NmrDsl", severity, isEnabledByDefault: true);
        var span = info.Span;
        var location = Location.Create(
            info.FilePath,
            new TextSpan(span.Start, span.Length),
            new LinePositionSpan(new LinePosition(span.Line - 1, span.Column - 1), new LinePosition(span.EndLine - 1, span.EndColumn - 1)));
        return Diagnostic.Create(descriptor, location, info.Message);
    }
}

/// <summary>Tracking names of the generator's steps (asserted by the incremental-caching tests).</summary>
public static class NmrSpecGeneratorSteps
{
    public const string Namespace = "NmrDsl.Namespace";
    public const string SpecText = "NmrDsl.SpecText";
    public const string Compiled = "NmrDsl.Compiled";
    public const string Output = "NmrDsl.Output";
}

/// <summary>What one spec contributes to the compilation: its diagnostics and generated sources.</summary>
public sealed record GeneratorOutput(string FilePath, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<GeneratedSource> Sources);

/// <summary>One spec file's path and text: the first equatable step of the pipeline.</summary>
public sealed record SpecInput(string Path, string Text);
