using System.Collections.Generic;

namespace NmrDsl.Generators.Syntax;

/// <summary>
/// An interacting-spin echo: <c>echo Name "description"</c> with lattice, offsets, kernel, hamiltonian, sequence and
/// parameter lines (docs/language-echo.md).
/// </summary>
public sealed record EchoSyntax(string Name, SourceSpan NameSpan, string? Description, IReadOnlyList<MemberSyntax> Members, SourceSpan Span)
    : BlockSyntax("echo", Name, NameSpan, Description, Span);

/// <summary><c>lattice square 50</c>: the periodic lattice and its side length.</summary>
public sealed record EchoLatticeSyntax(string Shape, SourceSpan ShapeSpan, ExpressionSyntax Size, SourceSpan Span)
    : MemberSyntax("lattice", Span);

/// <summary><c>offsets lorentzian center 10 MHz fwhm 0.05 MHz window 0.5 MHz</c>: the site disorder.</summary>
public sealed record EchoOffsetsSyntax(string Distribution, SourceSpan DistributionSpan, IReadOnlyList<SolveOptionSyntax> Options, SourceSpan Span)
    : MemberSyntax("offsets", Span);

/// <summary><c>kernel powerlaw normalized</c>: the coupling kernel's shape and per-site normalisation.</summary>
public sealed record EchoKernelSyntax(string Shape, SourceSpan ShapeSpan, string? Normalisation, SourceSpan NormalisationSpan, SourceSpan Span)
    : MemberSyntax("kernel", Span);

/// <summary><c>hamiltonian full</c> or <c>hamiltonian secular</c>.</summary>
public sealed record EchoHamiltonianSyntax(string Form, SourceSpan FormSpan, SourceSpan Span)
    : MemberSyntax("hamiltonian", Span);

/// <summary><c>sequence hahn tau 50 us dt 2</c>: 90ₓ – τ – 180_y – 2τ, sampled every dt.</summary>
public sealed record EchoSequenceSyntax(string Kind, SourceSpan KindSpan, IReadOnlyList<SolveOptionSyntax> Options, SourceSpan Span)
    : MemberSyntax("sequence", Span);

/// <summary><c>parameter alpha uniform in 0 MHz .. 0.2 MHz default 0.1 MHz "description"</c>.</summary>
public sealed record EchoParameterSyntax(
    string Name, SourceSpan NameSpan, ExpressionSyntax Lower, ExpressionSyntax Upper, string Distribution, SourceSpan DistributionSpan,
    ExpressionSyntax? Default, string? Description, SourceSpan Span)
    : MemberSyntax("parameter", Span);
