using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MathNet.Numerics.LinearAlgebra;

namespace NmrDsl.Runtime.Fitting;

/// <summary>
/// Local identifiability at the estimate, from the Fisher information in relative coordinates:
/// F = J_relᵀ W J_rel / s², where column j of J_rel is ∂prediction/∂ln θ_j (for a linear-scale parameter
/// θ_j ∂prediction/∂θ_j, i.e. still a relative change). Relative coordinates make the eigenvalues comparable
/// across parameters of different units; an eigenvector is then a combination Σ v_j ln θ_j, and 1/√λ is the
/// standard error of that combination (a relative error).
/// <para>
/// Tolerance: a direction is reported as not identifiable when λ/λ_max &lt; <see cref="FitOptions.SingularityTolerance"/>
/// (default 1e-10), i.e. its sensitivity (singular value) is below 1e-5 of the best-determined one. Two
/// reasons: (1) an exactly degenerate direction does not give λ = 0 numerically, because the finite-difference
/// Jacobian has relative errors of about h² ≈ 4e-11 (central) to h ≈ 1.5e-8 (forward) and the solver
/// behind the model is itself only accurate to its tolerance (1e-6–1e-9), so its singular value is of that
/// order relative to the largest, λ/λ_max ≈ 1e-12–1e-22 — safely under 1e-10; (2) a direction with a singular
/// value ratio of 1e-5 would need a relative measurement noise below about 1e-5 to be determined to 100 %,
/// far beyond NMR build-up data (signal-to-noise 10²–10³), so reporting it as not identifiable loses nothing
/// real. Directions that clear this tolerance but whose relative standard error exceeds
/// <see cref="FitOptions.PoorRelativeStandardError"/> are reported as poorly determined.
/// </para>
/// </summary>
public sealed record IdentifiabilityReport
{
    public required string[] ParameterNames { get; init; }

    /// <summary>Eigenvalues of the relative Fisher matrix, ascending.</summary>
    public required double[] FisherEigenvalues { get; init; }

    /// <summary>Eigenvectors (columns, unit length) matching <see cref="FisherEigenvalues"/>, in ln θ coordinates.</summary>
    public required double[,] FisherEigenvectors { get; init; }

    /// <summary>λ_max/λ_min (+∞ when λ_min ≤ 0).</summary>
    public required double ConditionNumber { get; init; }

    /// <summary>Eigenvector of the smallest eigenvalue, scaled so its largest component is ±1 (positive).</summary>
    public required double[] WeakestDirection { get; init; }

    /// <summary>The weakest direction in words, e.g. "2 ln D + ln R".</summary>
    public required string WeakestCombination { get; init; }

    /// <summary>1/√λ_min: relative standard error of the weakest combination.</summary>
    public required double WeakestCombinationStandardError { get; init; }

    /// <summary>Standard error / |estimate| per parameter (+∞ if not identifiable).</summary>
    public required double[] RelativeStandardErrors { get; init; }

    /// <summary>True when no direction falls under the singularity tolerance.</summary>
    public required bool IsIdentifiable { get; init; }

    /// <summary>Human-readable warnings (non-identifiable combinations, poorly determined or bound-limited parameters).</summary>
    public required string[] Warnings { get; init; }

    /// <summary>s² was zero (noise-free fit without sigma): F uses unit variance, so only ratios of eigenvalues mean anything.</summary>
    public required bool UnitVarianceAssumed { get; init; }

    internal static IdentifiabilityReport Build(FitParameter[] parameters, double[] values, double[,] relativeJacobianWeighted,
        double varianceScale, bool unitVarianceAssumed, double[] relativeStandardErrors, bool[] atBound, FitOptions options)
    {
        int n = parameters.Length;
        string[] names = parameters.Select(p => p.Name).ToArray();
        Matrix<double> j = Matrix<double>.Build.DenseOfArray(relativeJacobianWeighted);
        Matrix<double> fisher = j.TransposeThisAndMultiply(j) / varianceScale;
        fisher = 0.5 * (fisher + fisher.Transpose());
        var evd = fisher.Evd(Symmetricity.Symmetric);
        double[] lambda = evd.EigenValues.Select(e => e.Real).ToArray();
        int[] order = Enumerable.Range(0, n).OrderBy(k => lambda[k]).ToArray();
        double[] sorted = order.Select(k => lambda[k]).ToArray();
        var vectors = new double[n, n];
        for (int c = 0; c < n; c++)
        {
            for (int r = 0; r < n; r++)
            {
                vectors[r, c] = evd.EigenVectors[r, order[c]];
            }
        }

        double lmax = sorted[^1], lmin = sorted[0];
        double condition = lmin > 0 ? lmax / lmin : double.PositiveInfinity;
        var warnings = new List<string>();
        bool identifiable = true;
        for (int c = 0; c < n; c++)
        {
            if (!(lmax > 0) || sorted[c] < options.SingularityTolerance * lmax)
            {
                identifiable = false;
                double[] v = Column(vectors, c);
                warnings.Add(DescribeNullDirection(names, v, sorted[c], lmax));
            }
        }

        for (int i = 0; i < n; i++)
        {
            if (atBound[i])
            {
                warnings.Add($"{names[i]} ended at a bound ({values[i].ToString("G6", CultureInfo.InvariantCulture)} {parameters[i].SiUnit}".TrimEnd() + "); its standard error is not meaningful and the bound may be too tight.");
            }
            else if (identifiable && !unitVarianceAssumed && relativeStandardErrors[i] > options.PoorRelativeStandardError)
            {
                warnings.Add($"{names[i]} is poorly determined: relative standard error {relativeStandardErrors[i].ToString("P0", CultureInfo.InvariantCulture)}.");
            }
        }

        double[] weakest = Normalise(Column(vectors, 0));
        return new IdentifiabilityReport
        {
            ParameterNames = names,
            FisherEigenvalues = sorted,
            FisherEigenvectors = vectors,
            ConditionNumber = condition,
            WeakestDirection = weakest,
            WeakestCombination = Combination(names, weakest),
            WeakestCombinationStandardError = lmin > 0 ? 1.0 / Math.Sqrt(lmin) : double.PositiveInfinity,
            RelativeStandardErrors = relativeStandardErrors,
            IsIdentifiable = identifiable,
            Warnings = warnings.ToArray(),
            UnitVarianceAssumed = unitVarianceAssumed,
        };
    }

    private static double[] Column(double[,] m, int c) => Enumerable.Range(0, m.GetLength(0)).Select(r => m[r, c]).ToArray();

    private static double[] Normalise(double[] v)
    {
        int k = 0;
        for (int i = 1; i < v.Length; i++)
        {
            if (Math.Abs(v[i]) > Math.Abs(v[k]))
            {
                k = i;
            }
        }

        double s = v[k];
        return v.Select(x => x / s).ToArray();
    }

    /// <summary>
    /// A null direction v (moving ln θ along v leaves the predictions unchanged). With two participating
    /// parameters i, j the determined combination is the orthogonal one, v_j ln θ_i − v_i ln θ_j; with more,
    /// the undetermined combination is named instead.
    /// </summary>
    private static string DescribeNullDirection(string[] names, double[] v, double lambda, double lmax)
    {
        double big = v.Max(Math.Abs);
        int[] part = Enumerable.Range(0, v.Length).Where(i => Math.Abs(v[i]) > 0.05 * big).ToArray();
        string ratio = (lmax > 0 ? lambda / lmax : double.NaN).ToString("G2", CultureInfo.InvariantCulture);
        if (part.Length == 1)
        {
            return $"{names[part[0]]} is not identifiable: the predictions do not depend on it (Fisher eigenvalue ratio {ratio}).";
        }

        if (part.Length == 2)
        {
            int i = part[0], j = part[1];
            var det = new double[v.Length];
            det[i] = v[j];
            det[j] = -v[i];
            double lead = det[i];
            det = det.Select(x => x / lead).ToArray();
            return $"{names[i]} and {names[j]} are not separately identifiable: only the combination {Combination(names, det)} is determined (Fisher eigenvalue ratio {ratio}).";
        }

        return $"{string.Join(", ", part.Select(p => names[p]))} are not separately identifiable: the combination {Combination(names, Normalise(v))} is not determined (Fisher eigenvalue ratio {ratio}).";
    }

    /// <summary>"ln D − 2 ln R": coefficients within 0.01 of an integer are printed as integers.</summary>
    internal static string Combination(string[] names, double[] coefficients)
    {
        var terms = new List<string>();
        for (int i = 0; i < names.Length; i++)
        {
            double c = coefficients[i];
            if (Math.Abs(c) < 0.05 * coefficients.Max(Math.Abs))
            {
                continue;
            }

            double rounded = Math.Round(c);
            double shown = Math.Abs(c - rounded) < 0.01 ? rounded : Math.Round(c, 3);
            string mag = Math.Abs(shown) == 1 ? "" : Math.Abs(shown).ToString("G4", CultureInfo.InvariantCulture) + " ";
            string sign = shown < 0 ? (terms.Count == 0 ? "−" : " − ") : (terms.Count == 0 ? "" : " + ");
            terms.Add(sign + mag + "ln " + names[i]);
        }

        return string.Concat(terms);
    }
}
