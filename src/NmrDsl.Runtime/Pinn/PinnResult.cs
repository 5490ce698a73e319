using System;
using System.Collections.Generic;
using NmrDsl.Runtime.Fitting;

namespace NmrDsl.Runtime.Pinn;

/// <summary>One entry of the loss history: the weighted total, each unweighted term and the unknowns (SI).</summary>
public sealed record PinnHistoryEntry(string Phase, int Iteration, double Loss, IReadOnlyDictionary<string, double> Terms, double[] Unknowns);

/// <summary>Progress of a PINN fit, reported every <see cref="PinnOptions.ReportEvery"/> iterations.</summary>
public sealed record PinnProgress(string Phase, int Iteration, int Total, double Loss, IReadOnlyDictionary<string, double> Terms, IReadOnlyList<(string Name, double Value, string Unit)> Unknowns);




/// <summary>Outcome of <see cref="PinnTrainer.Fit"/>.</summary>
public sealed record PinnResult
{
    public required string ProblemName { get; init; }

    /// <summary>The unknowns as fitted (starting values are the spec's or the caller's).</summary>
    public required FitParameter[] Parameters { get; init; }

    /// <summary>Estimates (SI) in the order of <see cref="Parameters"/>.</summary>
    public required double[] Estimates { get; init; }

    /// <summary>Final weighted loss.</summary>
    public required double Loss { get; init; }

    /// <summary>Final unweighted loss terms (pde, data, interface, boundary, initial; those present).</summary>
    public required IReadOnlyDictionary<string, double> Terms { get; init; }

    /// <summary>Final term weights (the spec's, or as balanced automatically).</summary>
    public required IReadOnlyDictionary<string, double> Weights { get; init; }

    public required IReadOnlyList<PinnHistoryEntry> History { get; init; }

    public required int AdamIterations { get; init; }

    /// <summary>Loss evaluations in the L-BFGS phase.</summary>
    public required int LbfgsEvaluations { get; init; }

    /// <summary>Training wall time, including time before a resume.</summary>
    public required TimeSpan WallTime { get; init; }

    /// <summary>True when the run continued from a checkpoint.</summary>
    public required bool Resumed { get; init; }

    public required string[] Observables { get; init; }

    /// <summary>Data times (s) the observables were fitted at.</summary>
    public required double[] Times { get; init; }

    /// <summary>Data per observable at <see cref="Times"/> (after augmentation when enabled).</summary>
    public required double[][] Data { get; init; }

    /// <summary>The network's observables at <see cref="Times"/>.</summary>
    public required double[][] Fitted { get; init; }

    /// <summary>The reconstructed field on a grid (positions in m, times in s).</summary>
    public required FieldGrid Field { get; init; }

    /// <summary>Number of collocation points (all regions).</summary>
    public required int CollocationPoints { get; init; }

    public required PinnOptions Options { get; init; }

    /// <summary>The stretched exponentials that replaced the data, per observable (null without augmentation).</summary>
    public IReadOnlyDictionary<string, StretchedExponential>? Augmentation { get; init; }
}
