using System;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// An ideal (instantaneous, non-selective) RF pulse on the channel: the rotation
/// R = exp(−i θ (cos φ F_x + sin φ F_y)), ρ → R ρ R†, with θ = flip × B1 scale. A 90°ₓ pulse takes
/// I_z to −I_y (right-handed rotation about x).
/// </summary>
/// <param name="FlipDegrees">Nominal flip angle θ in degrees.</param>
/// <param name="PhaseDegrees">RF phase φ in degrees (0 = x, 90 = y).</param>
public sealed record HardPulse(double FlipDegrees, double PhaseDegrees = 0) : SequenceElement
{
    /// <summary>Nominal flip angle in degrees (finite).</summary>
    public double FlipDegrees { get; } = double.IsFinite(FlipDegrees) ? FlipDegrees : throw new ArgumentException(Invariant($"A hard pulse needs a finite flip angle, got {FlipDegrees} deg."), nameof(FlipDegrees));

    /// <summary>RF phase in degrees (finite).</summary>
    public double PhaseDegrees { get; } = double.IsFinite(PhaseDegrees) ? PhaseDegrees : throw new ArgumentException(Invariant($"A hard pulse needs a finite phase, got {PhaseDegrees} deg."), nameof(PhaseDegrees));
}
