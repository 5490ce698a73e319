using System;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// A differentiable figure of merit Φ(u) of a piecewise-constant RF pulse, to be maximised.
/// Controls u are Cartesian nutation amplitudes in Hz laid out as [u_x,0 … u_x,M−1, u_y,0 … u_y,M−1].
/// </summary>
public interface IPulseObjective
{
    /// <summary>Number of pulse steps M.</summary>
    int Steps { get; }

    /// <summary>Duration of one step, s.</summary>
    double StepSeconds { get; }

    /// <summary>Returns Φ(u) and writes ∂Φ/∂u (per Hz) into <paramref name="gradient"/> (length 2M).</summary>
    double Evaluate(ReadOnlySpan<double> controls, Span<double> gradient);
}
