using System;
using System.Collections.Generic;
using System.Linq;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// One term of a contrast objective on the absorption-mode area A of <paramref name="System"/>'s spectrum over
/// [<paramref name="LowPpm"/>, <paramref name="HighPpm"/>] (<see cref="SpectralWindowOperator"/>): +w·A when
/// maximised, −w·A² when suppressed (a squared area is zero only when the signal is, whereas −w·A is also
/// rewarded by inverting the suppressed system, which an optimiser finds).
/// </summary>
public sealed record ContrastTerm(string Name, SpinSystem System, double LowPpm, double HighPpm, double Weight, bool Suppress);

/// <summary>A sequence reported next to the optimised one, or the difference ON − OFF of two (MEGA editing).</summary>
public sealed record ComparedSequence(string Label, PulseSequence Sequence, PulseSequence? Subtracted);

/// <summary>
/// What an <c>optimize</c> block declares: GRAPE on element <paramref name="ControlIndex"/> (0-based; a
/// <see cref="ShapedPulse"/> or <see cref="EditingPulse"/>, whose shape is the first start and whose duration
/// and steps fix the control grid) of <paramref name="Sequence"/>, maximising
/// Φ(u) = ⟨Σ_terms ±w·A or −w·A²⟩_ensemble − λ Σ_j |u_j|² Δt (λ = <paramref name="PenaltyWeight"/>, 1/(Hz²·s)).
/// </summary>
public sealed record SpinOptimizationSetup(
    string Name,
    PulseSequence Sequence,
    int ControlIndex,
    IReadOnlyList<ContrastTerm> Terms,
    double PenaltyWeight,
    IReadOnlyList<EnsembleMember>? Ensemble,
    PulseOptimizerOptions Options,
    IReadOnlyList<ComparedSequence> Compare)
{
    /// <summary>Checks the setup; throws <see cref="ArgumentException"/> with the reason.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Sequence);
        ArgumentNullException.ThrowIfNull(Terms);
        ArgumentNullException.ThrowIfNull(Options);
        ArgumentNullException.ThrowIfNull(Compare);
        if (ControlIndex < 0 || ControlIndex >= Sequence.Elements.Count || Sequence.Elements[ControlIndex] is not (ShapedPulse or EditingPulse))
        {
            throw new ArgumentException(Invariant($"Element {ControlIndex} of the sequence is not a shaped or editing pulse."));
        }

        if (!Terms.Any(t => !t.Suppress)) throw new ArgumentException("An optimisation needs at least one maximised term.");
        SpinSystem first = Terms[0].System;
        if (Terms.Any(t => t.System.FieldTesla != first.FieldTesla || t.System.ReferencePpm != first.ReferencePpm))
        {
            throw new ArgumentException("All spin systems of an optimisation must share the field and the reference (one spectrum axis, one pulse in Hz).");
        }

        if (!(PenaltyWeight >= 0) || !double.IsFinite(PenaltyWeight)) throw new ArgumentException(Invariant($"The RF penalty weight must be finite and ≥ 0, got {PenaltyWeight}."));
        Options.Validate();
    }

    /// <summary>The optimised pulse as declared (its controls start restart 0), at the systems' field and reference.</summary>
    public ShapedPulse InitialPulse()
    {
        SpinSystem system = Terms[0].System;
        return Sequence.Elements[ControlIndex] switch
        {
            ShapedPulse s => s,
            EditingPulse e => e.ToShaped(new HilbertSimulator(system).ObserveFrequencyHz, system.ReferencePpm),
            _ => throw new InvalidOperationException("The control element is not a pulse."),
        };
    }

    /// <summary>The sequence with the controlled element replaced by <paramref name="pulse"/>.</summary>
    public PulseSequence WithPulse(ShapedPulse pulse) => new(Sequence.Elements.Select((e, i) => i == ControlIndex ? pulse : e), Sequence.Acquisition);

    /// <summary>Φ as a differentiable objective (GRAPE-exact gradients, <see cref="GrapeObjective.SpectralArea"/>).</summary>
    public IPulseObjective Objective()
    {
        ShapedPulse pulse = InitialPulse();
        SequenceElement[] prefix = Sequence.Elements.Take(ControlIndex).ToArray(), suffix = Sequence.Elements.Skip(ControlIndex + 1).ToArray();
        var terms = new List<(double, IPulseObjective)>();
        foreach (ContrastTerm t in Terms)
        {
            var area = GrapeObjective.SpectralArea(new HilbertSimulator(t.System), t.LowPpm, t.HighPpm, Sequence.Acquisition, pulse.Steps, pulse.StepSeconds, Ensemble, prefix, suffix);
            terms.Add(t.Suppress ? (-t.Weight, new SquaredObjective(area)) : (t.Weight, area));
        }

        return new CompositeObjective(terms, PenaltyWeight);
    }
}
