using System;

namespace NmrDsl.Runtime.Pde;

/// <summary>Work done by a finite-volume solve; step sizes in s.</summary>
/// <param name="Cells">Cells in the mesh.</param>
/// <param name="AcceptedSteps">TR-BDF2 steps kept.</param>
/// <param name="RejectedSteps">Steps redone because the error estimate exceeded the tolerance.</param>
/// <param name="Assemblies">Matrix assemblies (1 for a time-independent problem).</param>
/// <param name="Factorizations">Tridiagonal factorisations.</param>
/// <param name="SmallestStep">Smallest accepted step, s.</param>
/// <param name="LargestStep">Largest accepted step, s.</param>
/// <param name="WallTime">Elapsed wall-clock time of the solve.</param>
public sealed record SolverStatistics(
    int Cells,
    int AcceptedSteps,
    int RejectedSteps,
    int Assemblies,
    int Factorizations,
    double SmallestStep,
    double LargestStep,
    TimeSpan WallTime);
