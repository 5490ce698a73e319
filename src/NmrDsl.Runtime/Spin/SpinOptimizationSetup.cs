using System;
using System.Collections.Generic;
using System.Linq;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// One term of a contrast objective on the complex window integral Z = A + iB of <paramref name="System"/>'s
/// spectrum over [<paramref name="LowPpm"/>, <paramref name="HighPpm"/>] (A the absorption-mode area of
/// <see cref="SpectralWindowOperator"/>, B the same with the receiver phase advanced by 90°, the dispersion
/// area): +w·A when maximised, −w·|Z|² = −w(A² + B²) when suppressed. Why squared: −w·A is also rewarded by
/// inverting the suppressed system (A &lt; 0), which an optimiser finds. Why both quadratures: −w·A² alone is
/// zeroed by turning the line into dispersion (found in the first glu-gln runs: Gln's absorption area fell
/// 14-fold while its magnitude integral fell by 16 %); |Z|² does not depend on the receiver phase.
/// </summary>
public sealed record ContrastTerm(string Name, SpinSystem System, double LowPpm, double HighPpm, double Weight, bool Suppress);

/// <summary>A sequence reported next to the optimised one, or the difference ON − OFF of two (MEGA editing).</summary>
public sealed record ComparedSequence(string Label, PulseSequence Sequence, PulseSequence? Subtracted);

/// <summary>
/// What an <c>optimize</c> block declares: GRAPE on element <paramref name="ControlIndex"/> (0-based; a
/// <see cref="ShapedPulse"/> or <see cref="EditingPulse"/>, whose shape is the first start and whose duration
/// and steps fix the control grid) of <paramref name="Sequence"/>, maximising
/// Φ(u) = Σ_terms (+w·⟨A⟩ or −w(⟨A⟩² + ⟨B⟩²)) − λ Σ_j |u_j|² Δt (λ = <paramref name="PenaltyWeight"/>, 1/(Hz²·s)).
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
            var simulator = new HilbertSimulator(t.System);
            var absorption = GrapeObjective.SpectralArea(simulator, t.LowPpm, t.HighPpm, Sequence.Acquisition, pulse.Steps, pulse.StepSeconds, Ensemble, prefix, suffix);
            if (!t.Suppress)
            {
                terms.Add((t.Weight, absorption));
                continue;
            }

            Acquisition a = Sequence.Acquisition, quadrature = new(a.Points, a.SpectralWidthHz, a.LineBroadeningHz, a.ReceiverPhaseDegrees + 90);
            var dispersion = GrapeObjective.SpectralArea(simulator, t.LowPpm, t.HighPpm, quadrature, pulse.Steps, pulse.StepSeconds, Ensemble, prefix, suffix);
            terms.Add((-t.Weight, new SquaredObjective(absorption)));
            terms.Add((-t.Weight, new SquaredObjective(dispersion)));
        }

        return new CompositeObjective(terms, PenaltyWeight);
    }
}
