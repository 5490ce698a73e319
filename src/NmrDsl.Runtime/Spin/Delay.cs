using System;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>Free evolution under the delay Hamiltonian H₀ (plus any B0 offset) for <paramref name="Seconds"/> s.</summary>
public sealed record Delay(double Seconds) : SequenceElement
{
    /// <summary>Duration in seconds (finite, ≥ 0).</summary>
    public double Seconds { get; } = Seconds >= 0 && double.IsFinite(Seconds) ? Seconds : throw new ArgumentException(Invariant($"A delay needs a finite non-negative duration, got {Seconds} s."), nameof(Seconds));
}
