using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NmrDsl.Generators.Diagnostics;
using NmrDsl.Generators.Syntax;

namespace NmrDsl.Generators.Binding;

/// <summary>
/// Binding of editing pulses, ensembles and <c>optimize</c> blocks (issue 4): units are converted as for
/// sequences (ppm, deg, s, Hz); B1 scales, weights and the RF penalty are plain numbers.
/// </summary>
public sealed partial class SpinBinder
{
    /// <summary>Binds an optimize block against the spec's sequences and spin systems bound so far; null when it has errors.</summary>
    public static OptimizeModel? BindOptimize(
        string path, OptimizeSyntax syntax, IReadOnlyDictionary<string, SequenceModel?> sequences, IReadOnlyDictionary<string, SpinSystemModel?> systems,
        List<DiagnosticInfo> diagnostics, List<DeclarationInfo> declarations)
        => new SpinBinder(path, diagnostics).Optimize(syntax, sequences, systems, declarations);

    private void Edit(EditPulseSyntax e, string name, string block, List<SequenceElementModel> elements, List<DeclarationInfo> declarations)
    {
        if (e.Shape is not "gaussian")
        {
            if (e.Shape.Length > 0) Report(DiagnosticCatalog.UnknownEditShape, e.ShapeSpan, e.Shape);
            return;
        }
        var flip = Read(e.Flip, SpinQuantityKind.Angle, "the flip angle", out double flipSi);
        var phase = Phase(e.Phase);
        double? center = null, duration = null;
        int steps = 200;
        foreach (var option in e.Options)
        {
            if (option.Name == "at") center = Read(option.Value, SpinQuantityKind.Shift, "the centre of the editing pulse", out _);
            else if (option.Name == "duration") duration = Read(option.Value, SpinQuantityKind.Time, "the pulse duration", out _);
            else if (option.Value is NumberSyntax n) steps = (int)n.Value;
        }
        if (flip is null || phase is null) return;
        if (center is null || duration is null or <= 0 || steps < 1)
        {
            if (!e.Options.Any(o => o.Name == "at") || !e.Options.Any(o => o.Name == "duration") || duration is <= 0 || steps < 1)
                Report(DiagnosticCatalog.SpinValueOutOfRange, e.Span, "an editing pulse needs a centre, a positive duration and at least 1 step (edit gaussian 180 deg at 1.9 ppm duration 20 ms)");
            return;
        }
        string text = "gaussian " + Text(flip.Value) + " deg at " + Text(center.Value) + " ppm duration " + Text(duration.Value) + " s steps "
            + steps.ToString(CultureInfo.InvariantCulture) + " phase " + PhaseText(e.Phase, phase.Value);
        elements.Add(new SequenceElementModel(SequenceElementKind.Edit, flip.Value, phase.Value, duration.Value, 0, steps, 0, "edit " + text, e.Span.Line, center.Value));
        declarations.Add(new DeclarationInfo(name, "editing-pulse", block, "", "deg", flipSi, text, "frequency-selective Gaussian editing pulse (nominal flip angle)", e.Span.Line, e.Span.Column, false));
    }

    private EnsembleModel? Ensemble(List<EnsembleSyntax> axes, string block, List<DeclarationInfo> declarations)
    {
        if (axes.Count == 0) return null;
        double b0Low = 0, b0High = 0, b1Low = 1, b1High = 1;
        int b0Points = 1, b1Points = 1;
        var seen = new Dictionary<string, int>(global::System.StringComparer.Ordinal);
        foreach (var axis in axes)
        {
            if (axis.Axis is not ("b0" or "b1"))
            {
                if (axis.Axis.Length > 0) Report(DiagnosticCatalog.UnknownEnsembleAxis, axis.AxisSpan, axis.Axis);
                continue;
            }
            if (seen.TryGetValue(axis.Axis, out int line))
            {
                Report(DiagnosticCatalog.DuplicateSpinDeclaration, axis.AxisSpan, "the " + axis.Axis + " ensemble of '" + block + "'", line.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            seen.Add(axis.Axis, axis.Span.Line);
            if (axis.Points < 1) Report(DiagnosticCatalog.SpinValueOutOfRange, axis.PointsSpan, "an ensemble needs at least 1 point");
            if (axis.Axis == "b0")
            {
                double? low = Read(axis.Low, SpinQuantityKind.Frequency, "the B0 offset", out _), high = Read(axis.High, SpinQuantityKind.Frequency, "the B0 offset", out _);
                if (low is null || high is null) continue;
                (b0Low, b0High, b0Points) = (low.Value, high.Value, axis.Points);
            }
            else
            {
                double? low = Plain(axis.Low, "a B1 scale"), high = Plain(axis.High, "a B1 scale");
                if (low is null || high is null) continue;
                if (low <= 0 || high <= 0)
                {
                    Report(DiagnosticCatalog.SpinValueOutOfRange, axis.Span, "B1 scales must be positive");
                    continue;
                }
                (b1Low, b1High, b1Points) = (low.Value, high.Value, axis.Points);
            }
            declarations.Add(new DeclarationInfo(block + ".ensemble." + axis.Axis, "ensemble", block, axis.Axis == "b0" ? "s^-1" : "", axis.Axis == "b0" ? "Hz" : null, null,
                axis.Axis == "b0" ? Text(b0Low) + " Hz .. " + Text(b0High) + " Hz points " + b0Points.ToString(CultureInfo.InvariantCulture) : Text(b1Low) + " .. " + Text(b1High) + " points " + b1Points.ToString(CultureInfo.InvariantCulture),
                axis.Axis == "b0" ? "B0 offset ensemble (equal weights)" : "B1 scale ensemble (equal weights)", axis.Span.Line, axis.Span.Column, false));
        }
        return new EnsembleModel(b0Low, b0High, b0Points, b1Low, b1High, b1Points, axes[0].Span.Line);
    }

    // A dimensionless literal (0.9, -2, 1e-7).
    private double? Plain(ExpressionSyntax syntax, string what)
    {
        switch (syntax)
        {
            case NumberSyntax { Unit: null } n:
                return n.Value;
            case UnarySyntax { Operator: TokenKind.Minus, Operand: NumberSyntax { Unit: null } m }:
                return -m.Value;
            case MissingSyntax:
                return null;
            default:
                Report(DiagnosticCatalog.SpinValueOutOfRange, syntax.Span, what + " must be a plain number");
                return null;
        }
    }

    private OptimizeModel? Optimize(OptimizeSyntax syntax, IReadOnlyDictionary<string, SequenceModel?> sequences, IReadOnlyDictionary<string, SpinSystemModel?> systems, List<DeclarationInfo> declarations)
    {
        int errors = _diagnostics.Count(d => d.IsError);
        string block = syntax.Name;
        declarations.Add(new DeclarationInfo(block, "optimize", block, "", null, null, null, syntax.Description ?? "GRAPE on " + syntax.Sequence, syntax.NameSpan.Line, syntax.NameSpan.Column, false));
        SequenceModel? sequence = null;
        if (syntax.Sequence.Length > 0 && !sequences.TryGetValue(syntax.Sequence, out sequence)) Report(DiagnosticCatalog.UnknownSequence, syntax.SequenceSpan, syntax.Sequence);
        int element = 0;
        double limit = 0, penalty = 0;
        int restarts = 2, iterations = 50, seed = 1;
        var terms = new List<ContrastTermModel>();
        var compare = new List<CompareEntryModel>();
        var ensembleAxes = new List<EnsembleSyntax>();
        var seen = new Dictionary<string, int>(global::System.StringComparer.Ordinal);
        bool FirstTime(string key, SourceSpan span)
        {
            if (seen.TryGetValue(key, out int line))
            {
                Report(DiagnosticCatalog.DuplicateSpinDeclaration, span, "'" + key + "' of optimize block '" + block + "'", line.ToString(CultureInfo.InvariantCulture));
                return false;
            }
            seen.Add(key, span.Line);
            return true;
        }

        foreach (var member in syntax.Members)
        {
            switch (member)
            {
                case ControlSyntax c:
                {
                    if (!FirstTime("control", c.Span)) break;
                    element = c.Element;
                    if (sequence is not null)
                    {
                        string? why = c.Element < 1 || c.Element > sequence.Elements.Count ? "the sequence has elements 1 to " + sequence.Elements.Count.ToString(CultureInfo.InvariantCulture) + " before its acquisition"
                            : sequence.Elements[c.Element - 1].Kind is not (SequenceElementKind.SincGaussian or SequenceElementKind.Edit) ? "only a shaped or edit pulse has a duration and steps to optimise"
                            : null;
                        if (why is not null) Report(DiagnosticCatalog.InvalidControlElement, c.ElementSpan, c.Element.ToString(CultureInfo.InvariantCulture), sequence.Name, why);
                    }
                    var limitOption = c.Options.FirstOrDefault(o => o.Name == "limit");
                    if (limitOption is null)
                    {
                        Report(DiagnosticCatalog.SpinValueOutOfRange, c.Span, "control needs an amplitude limit (control 5 limit 1 kHz)");
                        break;
                    }
                    double? hz = Read(limitOption.Value, SpinQuantityKind.Frequency, "the amplitude limit", out double si);
                    if (hz is <= 0) Report(DiagnosticCatalog.SpinValueOutOfRange, limitOption.Value.Span, "the amplitude limit must be positive");
                    limit = hz ?? 0;
                    declarations.Add(new DeclarationInfo(block + ".limit", "amplitude-limit", block, "s^-1", "Hz", si, Text(limit) + " Hz", "peak RF amplitude of the optimised pulse", c.Span.Line, c.Span.Column, false));
                    break;
                }
                case ContrastTermSyntax t:
                {
                    if (t.System.Length > 0 && !systems.ContainsKey(t.System)) Report(DiagnosticCatalog.UnknownSpinSystem, t.SystemSpan, block, t.System);
                    else if (systems.TryGetValue(t.System, out var system) && system?.T1Seconds is not null)
                        Report(DiagnosticCatalog.SpinValueOutOfRange, t.SystemSpan, "spin system '" + t.System + "' declares relaxation; optimisation uses the Hilbert-space path (no relaxation)");
                    double? low = Read(t.Low, SpinQuantityKind.Shift, "the window start", out _), high = Read(t.High, SpinQuantityKind.Shift, "the window end", out _);
                    double weight = 1;
                    var weightOption = t.Options.FirstOrDefault(o => o.Name == "weight");
                    if (weightOption is not null) weight = Plain(weightOption.Value, "a weight") ?? 1;
                    if (!(weight > 0)) Report(DiagnosticCatalog.SpinValueOutOfRange, weightOption!.Value.Span, "a weight must be positive");
                    if (low is null || high is null) break;
                    if (!(low < high))
                    {
                        Report(DiagnosticCatalog.SpinValueOutOfRange, t.High.Span, "the window must run from low to high ppm (2.30 ppm .. 2.40 ppm)");
                        break;
                    }
                    terms.Add(new ContrastTermModel(t.Word == "suppress", t.System, low.Value, high.Value, weight, t.Span.Line));
                    break;
                }
                case PenaltySyntax p:
                    if (!FirstTime("penalty", p.Span)) break;
                    penalty = Plain(p.Value, "the RF penalty weight (1/(Hz^2 s))") ?? 0;
                    if (penalty < 0) Report(DiagnosticCatalog.SpinValueOutOfRange, p.Value.Span, "the RF penalty weight cannot be negative");
                    break;
                case EnsembleSyntax e:
                    ensembleAxes.Add(e);
                    break;
                case OptimizerSettingSyntax s:
                    if (!FirstTime(s.Word, s.Span)) break;
                    if (s.Word != "seed" && s.Value < 1) Report(DiagnosticCatalog.SpinValueOutOfRange, s.ValueSpan, s.Word + " must be at least 1");
                    if (s.Word == "restarts") restarts = s.Value; else if (s.Word == "iterations") iterations = s.Value; else seed = s.Value;
                    break;
                case CompareSyntax c:
                    foreach (var entry in c.Entries)
                    {
                        if (entry.Sequence.Length == 0) continue;
                        bool ok = true;
                        foreach (var (name, span) in new[] { (entry.Sequence, entry.SequenceSpan), (entry.Subtracted, entry.SubtractedSpan) })
                        {
                            if (name is null || name.Length == 0 || sequences.ContainsKey(name)) continue;
                            Report(DiagnosticCatalog.UnknownSequence, span, name);
                            ok = false;
                        }
                        if (ok) compare.Add(new CompareEntryModel(entry.Sequence, entry.Subtracted));
                    }
                    break;
            }
        }
        if (!seen.ContainsKey("control")) Report(DiagnosticCatalog.MissingOptimizeDeclaration, syntax.NameSpan, block, "control (control 5 limit 1 kHz)");
        if (!terms.Any(t => !t.Suppress)) Report(DiagnosticCatalog.MissingOptimizeDeclaration, syntax.NameSpan, block, "maximize term (maximize Glutamate 2.30 ppm .. 2.40 ppm)");
        if (sequence is not null && sequence.LineBroadeningHz <= 0)
            Report(DiagnosticCatalog.SpinValueOutOfRange, syntax.SequenceSpan, "the spectral-area objective needs a positive line broadening in the acquisition of '" + sequence.Name + "' (lb 2 Hz)");
        var ensemble = Ensemble(ensembleAxes, block, declarations);
        if (_diagnostics.Count(d => d.IsError) > errors || sequence is null) return null;
        return new OptimizeModel(block, syntax.Description, sequence.Name, element, limit, terms, penalty, ensemble, restarts, iterations, seed, compare, syntax.NameSpan.Line);
    }
}
