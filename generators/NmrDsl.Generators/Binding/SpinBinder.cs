using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NmrDsl.Generators.Diagnostics;
using NmrDsl.Generators.Syntax;

namespace NmrDsl.Generators.Binding;

/// <summary>
/// Binds <c>spinsystem</c> and <c>sequence</c> blocks: resolves spin names and isotopes, checks and
/// converts units (shifts to ppm, couplings to Hz, angles to degrees, times to s, field to T) and
/// reports one located diagnostic per mistake. Produces plain models for <see cref="Emit.SpinEmitter"/>
/// and the declarations <c>nmrdsl describe</c> lists.
/// </summary>
public sealed partial class SpinBinder
{
    /// <summary>Isotopes the runtime knows (src/NmrDsl.Runtime/Spin/Isotope.cs): symbol and twice the spin.</summary>
    public static readonly (string Symbol, int TwiceSpin)[] Isotopes =
    {
        ("1H", 1), ("2H", 2), ("13C", 1), ("15N", 1), ("19F", 1), ("29Si", 1), ("31P", 1),
    };

    /// <summary>Largest spin system the runtime simulates (SpinSystem.MaxSpins).</summary>
    public const int MaxSpins = 12;

    private readonly string _path;
    private readonly List<DiagnosticInfo> _diagnostics;

    private SpinBinder(string path, List<DiagnosticInfo> diagnostics)
    {
        _path = path;
        _diagnostics = diagnostics;
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private void Report(DiagnosticDescriptorInfo descriptor, SourceSpan span, params object?[] args)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor, _path, span, args));

    private double? Read(ExpressionSyntax syntax, SpinQuantityKind kind, string what, out double si)
        => SpinQuantity.Read(_path, syntax, kind, what, _diagnostics, out si);

    /// <summary>Binds a spin system; returns null when it has errors (they are in the diagnostics).</summary>
    public static SpinSystemModel? BindSystem(string path, SpinSystemSyntax syntax, List<DiagnosticInfo> diagnostics, List<DeclarationInfo> declarations)
        => new SpinBinder(path, diagnostics).System(syntax, declarations);

    /// <summary>Binds a sequence against the spin systems of the same spec (by name); null when it has errors.</summary>
    public static SequenceModel? BindSequence(string path, SequenceSyntax syntax, IReadOnlyCollection<string> systems, List<DiagnosticInfo> diagnostics, List<DeclarationInfo> declarations)
        => new SpinBinder(path, diagnostics).Sequence(syntax, systems, declarations);

    private SpinSystemModel? System(SpinSystemSyntax syntax, List<DeclarationInfo> declarations)
    {
        int errors = _diagnostics.Count(d => d.IsError);
        string block = syntax.Name;
        declarations.Add(new DeclarationInfo(block, "spinsystem", block, "", null, null, null, syntax.Description, syntax.NameSpan.Line, syntax.NameSpan.Column, false));
        double? field = null, reference = null, t1 = null, t2 = null;
        int fieldLine = 0, referenceLine = 0, relaxationLine = 0;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var spins = new List<SpinSiteModel>();
        var couplings = new List<CouplingModel>();
        var coupled = new Dictionary<(int, int), int>();
        bool spinsComplete = true;

        bool FirstTime(string key, string what, SourceSpan span)
        {
            if (seen.TryGetValue(key, out int line))
            {
                Report(DiagnosticCatalog.DuplicateSpinDeclaration, span, what, line.ToString(CultureInfo.InvariantCulture));
                return false;
            }
            seen.Add(key, span.Line);
            return true;
        }

        foreach (var member in syntax.Members)
        {
            switch (member)
            {
                case SpinQuantitySyntax { Word: "field" } f:
                    if (!FirstTime("field", "the field of spin system '" + block + "'", f.Span)) break;
                    field = Read(f.Value, SpinQuantityKind.Field, "the field", out double fieldSi);
                    fieldLine = f.Span.Line;
                    if (field is <= 0)
                    {
                        Report(DiagnosticCatalog.SpinValueOutOfRange, f.Value.Span, "the field must be positive");
                        field = null;
                    }
                    if (field is { } b0) declarations.Add(new DeclarationInfo(block + ".field", "static-field", block, SpinQuantity.Target(SpinQuantityKind.Field).Dimension.ToSiUnitString(), "T", fieldSi, Text(b0) + " T", "static field B0", f.Span.Line, f.Span.Column, true));
                    break;
                case SpinQuantitySyntax r:
                    if (!FirstTime("reference", "the reference of spin system '" + block + "'", r.Span)) break;
                    reference = Read(r.Value, SpinQuantityKind.Shift, "the receiver reference", out double referenceSi);
                    referenceLine = r.Span.Line;
                    if (reference is { } refPpm) declarations.Add(new DeclarationInfo(block + ".reference", "reference", block, "", "ppm", referenceSi, Text(refPpm) + " ppm", "receiver reference (carrier) shift", r.Span.Line, r.Span.Column, true));
                    break;
                case SpinSiteSyntax s:
                {
                    if (!FirstTime("spin " + s.Name, "spin '" + s.Name + "'", s.NameSpan)) { spinsComplete = false; break; }
                    bool ok = s.Isotope.Length > 0;
                    var isotope = Isotopes.FirstOrDefault(i => i.Symbol == s.Isotope);
                    if (ok && isotope.Symbol is null)
                    {
                        Report(DiagnosticCatalog.UnknownIsotope, s.IsotopeSpan, s.Isotope, string.Join(", ", Isotopes.Select(i => i.Symbol)));
                        ok = false;
                    }
                    else if (ok && isotope.TwiceSpin != 1)
                    {
                        Report(DiagnosticCatalog.NotSpinHalf, s.IsotopeSpan, s.Isotope, isotope.TwiceSpin % 2 == 0 ? (isotope.TwiceSpin / 2).ToString(CultureInfo.InvariantCulture) : isotope.TwiceSpin.ToString(CultureInfo.InvariantCulture) + "/2");
                        ok = false;
                    }
                    var shift = Read(s.Shift, SpinQuantityKind.Shift, "the chemical shift of spin '" + s.Name + "'", out double shiftSi);
                    if (ok && shift is { } ppm)
                    {
                        spins.Add(new SpinSiteModel(s.Name, s.Isotope, ppm, Text(ppm) + " ppm", s.Span.Line));
                        declarations.Add(new DeclarationInfo(block + "." + s.Name, "spin", block, "", "ppm", shiftSi, Text(ppm) + " ppm", s.Isotope + " chemical shift", s.NameSpan.Line, s.NameSpan.Column, true));
                    }
                    else
                    {
                        spinsComplete = false;
                    }
                    break;
                }
                case CouplingSyntax c:
                {
                    int first = spins.FindIndex(x => x.Name == c.First), second = spins.FindIndex(x => x.Name == c.Second);
                    var value = Read(c.Value, SpinQuantityKind.Frequency, "the coupling constant", out double couplingSi);
                    if (c.First.Length == 0 || c.Second.Length == 0) break;
                    if (first < 0 || second < 0)
                    {
                        if (spinsComplete || !seen.ContainsKey("spin " + (first < 0 ? c.First : c.Second)))
                        {
                            var bad = first < 0 ? (c.First, c.FirstSpan) : (c.Second, c.SecondSpan);
                            if (!seen.ContainsKey("spin " + bad.Item1)) Report(DiagnosticCatalog.UnknownSpin, bad.Item2, bad.Item1, block);
                        }
                        break;
                    }
                    if (first == second)
                    {
                        Report(DiagnosticCatalog.SelfCoupling, c.SecondSpan, c.Second);
                        break;
                    }
                    var key = (Math.Min(first, second), Math.Max(first, second));
                    if (coupled.TryGetValue(key, out int line))
                    {
                        Report(DiagnosticCatalog.DuplicateSpinDeclaration, c.FirstSpan, "the coupling " + c.First + "-" + c.Second, line.ToString(CultureInfo.InvariantCulture));
                        break;
                    }
                    coupled.Add(key, c.Span.Line);
                    if (value is { } hz)
                    {
                        string text = Text(hz) + " Hz";
                        couplings.Add(new CouplingModel(first, second, c.First, c.Second, hz, text, c.Span.Line));
                        declarations.Add(new DeclarationInfo(block + "." + c.First + "-" + c.Second, "coupling", block, "s^-1", "Hz", couplingSi, text, "scalar coupling J(" + c.First + "," + c.Second + ")", c.FirstSpan.Line, c.FirstSpan.Column, false));
                    }
                    break;
                }
                case RelaxationSyntax r:
                    if (!FirstTime("relaxation", "the relaxation of spin system '" + block + "'", r.Span)) break;
                    relaxationLine = r.Span.Line;
                    foreach (var option in r.Options)
                    {
                        var time = Read(option.Value, SpinQuantityKind.Time, option.Name, out double timeSi);
                        if (time is <= 0)
                        {
                            Report(DiagnosticCatalog.SpinValueOutOfRange, option.Value.Span, option.Name + " must be positive");
                            continue;
                        }
                        if (time is null) continue;
                        if (option.Name == "T1") t1 = time; else t2 = time;
                        declarations.Add(new DeclarationInfo(block + "." + option.Name, "relaxation", block, "s", "s", timeSi, Text(time.Value) + " s", option.Name == "T1" ? "longitudinal relaxation time" : "transverse relaxation time", option.NameSpan.Line, option.NameSpan.Column, false));
                    }
                    if ((t1 is null) != (t2 is null) && _diagnostics.Count(d => d.IsError) == errors)
                    {
                        Report(DiagnosticCatalog.SpinValueOutOfRange, r.Span, "relaxation needs both T1 and T2 (relaxation T1 1.5 s T2 0.2 s)");
                    }
                    break;
            }
        }
        if (!seen.ContainsKey("field")) Report(DiagnosticCatalog.MissingSpinField, syntax.NameSpan, block);
        if (!seen.Keys.Any(k => k.StartsWith("spin ", StringComparison.Ordinal))) Report(DiagnosticCatalog.NoSpins, syntax.NameSpan, block);
        if (spins.Count > MaxSpins) Report(DiagnosticCatalog.TooManySpins, syntax.NameSpan, block, spins.Count.ToString(CultureInfo.InvariantCulture), MaxSpins.ToString(CultureInfo.InvariantCulture));
        if (_diagnostics.Count(d => d.IsError) > errors || field is null) return null;
        return new SpinSystemModel(block, syntax.Description, field.Value, fieldLine, reference ?? 0, referenceLine, spins, couplings, t1, t2, relaxationLine, syntax.NameSpan.Line);
    }

    private SequenceModel? Sequence(SequenceSyntax syntax, IReadOnlyCollection<string> systems, List<DeclarationInfo> declarations)
    {
        int errors = _diagnostics.Count(d => d.IsError);
        string block = syntax.Name;
        declarations.Add(new DeclarationInfo(block, "sequence", block, "", null, null, null, syntax.Description ?? "sequence on " + syntax.System, syntax.NameSpan.Line, syntax.NameSpan.Column, false));
        if (syntax.System.Length > 0 && !systems.Contains(syntax.System))
        {
            Report(DiagnosticCatalog.UnknownSpinSystem, syntax.SystemSpan, block, syntax.System);
        }
        var elements = new List<SequenceElementModel>();
        AcquireSyntax? acquire = null;
        double sw = 0, lb = 0, rx = 0;
        int number = 0;
        var ensembleAxes = new List<EnsembleSyntax>();
        foreach (var member in syntax.Members)
        {
            if (member is EnsembleSyntax axis)
            {
                ensembleAxes.Add(axis);
                continue;
            }
            number++;
            string name = block + "." + number.ToString(CultureInfo.InvariantCulture);
            if (acquire is not null)
            {
                Report(member is AcquireSyntax ? DiagnosticCatalog.DuplicateSpinDeclaration : DiagnosticCatalog.AcquireNotLast, member.Span,
                    member is AcquireSyntax ? "the acquisition of sequence '" + block + "'" : block, acquire.Span.Line.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            switch (member)
            {
                case PulseSyntax p:
                {
                    var flip = Read(p.Flip, SpinQuantityKind.Angle, "the flip angle", out double flipSi);
                    var phase = Phase(p.Phase);
                    if (flip is null || phase is null) break;
                    string text = Text(flip.Value) + " deg phase " + PhaseText(p.Phase, phase.Value);
                    elements.Add(new SequenceElementModel(SequenceElementKind.Pulse, flip.Value, phase.Value, 0, 0, 0, 0, "pulse " + text, p.Span.Line));
                    declarations.Add(new DeclarationInfo(name, "pulse", block, "", "deg", flipSi, text, "hard pulse (flip angle)", p.Span.Line, p.Span.Column, false));
                    break;
                }
                case DelaySyntax d:
                {
                    var seconds = Read(d.Duration, SpinQuantityKind.Time, "the delay", out double si);
                    if (seconds is < 0)
                    {
                        Report(DiagnosticCatalog.SpinValueOutOfRange, d.Duration.Span, "a delay cannot be negative");
                        break;
                    }
                    if (seconds is null) break;
                    elements.Add(new SequenceElementModel(SequenceElementKind.Delay, 0, 0, seconds.Value, 0, 0, 0, "delay " + Text(seconds.Value) + " s", d.Span.Line));
                    declarations.Add(new DeclarationInfo(name, "delay", block, "s", "s", si, Text(seconds.Value) + " s", "free precession", d.Span.Line, d.Span.Column, false));
                    break;
                }
                case ShapedPulseSyntax s:
                {
                    if (s.Shape is not "sinc-gaussian")
                    {
                        if (s.Shape.Length > 0) Report(DiagnosticCatalog.UnknownPulseShape, s.ShapeSpan, s.Shape);
                        break;
                    }
                    var flip = Read(s.Flip, SpinQuantityKind.Angle, "the flip angle", out double flipSi);
                    var phase = Phase(s.Phase);
                    double? duration = null;
                    int lobes = 2, steps = 200;
                    foreach (var option in s.Options)
                    {
                        if (option.Name == "duration") duration = Read(option.Value, SpinQuantityKind.Time, "the pulse duration", out _);
                        else if (option.Value is NumberSyntax n) { if (option.Name == "lobes") lobes = (int)n.Value; else steps = (int)n.Value; }
                    }
                    if (flip is null || phase is null) break;
                    if (duration is null or <= 0 || lobes < 1 || steps < 1)
                    {
                        if (!s.Options.Any(o => o.Name == "duration") || duration is <= 0 || lobes < 1 || steps < 1)
                            Report(DiagnosticCatalog.SpinValueOutOfRange, s.Span, "a shaped pulse needs a positive duration, at least 1 lobe and at least 1 step (duration 2 ms lobes 3 steps 200)");
                        break;
                    }
                    string text = "sinc-gaussian " + Text(flip.Value) + " deg duration " + Text(duration.Value) + " s lobes " + lobes.ToString(CultureInfo.InvariantCulture)
                        + " steps " + steps.ToString(CultureInfo.InvariantCulture) + " phase " + PhaseText(s.Phase, phase.Value);
                    elements.Add(new SequenceElementModel(SequenceElementKind.SincGaussian, flip.Value, phase.Value, duration.Value, lobes, steps, 0, "shaped " + text, s.Span.Line));
                    declarations.Add(new DeclarationInfo(name, "shaped-pulse", block, "", "deg", flipSi, text, "sinc-Gaussian shaped pulse (nominal flip angle)", s.Span.Line, s.Span.Column, false));
                    break;
                }
                case EditPulseSyntax e:
                    Edit(e, name, block, elements, declarations);
                    break;
                case FilterSyntax f:
                    if (Math.Abs(f.Order) > MaxSpins)
                    {
                        Report(DiagnosticCatalog.SpinValueOutOfRange, f.OrderSpan, "coherence order " + f.Order.ToString(CultureInfo.InvariantCulture) + " is out of range (|p| <= " + MaxSpins.ToString(CultureInfo.InvariantCulture) + ")");
                        break;
                    }
                    elements.Add(new SequenceElementModel(SequenceElementKind.Filter, 0, 0, 0, 0, 0, f.Order, "filter coherence " + f.Order.ToString(CultureInfo.InvariantCulture), f.Span.Line));
                    declarations.Add(new DeclarationInfo(name, "filter", block, "", null, f.Order, f.Order.ToString(CultureInfo.InvariantCulture), "coherence-order filter (crusher stand-in)", f.Span.Line, f.Span.Column, false));
                    break;
                case AcquireSyntax a:
                {
                    acquire = a;
                    if (a.Points < 2) Report(DiagnosticCatalog.SpinValueOutOfRange, a.PointsSpan, "an acquisition needs at least 2 points");
                    var swOption = a.Options.FirstOrDefault(o => o.Name == "sw");
                    var lbOption = a.Options.FirstOrDefault(o => o.Name == "lb");
                    if (swOption is null)
                    {
                        Report(DiagnosticCatalog.SpinValueOutOfRange, a.Span, "acquire needs a spectral width (sw 2000 Hz)");
                        break;
                    }
                    double? swHz = Read(swOption.Value, SpinQuantityKind.Frequency, "the spectral width", out double swSi);
                    if (swHz is <= 0) Report(DiagnosticCatalog.SpinValueOutOfRange, swOption.Value.Span, "the spectral width must be positive");
                    double? lbHz = lbOption is null ? 0 : Read(lbOption.Value, SpinQuantityKind.Frequency, "the line broadening", out _);
                    if (lbHz is < 0) Report(DiagnosticCatalog.SpinValueOutOfRange, lbOption!.Value.Span, "the line broadening cannot be negative");
                    var rxOption = a.Options.FirstOrDefault(o => o.Name == "phase");
                    if (rxOption is not null) rx = Read(rxOption.Value, SpinQuantityKind.Angle, "the receiver phase", out _) ?? 0;
                    sw = swHz ?? 0;
                    lb = lbHz ?? 0;
                    declarations.Add(new DeclarationInfo(name, "acquire", block, "s^-1", "Hz", swSi, a.Points.ToString(CultureInfo.InvariantCulture) + " points sw " + Text(sw) + " Hz lb " + Text(lb) + " Hz phase " + Text(rx) + " deg", "acquisition (spectral width)", a.Span.Line, a.Span.Column, false));
                    break;
                }
            }
        }
        if (acquire is null) Report(DiagnosticCatalog.MissingAcquire, syntax.NameSpan, block);
        var ensemble = Ensemble(ensembleAxes, block, declarations);
        if (_diagnostics.Count(d => d.IsError) > errors || acquire is null) return null;
        return new SequenceModel(block, syntax.Description, syntax.System, elements, acquire.Points, sw, lb, rx, acquire.Span.Line, syntax.NameSpan.Line, ensemble);
    }

    private double? Phase(PhaseSyntax? phase)
    {
        if (phase is null) return 0;
        if (phase.Axis is { } axis)
        {
            return axis switch { "x" => 0, "y" => 90, "-x" => 180, _ => 270 };
        }
        return phase.Angle is null ? null : Read(phase.Angle, SpinQuantityKind.Angle, "the phase", out _);
    }

    private static string PhaseText(PhaseSyntax? syntax, double degrees) => syntax?.Axis ?? Text(degrees) + " deg";
}
