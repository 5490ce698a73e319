using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NmrDsl.Generators.Binding;
using NmrDsl.Generators.Diagnostics;
using NmrDsl.Generators.Emit;
using NmrDsl.Generators.Model;
using NmrDsl.Generators.Symbolic;
using NmrDsl.Generators.Syntax;

namespace NmrDsl.Generators;

public static partial class NmrCompiler
{
    // Diagnostics that only restate a syntax error on the same block ("no equation" after the
    // equation line failed to parse); dropped when the block has syntax errors, to avoid cascades.
    private static readonly HashSet<string> CascadeIds = new(StringComparer.Ordinal)
    {
        "NMR1001", "NMR2001", "NMR2002", "NMR2003", "NMR2004", "NMR2011", "NMR2015", "NMR2021",
    };

    private static SpecCompilation CompileCore(string filePath, string text, CompileOptions options, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var sources = new List<GeneratedSource>();
        var declarations = new List<DeclarationInfo>();
        var jobs = new List<JobInfo>();
        try
        {
            var spec = Parser.Parse(filePath, text, diagnostics);
            if (spec.Blocks.Count == 0 && diagnostics.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.EmptySpec, filePath, new SourceSpan(0, 0, 1, 1, 1, 1)));
            }
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var block in spec.Blocks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (block is EchoSyntax echo) { CompileEcho(filePath, options, echo, diagnostics, sources, declarations, jobs, seen); continue; }
                if (block is not ProblemSyntax problem) continue;
                if (seen.TryGetValue(problem.Name, out int line))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.DuplicateDeclaration, filePath, problem.NameSpan, problem.Name, line.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    continue;
                }
                seen.Add(problem.Name, problem.NameSpan.Line);
                CompileProblem(filePath, text, options, problem, diagnostics, sources, declarations, jobs);
            }
            CompileSpinBlocks(filePath, options, spec, diagnostics, sources, declarations, jobs);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Never crash the generator or the CLI: an internal failure is a located diagnostic.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InternalError, filePath, new SourceSpan(0, 0, 1, 1, 1, 1), ex.GetType().Name + ": " + ex.Message));
        }
        var ordered = diagnostics
            .OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Distinct()
            .ToEquatableArray();
        return new SpecCompilation(filePath, ordered, sources.ToEquatableArray(), declarations.ToEquatableArray(), jobs.ToEquatableArray());
    }

    private static void CompileProblem(
        string filePath, string text, CompileOptions options, ProblemSyntax problem, List<DiagnosticInfo> diagnostics,
        List<GeneratedSource> sources, List<DeclarationInfo> declarations, List<JobInfo> jobs)
    {
        bool syntaxErrors = diagnostics.Any(d => d.IsError && d.Span.Start >= problem.Span.Start && d.Span.Start <= problem.Span.End);
        var bindDiagnostics = new List<DiagnosticInfo>();
        var bound = ProblemBinder.Bind(filePath, text, problem, bindDiagnostics);
        diagnostics.AddRange(syntaxErrors ? bindDiagnostics.Where(d => !CascadeIds.Contains(d.Id)) : bindDiagnostics);
        AddDeclarations(bound, declarations);

        ProblemModel? model = null;
        if (!syntaxErrors && !bindDiagnostics.Any(d => d.IsError))
        {
            model = ProblemLowering.Lower(bound, options.Namespace, filePath, diagnostics);
        }
        if (model is not null)
        {
            foreach (var (hint, source) in ProblemEmitter.Emit(model)) sources.Add(new GeneratedSource(hint, source));
            jobs.Add(new JobInfo(problem.Name, "pde", options.Namespace + "." + problem.Name));
        }
        else
        {
            sources.Add(new GeneratedSource(problem.Name + ".g.cs", StubEmitter.Emit(options.Namespace, problem.Name, filePath, bound)));
        }
    }

    private static void AddDeclarations(BoundProblem bound, List<DeclarationInfo> declarations)
    {
        declarations.Add(new DeclarationInfo(bound.Name, "problem", bound.Name, "", null, null, null, bound.Syntax.Description, bound.Syntax.NameSpan.Line, bound.Syntax.NameSpan.Column, false));
        foreach (var s in bound.Symbols)
        {
            string kind = s.Kind switch
            {
                SymbolKind.MaterialProperty => "material-property",
                _ => s.Kind.ToString().ToLowerInvariant(),
            };
            bool canOverride = s.Kind is SymbolKind.Parameter or SymbolKind.Unknown;
            string? defaultText = s.SiValue is { } v ? v.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : s.Value is null ? null : ExprFormatter.Format(s.Value);
            declarations.Add(new DeclarationInfo(s.Name, kind, bound.Name, s.Dimension.ToSiUnitString(), string.IsNullOrEmpty(s.DeclaredUnit) ? null : s.DeclaredUnit, s.SiValue, defaultText, s.Description, s.Span.Line, s.Span.Column, canOverride));
        }
        foreach (var m in ProblemLowering.MaterialParameters(bound))
        {
            var region = bound.Syntax.Members.OfType<MaterialSyntax>().FirstOrDefault(x => x.Region == m.Region);
            var property = region?.Properties.FirstOrDefault(x => x.Name == m.Property);
            int line = property?.NameSpan.Line ?? m.Line, column = property?.NameSpan.Column ?? 1;
            string? unit = property?.Value is NumberSyntax { Unit: { } u } ? u.ToString() : null;
            declarations.Add(new DeclarationInfo(m.Key, "material-value", bound.Name, m.SiUnit, unit, m.Value, m.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), "material property " + m.Property + " of region " + m.Region, line, column, true));
        }
        foreach (var data in bound.DataFiles)
        {
            // Kind "data": Name lists the observables, DefaultText is the file (relative to the spec's folder).
            declarations.Add(new DeclarationInfo(string.Join(",", data.Observables.Select(o => o.Text)), "data", bound.Name, "", null, null, data.Path,
                "measured observables for nmrdsl fit", data.PathSpan.Line, data.PathSpan.Column, false));
        }
    }

    private static bool TryParseQuantityCore(string text, out QuantityValue? value, out string? error)
    {
        value = null;
        error = null;
        var diagnostics = new List<DiagnosticInfo>();
        try
        {
            var syntax = Parser.ParseExpression("value", text ?? "", diagnostics);
            var binder = new ExpressionBinder("value", diagnostics, _ => null);
            var bound = diagnostics.Count == 0 ? binder.Bind(syntax, ExpressionContext.Value) : BoundExpression.Error;
            if (diagnostics.Count > 0 || !bound.Ok)
            {
                var first = diagnostics.FirstOrDefault();
                error = first is null ? "not a value with a unit" : "column " + first.Span.Column.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + first.Message;
                return false;
            }
            double si = ExprAnalysis.Evaluate(bound.Ir, _ => double.NaN);
            if (double.IsNaN(si) || double.IsInfinity(si))
            {
                error = "the value is not a finite number";
                return false;
            }
            value = new QuantityValue(si, bound.Dimension.ToSiUnitString());
            return true;
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return false;
        }
    }
}
