using System;

namespace NmrDsl.Runtime.Fitting;

/// <summary>Settings of <see cref="LeastSquaresFit.Fit"/>; every property has a working default.</summary>
public sealed record FitOptions
{
    /// <summary>Maximum Levenberg–Marquardt iterations (each one Jacobian).</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>Maximum model evaluations in all, Jacobian columns included.</summary>
    public int MaxFunctionEvaluations { get; init; } = 10_000;

    /// <summary>Converged when a step changes no internal variable by more than this, relative to max(|z|, 1) (ln units for log-scale parameters).</summary>
    public double StepTolerance { get; init; } = 1e-10;

    /// <summary>Converged when both the actual and predicted relative reductions of χ² are at most this.</summary>
    public double FunctionTolerance { get; init; } = 1e-14;

    /// <summary>Central differences (2 evaluations a column, error O(h²)) instead of forward (1 a column, O(h)).</summary>
    public bool CentralDifferences { get; init; } = true;

    /// <summary>
    /// Finite-difference step in the internal variables relative to their typical scale; null: ε^{1/3} ≈ 6e-6
    /// (central) or ε^{1/2} ≈ 1.5e-8 (forward). Raise it (1e-4 to 1e-3) for models that are only smooth to a
    /// solver tolerance, such as adaptive time integration.
    /// </summary>
    public double? RelativeStep { get; init; }

    /// <summary>
    /// Largest change of an internal variable in one step, in units of its typical scale (ln units for
    /// log-scale parameters: 1 = a factor e; |Initial| for linear ones). Keeps Gauss–Newton steps from far-off
    /// starts from landing where the model saturates and the gradient vanishes.
    /// </summary>
    public double MaxStep { get; init; } = 1.0;

    /// <summary>Initial damping relative to the largest diagonal of JᵀWJ (Nielsen's τ).</summary>
    public double InitialDamping { get; init; } = 1e-3;

    /// <summary>Per-point weights (relative; the covariance is then scaled by the residual variance). Exclusive with sigma.</summary>
    public double[]? Weights { get; init; }

    /// <summary>Parallel model evaluations for the Jacobian columns; −1 = as many as the scheduler allows.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>
    /// λ_min/λ_max of the relative Fisher matrix below which a direction is reported as not identifiable. See
    /// <see cref="IdentifiabilityReport"/> for the justification of the default 1e-10.
    /// </summary>
    public double SingularityTolerance { get; init; } = 1e-10;

    /// <summary>Relative standard error above which a parameter is reported as poorly determined.</summary>
    public double PoorRelativeStandardError { get; init; } = 0.5;

    internal double Step => RelativeStep ?? (CentralDifferences ? Math.Cbrt(Math.Pow(2, -52)) : Math.Sqrt(Math.Pow(2, -52)));
}

/// <summary>Progress after each Levenberg–Marquardt iteration.</summary>
/// <param name="Iteration">Iterations done.</param>
/// <param name="FunctionEvaluations">Model evaluations so far.</param>
/// <param name="Values">Current SI parameter values.</param>
/// <param name="ChiSquare">Current weighted sum of squared residuals.</param>
/// <param name="Damping">Current Marquardt damping λ.</param>
public sealed record FitProgress(int Iteration, int FunctionEvaluations, double[] Values, double ChiSquare, double Damping);
