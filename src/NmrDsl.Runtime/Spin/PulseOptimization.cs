using System;
using System.Collections.Generic;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>Settings of <see cref="PulseOptimizer"/>.</summary>
/// <param name="MaxAmplitudeHz">Peak RF amplitude A (nutation frequency, Hz); enforced by <see cref="AmplitudeLimit"/>.</param>
/// <param name="Restarts">Number of L-BFGS runs; run 0 starts from the initial guess if one is given, the others from seeded random pulses.</param>
/// <param name="MaxIterations">L-BFGS iteration limit per run.</param>
/// <param name="Seed">Seed of the random starting pulses (same seed, same result).</param>
/// <param name="GradientTolerance">Stop when the gradient norm in the optimisation variables falls below this.</param>
/// <param name="Memory">Number of L-BFGS correction pairs.</param>
/// <param name="InitialAmplitudeFraction">Random starts draw amplitudes uniformly in [0, this·A] with uniform phases.</param>
public sealed record PulseOptimizerOptions(
    double MaxAmplitudeHz,
    int Restarts = 4,
    int MaxIterations = 200,
    int Seed = 1,
    double GradientTolerance = 1e-8,
    int Memory = 10,
    double InitialAmplitudeFraction = 0.5)
{
    /// <summary>Throws <see cref="ArgumentException"/> for invalid settings.</summary>
    public void Validate()
    {
        if (!(MaxAmplitudeHz > 0) || !double.IsFinite(MaxAmplitudeHz)) throw new ArgumentException(Invariant($"MaxAmplitudeHz must be positive, got {MaxAmplitudeHz}."));
        if (Restarts < 1 || MaxIterations < 1 || Memory < 1) throw new ArgumentException(Invariant($"Restarts ({Restarts}), MaxIterations ({MaxIterations}) and Memory ({Memory}) must be ≥ 1."));
        if (!(GradientTolerance > 0)) throw new ArgumentException(Invariant($"GradientTolerance must be positive, got {GradientTolerance}."));
        if (!(InitialAmplitudeFraction > 0 && InitialAmplitudeFraction < 1)) throw new ArgumentException(Invariant($"InitialAmplitudeFraction must be in (0, 1), got {InitialAmplitudeFraction}."));
    }
}

/// <summary>Progress of <see cref="PulseOptimizer"/>, reported after every objective evaluation.</summary>
/// <param name="Restart">Current run (0-based).</param>
/// <param name="Evaluation">Objective evaluations so far in this run.</param>
/// <param name="Value">Φ at the point just evaluated.</param>
/// <param name="BestValue">Best Φ over all runs so far.</param>
public sealed record PulseOptimizationProgress(int Restart, int Evaluation, double Value, double BestValue);

/// <summary>Outcome of <see cref="PulseOptimizer.Maximize"/>.</summary>
/// <param name="Controls">Best controls [u_x…, u_y…] in Hz (every step within the amplitude limit).</param>
/// <param name="Value">Φ at <paramref name="Controls"/>.</param>
/// <param name="BestRestart">The run that found it.</param>
/// <param name="Evaluations">Objective evaluations over all runs.</param>
/// <param name="RestartValues">Best Φ of each run.</param>
/// <param name="ExitReasons">How each run ended (MathNet's exit reason, or the exception that stopped it).</param>
public sealed record PulseOptimizationResult(double[] Controls, double Value, int BestRestart, int Evaluations, IReadOnlyList<double> RestartValues, IReadOnlyList<string> ExitReasons);
