using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NmrDsl.Generators.Binding;
using NmrDsl.Generators.Diagnostics;
using NmrDsl.Generators.Emit;
using NmrDsl.Generators.Syntax;

namespace NmrDsl.Generators;

public static partial class NmrCompiler
{
    /// <summary>
    /// Binds and emits the spec's <c>spinsystem</c> and <c>sequence</c> blocks: one class per spin
    /// system, one simulation job per sequence, one optimization job per optimize block. Block names share one namespace with problems.
    /// </summary>
    private static void CompileSpinBlocks(
        string filePath, CompileOptions options, SpecSyntax spec, List<DiagnosticInfo> diagnostics,
        List<GeneratedSource> sources, List<DeclarationInfo> declarations, List<JobInfo> jobs)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var block in spec.Blocks.OfType<ProblemSyntax>()) seen[block.Name] = block.NameSpan.Line;
        var systems = new Dictionary<string, SpinSystemModel?>(StringComparer.Ordinal);
        var sequences = new Dictionary<string, SequenceModel?>(StringComparer.Ordinal);
        foreach (var block in spec.Blocks)
        {
            if (block is not (SpinSystemSyntax or SequenceSyntax or OptimizeSyntax)) continue;
            if (seen.TryGetValue(block.Name, out int line))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.DuplicateDeclaration, filePath, block.NameSpan, block.Name, line.ToString(CultureInfo.InvariantCulture)));
                continue;
            }
            seen.Add(block.Name, block.NameSpan.Line);
            bool syntaxErrors = diagnostics.Any(d => d.IsError && d.Span.Start >= block.Span.Start && d.Span.Start <= block.Span.End);
            if (block is SpinSystemSyntax system)
            {
                var model = SpinBinder.BindSystem(filePath, system, diagnostics, declarations);
                systems[system.Name] = model;
                if (model is null || syntaxErrors) continue;
                if (!CheckSpinNames(filePath, system, model, diagnostics)) continue;
                sources.Add(new GeneratedSource(model.Name + ".g.cs", SpinEmitter.EmitSystem(model, options.Namespace, filePath)));
            }
            else if (block is SequenceSyntax sequence)
            {
                var model = SpinBinder.BindSequence(filePath, sequence, systems.Keys.ToList(), diagnostics, declarations);
                sequences[sequence.Name] = model;
                if (model is null || syntaxErrors || systems[model.System] is null) continue;
                sources.Add(new GeneratedSource(model.Name + ".g.cs", SpinEmitter.EmitSequence(model, options.Namespace, filePath)));
                jobs.Add(new JobInfo(model.Name, "simulation", options.Namespace + "." + model.Name));
            }
            else if (block is OptimizeSyntax optimize)
            {
                var model = SpinBinder.BindOptimize(filePath, optimize, sequences, systems, diagnostics, declarations);
                if (model is null || syntaxErrors || model.Terms.Any(t => systems[t.System] is null)) continue;
                sources.Add(new GeneratedSource(model.Name + ".g.cs", SpinEmitter.EmitOptimize(model, options.Namespace, filePath)));
                jobs.Add(new JobInfo(model.Name, "optimization", options.Namespace + "." + model.Name));
            }
        }
    }

    // A spin becomes a property of the generated class: it may not clash with the class or its members.
    private static bool CheckSpinNames(string filePath, SpinSystemSyntax syntax, SpinSystemModel model, List<DiagnosticInfo> diagnostics)
    {
        bool ok = true;
        foreach (var site in syntax.Members.OfType<SpinSiteSyntax>())
        {
            string? why = site.Name == model.Name ? "it is the name of its spin system's class"
                : SpinEmitter.ReservedMembers.Contains(site.Name) ? "the generated spin-system class has a member of that name"
                : model.Couplings.Any(c => SpinEmitter.CouplingProperty(c) == site.Name) ? "it is the name of a generated coupling property"
                : null;
            if (why is null) continue;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InvalidIdentifier, filePath, site.NameSpan, site.Name, why));
            ok = false;
        }
        return ok;
    }
}
