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
    /// <summary>Binds and emits one echo block: declarations for describe, a "simulation" job when it has no errors.</summary>
    private static void CompileEcho(
        string filePath, CompileOptions options, EchoSyntax echo, List<DiagnosticInfo> diagnostics,
        List<GeneratedSource> sources, List<DeclarationInfo> declarations, List<JobInfo> jobs, Dictionary<string, int> seen)
    {
        if (seen.TryGetValue(echo.Name, out int line))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.DuplicateDeclaration, filePath, echo.NameSpan, echo.Name, line.ToString(CultureInfo.InvariantCulture)));
            return;
        }
        seen.Add(echo.Name, echo.NameSpan.Line);
        bool syntaxErrors = diagnostics.Any(d => d.IsError && d.Span.Start >= echo.Span.Start && d.Span.Start <= echo.Span.End);
        declarations.Add(new DeclarationInfo(echo.Name, "echo", echo.Name, "", null, null, null, echo.Description, echo.NameSpan.Line, echo.NameSpan.Column, false));
        var bound = EchoBinder.Bind(filePath, echo, diagnostics);
        if (bound is null)
        {
            sources.Add(new GeneratedSource(echo.Name + ".g.cs", EchoStubEmitter.Emit(options.Namespace, echo.Name, filePath)));
            return;
        }
        foreach (var member in echo.Members)
        {
            string? text = member switch
            {
                EchoLatticeSyntax => "square " + bound.Side.ToString(CultureInfo.InvariantCulture) + "x" + bound.Side.ToString(CultureInfo.InvariantCulture) + " periodic",
                EchoOffsetsSyntax => string.Format(CultureInfo.InvariantCulture, "lorentzian center {0:R} MHz fwhm {1:R} MHz window {2:R} MHz points {3}", bound.CarrierMHz, bound.FullWidthMHz, bound.WindowMHz, bound.GridPoints),
                EchoKernelSyntax => bound.KernelShape + (bound.NormalisePerSite ? " normalised per site" : " unnormalised"),
                EchoHamiltonianSyntax => bound.Secular ? "secular" : "full (with counter-rotating terms)",
                EchoSequenceSyntax => string.Format(CultureInfo.InvariantCulture, "hahn tau {0:R} s dt {1:R}", bound.DelaySeconds, bound.Step),
                _ => null,
            };
            if (text is not null)
            {
                declarations.Add(new DeclarationInfo(member.Keyword, member.Keyword, echo.Name, "", null, null, text, null, member.Span.Line, member.Span.Column, false));
            }
        }
        foreach (var p in bound.Parameters)
        {
            string range = string.Format(CultureInfo.InvariantCulture, "{0} (uniform {1:R} .. {2:R} {3})", p.Description, p.Lower, p.Upper, p.Unit);
            declarations.Add(new DeclarationInfo(p.Name, "parameter", echo.Name, p.SiUnit, p.DeclaredUnit, p.DefaultSi,
                p.DefaultSi.ToString("R", CultureInfo.InvariantCulture), range, p.Line, p.Column, true));
        }
        if (syntaxErrors)
        {
            sources.Add(new GeneratedSource(echo.Name + ".g.cs", EchoStubEmitter.Emit(options.Namespace, echo.Name, filePath)));
            return;
        }
        sources.Add(new GeneratedSource(echo.Name + ".g.cs", EchoEmitter.Emit(options.Namespace, filePath, bound)));
        jobs.Add(new JobInfo(echo.Name, "simulation", options.Namespace + "." + echo.Name));
    }
}
