using System;
using System.Collections.Generic;
using static System.FormattableString;

namespace NmrDsl.Runtime.Pde;

/// <summary>Settings of <see cref="FiniteVolumeSolver.Solve"/>. Times in s, the absolute tolerance in the field's unit.</summary>
public sealed record FiniteVolumeOptions
{
    /// <summary>Requested number of cells (spread over the regions in proportion to their length, at least 2 each).</summary>
    public int Cells { get; init; } = 200;

    /// <summary>Explicit output times (s), increasing, in [0, EndTime]; overrides <see cref="OutputCount"/>.</summary>
    public IReadOnlyList<double>? OutputTimes { get; init; }

    /// <summary>Number of evenly spaced output times on [0, EndTime], both ends included.</summary>
    public int OutputCount { get; init; } = 101;

    /// <summary>Relative tolerance of the integrator's local error.</summary>
    public double RelativeTolerance { get; init; } = 1e-8;

    /// <summary>
    /// Absolute tolerance in the field's unit; when null, 1e-12 times the field magnitude U of
    /// <see cref="Scales.Field"/> (initial values, boundary values, source equilibria).
    /// </summary>
    public double? AbsoluteTolerance { get; init; }

    /// <summary>When set, fixed TR-BDF2 steps of at most this size (s) without error control.</summary>
    public double? FixedStep { get; init; }

    /// <summary>Step budget of the integrator.</summary>
    public int MaxSteps { get; init; } = 1_000_000;

    /// <summary>The output times in s for a problem ending at <paramref name="endTime"/>, validated.</summary>
    public double[] ResolveOutputTimes(double endTime)
    {
        if (OutputTimes is { } explicitTimes)
        {
            if (explicitTimes.Count == 0)
            {
                throw new ArgumentException("OutputTimes is empty; give at least one time or leave it null.");
            }

            var times = new double[explicitTimes.Count];
            for (int i = 0; i < times.Length; i++)
            {
                double t = explicitTimes[i];
                if (!double.IsFinite(t) || t < 0 || t > endTime || (i > 0 && t <= times[i - 1]))
                {
                    throw new ArgumentException(Invariant($"Output times must increase strictly within [0, {endTime}] s; output {i} is {t} s."));
                }

                times[i] = t;
            }

            return times;
        }

        if (OutputCount < 2)
        {
            throw new ArgumentException(Invariant($"OutputCount must be at least 2 (the start and the end), got {OutputCount}."));
        }

        var even = new double[OutputCount];
        for (int i = 0; i < OutputCount; i++)
        {
            even[i] = endTime * i / (OutputCount - 1);
        }

        even[^1] = endTime;
        return even;
    }

    internal void Validate()
    {
        if (Cells <= 0)
        {
            throw new ArgumentException(Invariant($"Cells must be positive, got {Cells}."));
        }

        if (!(RelativeTolerance >= 0) || !double.IsFinite(RelativeTolerance))
        {
            throw new ArgumentException(Invariant($"RelativeTolerance must be non-negative and finite, got {RelativeTolerance}."));
        }

        if (AbsoluteTolerance is { } atol && (!(atol >= 0) || !double.IsFinite(atol)))
        {
            throw new ArgumentException(Invariant($"AbsoluteTolerance must be non-negative and finite, got {atol}."));
        }

        if (FixedStep is { } h && (!(h > 0) || !double.IsFinite(h)))
        {
            throw new ArgumentException(Invariant($"FixedStep must be positive and finite, got {h} s."));
        }

        if (MaxSteps <= 0)
        {
            throw new ArgumentException(Invariant($"MaxSteps must be positive, got {MaxSteps}."));
        }
    }
}
