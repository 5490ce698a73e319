using System;
using System.Collections.Generic;
using System.Linq;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// A piecewise-constant RF pulse on the channel: step j lasts <see cref="StepSeconds"/> and has
/// Cartesian nutation amplitudes u_x,j and u_y,j in Hz (ν1 = γB1/2π), i.e. the Hamiltonian
/// H₀ + 2π s (u_x,j F_x + u_y,j F_y) with s the B1 scale. Amplitude/phase form: u_x = a cos φ, u_y = a sin φ.
/// </summary>
public sealed record ShapedPulse : SequenceElement
{
    private readonly double[] _x;
    private readonly double[] _y;

    /// <summary>Creates a shaped pulse from Cartesian amplitudes in Hz (arrays are copied).</summary>
    public ShapedPulse(double stepSeconds, IReadOnlyList<double> xHz, IReadOnlyList<double> yHz)
    {
        ArgumentNullException.ThrowIfNull(xHz);
        ArgumentNullException.ThrowIfNull(yHz);
        if (!(stepSeconds > 0) || !double.IsFinite(stepSeconds)) throw new ArgumentException(Invariant($"A shaped pulse needs a positive finite step, got {stepSeconds} s."), nameof(stepSeconds));
        if (xHz.Count == 0 || xHz.Count != yHz.Count) throw new ArgumentException(Invariant($"A shaped pulse needs equally many (≥ 1) x and y amplitudes, got {xHz.Count} and {yHz.Count}."), nameof(xHz));
        _x = xHz.ToArray();
        _y = yHz.ToArray();
        for (int j = 0; j < _x.Length; j++)
        {
            if (!double.IsFinite(_x[j]) || !double.IsFinite(_y[j])) throw new ArgumentException(Invariant($"Shaped pulse step {j} has a non-finite amplitude ({_x[j]}, {_y[j]}) Hz."), nameof(xHz));
        }

        StepSeconds = stepSeconds;
    }

    /// <summary>Creates a shaped pulse from amplitudes (Hz) and phases (radians).</summary>
    public static ShapedPulse FromAmplitudePhase(double stepSeconds, IReadOnlyList<double> amplitudeHz, IReadOnlyList<double> phaseRadians)
    {
        ArgumentNullException.ThrowIfNull(amplitudeHz);
        ArgumentNullException.ThrowIfNull(phaseRadians);
        if (amplitudeHz.Count != phaseRadians.Count) throw new ArgumentException(Invariant($"{amplitudeHz.Count} amplitudes but {phaseRadians.Count} phases."), nameof(phaseRadians));
        return new ShapedPulse(
            stepSeconds,
            amplitudeHz.Select((a, j) => a * Math.Cos(phaseRadians[j])).ToArray(),
            amplitudeHz.Select((a, j) => a * Math.Sin(phaseRadians[j])).ToArray());
    }

    /// <summary>A constant-amplitude (rectangular) pulse of <paramref name="steps"/> steps.</summary>
    public static ShapedPulse Rectangular(double durationSeconds, int steps, double amplitudeHz, double phaseRadians = 0)
    {
        if (steps < 1) throw new ArgumentException(Invariant($"A pulse needs at least one step, got {steps}."), nameof(steps));
        return FromAmplitudePhase(durationSeconds / steps, Enumerable.Repeat(amplitudeHz, steps).ToArray(), Enumerable.Repeat(phaseRadians, steps).ToArray());
    }

    /// <summary>Duration of one step in seconds.</summary>
    public double StepSeconds { get; }

    /// <summary>Number of steps.</summary>
    public int Steps => _x.Length;

    /// <summary>Total duration in seconds.</summary>
    public double DurationSeconds => StepSeconds * _x.Length;

    /// <summary>x amplitudes in Hz.</summary>
    public IReadOnlyList<double> XHz => _x;

    /// <summary>y amplitudes in Hz.</summary>
    public IReadOnlyList<double> YHz => _y;

    /// <summary>Nominal on-resonance flip angle in degrees of the x/y vector sum: 360°·|Σ_j (u_x,j + i u_y,j)| Δt.</summary>
    public double NominalFlipDegrees()
    {
        double sx = _x.Sum() * StepSeconds, sy = _y.Sum() * StepSeconds;
        return 360 * Math.Sqrt(sx * sx + sy * sy);
    }
}
