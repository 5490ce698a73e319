namespace NmrDsl.Runtime.Pde;

/// <summary>Work done by an integration, in the integrator's time variable.</summary>
/// <param name="AcceptedSteps">Steps kept.</param>
/// <param name="RejectedSteps">Steps redone with a smaller size because the error estimate exceeded the tolerance.</param>
/// <param name="Assemblies">Evaluations of M, A, b (1 for a time-independent system).</param>
/// <param name="Factorizations">Tridiagonal factorisations of M − d h A.</param>
/// <param name="SmallestStep">Smallest accepted step.</param>
/// <param name="LargestStep">Largest accepted step.</param>
public sealed record IntegratorStatistics(
    int AcceptedSteps,
    int RejectedSteps,
    int Assemblies,
    int Factorizations,
    double SmallestStep,
    double LargestStep);
