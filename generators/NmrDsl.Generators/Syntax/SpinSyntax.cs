using System.Collections.Generic;

namespace NmrDsl.Generators.Syntax;

/// <summary><c>spinsystem Lactate "source"</c>: field, reference, spins, couplings and optional relaxation.</summary>
public sealed record SpinSystemSyntax(string Name, SourceSpan NameSpan, string? Description, IReadOnlyList<MemberSyntax> Members, SourceSpan Span)
    : BlockSyntax("spinsystem", Name, NameSpan, Description, Span);

/// <summary><c>sequence PressLactate on Lactate "description"</c>: pulses, delays, filters and one acquisition.</summary>
public sealed record SequenceSyntax(string Name, SourceSpan NameSpan, string System, SourceSpan SystemSpan, string? Description, IReadOnlyList<MemberSyntax> Members, SourceSpan Span)
    : BlockSyntax("sequence", Name, NameSpan, Description, Span);

/// <summary><c>field 2.89 T</c> or <c>reference 4.65 ppm</c> of a spin system: one quantity after a keyword.</summary>
public sealed record SpinQuantitySyntax(string Word, ExpressionSyntax Value, SourceSpan Span)
    : MemberSyntax(Word, Span);

/// <summary><c>spin HA 1H 4.0974 ppm</c>: a site with its isotope (mass number and element) and chemical shift.</summary>
public sealed record SpinSiteSyntax(string Name, SourceSpan NameSpan, string Isotope, SourceSpan IsotopeSpan, ExpressionSyntax Shift, SourceSpan Span)
    : MemberSyntax("spin", Span);

/// <summary><c>coupling HA HB1 6.933 Hz</c>: an isotropic scalar coupling.</summary>
public sealed record CouplingSyntax(string First, SourceSpan FirstSpan, string Second, SourceSpan SecondSpan, ExpressionSyntax Value, SourceSpan Span)
    : MemberSyntax("coupling", Span);

/// <summary><c>relaxation T1 1.5 s T2 0.2 s</c>: uniform relaxation times (selects the Liouville-space path).</summary>
public sealed record RelaxationSyntax(IReadOnlyList<SolveOptionSyntax> Options, SourceSpan Span)
    : MemberSyntax("relaxation", Span);

/// <summary>The phase of a pulse: an axis (<c>x</c>, <c>y</c>, <c>-x</c>, <c>-y</c>) or an angle (<c>45 deg</c>).</summary>
public sealed record PhaseSyntax(string? Axis, ExpressionSyntax? Angle, SourceSpan Span);

/// <summary><c>pulse 90 deg phase x</c>: an ideal (instantaneous) hard pulse.</summary>
public sealed record PulseSyntax(ExpressionSyntax Flip, PhaseSyntax? Phase, SourceSpan Span)
    : MemberSyntax("pulse", Span);

/// <summary><c>delay 10 ms</c>: free precession.</summary>
public sealed record DelaySyntax(ExpressionSyntax Duration, SourceSpan Span)
    : MemberSyntax("delay", Span);

/// <summary><c>shaped sinc-gaussian 180 deg duration 2 ms lobes 3 steps 200 phase y</c>: a closed-form shaped pulse.</summary>
public sealed record ShapedPulseSyntax(string Shape, SourceSpan ShapeSpan, ExpressionSyntax Flip, IReadOnlyList<SolveOptionSyntax> Options, PhaseSyntax? Phase, SourceSpan Span)
    : MemberSyntax("shaped", Span);

/// <summary><c>filter coherence -1</c>: keeps one coherence order (a crusher-gradient stand-in).</summary>
public sealed record FilterSyntax(int Order, SourceSpan OrderSpan, SourceSpan Span)
    : MemberSyntax("filter", Span);

/// <summary><c>acquire 2048 points sw 2000 Hz lb 1 Hz phase -90 deg</c>: sampling, line broadening and receiver phase.</summary>
public sealed record AcquireSyntax(int Points, SourceSpan PointsSpan, IReadOnlyList<SolveOptionSyntax> Options, SourceSpan Span)
    : MemberSyntax("acquire", Span);
