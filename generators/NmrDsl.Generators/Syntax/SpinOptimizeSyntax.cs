using System.Collections.Generic;

namespace NmrDsl.Generators.Syntax;

/// <summary><c>optimize GluContrast on GluPress68 "description"</c>: GRAPE on one pulse of a sequence of the same spec.</summary>
public sealed record OptimizeSyntax(string Name, SourceSpan NameSpan, string Sequence, SourceSpan SequenceSpan, string? Description, IReadOnlyList<MemberSyntax> Members, SourceSpan Span)
    : BlockSyntax("optimize", Name, NameSpan, Description, Span);

/// <summary><c>edit gaussian 180 deg at 1.9 ppm duration 20 ms steps 200 phase x</c>: a frequency-selective (MEGA) editing pulse.</summary>
public sealed record EditPulseSyntax(string Shape, SourceSpan ShapeSpan, ExpressionSyntax Flip, IReadOnlyList<SolveOptionSyntax> Options, PhaseSyntax? Phase, SourceSpan Span)
    : MemberSyntax("edit", Span);

/// <summary><c>ensemble b0 -10 Hz .. 10 Hz points 3</c> or <c>ensemble b1 0.9 .. 1.1 points 3</c>: an evenly spaced field-inhomogeneity axis.</summary>
public sealed record EnsembleSyntax(string Axis, SourceSpan AxisSpan, ExpressionSyntax Low, ExpressionSyntax High, int Points, SourceSpan PointsSpan, SourceSpan Span)
    : MemberSyntax("ensemble", Span);

/// <summary><c>control 5 limit 1 kHz</c>: the sequence element (1-based, as nmrdsl describe numbers it) whose RF controls are optimised.</summary>
public sealed record ControlSyntax(int Element, SourceSpan ElementSpan, IReadOnlyList<SolveOptionSyntax> Options, SourceSpan Span)
    : MemberSyntax("control", Span);

/// <summary><c>maximize Glutamate 2.30 ppm .. 2.40 ppm weight 1</c> or <c>suppress Glutamine …</c>: one term of the contrast objective.</summary>
public sealed record ContrastTermSyntax(string Word, string System, SourceSpan SystemSpan, ExpressionSyntax Low, ExpressionSyntax High, IReadOnlyList<SolveOptionSyntax> Options, SourceSpan Span)
    : MemberSyntax(Word, Span);

/// <summary><c>penalty rf 1e-7</c>: RF-energy penalty weight λ in 1/(Hz²·s).</summary>
public sealed record PenaltySyntax(ExpressionSyntax Value, SourceSpan Span)
    : MemberSyntax("penalty", Span);

/// <summary><c>restarts 2</c>, <c>iterations 40</c>, <c>seed 1</c>: whole-number optimiser settings.</summary>
public sealed record OptimizerSettingSyntax(string Word, int Value, SourceSpan ValueSpan, SourceSpan Span)
    : MemberSyntax(Word, Span);

/// <summary>One entry of a compare list: a sequence, or the difference of two (<c>MegaOn - MegaOff</c>).</summary>
public sealed record CompareEntrySyntax(string Sequence, SourceSpan SequenceSpan, string? Subtracted, SourceSpan SubtractedSpan);

/// <summary><c>compare GluPress30, GluPress68, GluMegaOn - GluMegaOff</c>: reference sequences reported next to the optimised one.</summary>
public sealed record CompareSyntax(IReadOnlyList<CompareEntrySyntax> Entries, SourceSpan Span)
    : MemberSyntax("compare", Span);
