using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NmrDsl.Runtime.Fitting;

/// <summary>Outcome of <see cref="LeastSquaresFit.Fit"/>. Arrays are indexed like the parameters / the data.</summary>
public sealed record FitResult
{
    public required FitParameter[] Parameters { get; init; }

    /// <summary>Estimated SI values.</summary>
    public required double[] Estimates { get; init; }

    /// <summary>
    /// Standard errors (SI) from the linearised covariance, √diag(C), C = G (JᵀWJ)⁻¹ G · s², with J taken in the
    /// internal variables, G = diag(θ) for log-scale parameters (1 otherwise), and s² = 1 when sigma was given,
    /// χ²/(m − n) otherwise. +∞ for parameters in a non-identifiable direction.
    /// </summary>
    public required double[] StandardErrors { get; init; }

    /// <summary>Covariance matrix (SI units), as above.</summary>
    public required double[,] Covariance { get; init; }

    /// <summary>Correlation matrix C_ij/√(C_ii C_jj); NaN where a variance is infinite.</summary>
    public required double[,] Correlation { get; init; }

    /// <summary>Model predictions at the estimates.</summary>
    public required double[] Predictions { get; init; }

    /// <summary>data − prediction, unweighted.</summary>
    public required double[] Residuals { get; init; }

    /// <summary>χ² = Σ wᵢ rᵢ² (wᵢ = 1/σᵢ² with sigma, the given weights, or 1).</summary>
    public required double ChiSquare { get; init; }

    /// <summary>√χ².</summary>
    public double ResidualNorm => Math.Sqrt(ChiSquare);

    /// <summary>m − n.</summary>
    public required int DegreesOfFreedom { get; init; }

    /// <summary>χ²/(m − n); ≈ 1 for a correct model with correct sigma.</summary>
    public double ReducedChiSquare => DegreesOfFreedom > 0 ? ChiSquare / DegreesOfFreedom : double.NaN;

    /// <summary>Variance scale applied to (JᵀWJ)⁻¹: 1 with sigma, the reduced χ² otherwise.</summary>
    public required double VarianceScale { get; init; }

    public required int Iterations { get; init; }

    public required int FunctionEvaluations { get; init; }

    public required bool Converged { get; init; }

    /// <summary>Why the iteration stopped, in words.</summary>
    public required string StopReason { get; init; }

    public required TimeSpan WallTime { get; init; }

    public required IdentifiabilityReport Identifiability { get; init; }

    /// <summary>Estimate of the parameter called <paramref name="name"/>.</summary>
    public double Estimate(string name) => Estimates[IndexOf(name)];

    /// <summary>Standard error of the parameter called <paramref name="name"/>.</summary>
    public double StandardError(string name) => StandardErrors[IndexOf(name)];

    private int IndexOf(string name)
    {
        int i = Array.FindIndex(Parameters, p => p.Name == name);
        return i >= 0 ? i : throw new ArgumentException($"No fit parameter named '{name}'; parameters: {string.Join(", ", Parameters.Select(p => p.Name))}.", nameof(name));
    }

    /// <summary>A plain-text summary (invariant culture).</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        sb.Append(c, $"fit {(Converged ? "converged" : "NOT converged")} ({StopReason}) after {Iterations} iterations, {FunctionEvaluations} evaluations, {WallTime.TotalSeconds:F3} s; chi2 = {ChiSquare:G6}, reduced {ReducedChiSquare:G6}").AppendLine();
        for (int i = 0; i < Parameters.Length; i++)
        {
            sb.Append(c, $"  {Parameters[i].Name} = {Estimates[i]:G8} ± {StandardErrors[i]:G3} {Parameters[i].SiUnit}").AppendLine();
        }

        foreach (string w in Identifiability.Warnings)
        {
            sb.Append("  warning: ").AppendLine(w);
        }

        return sb.ToString();
    }
}
