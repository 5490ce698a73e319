using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using MathNet.Numerics.LinearAlgebra;

namespace NmrDsl.Runtime.Fitting;

/// <summary>
/// Weighted nonlinear least squares, min Σ wᵢ (dataᵢ − modelᵢ(θ))², by Levenberg–Marquardt on the internal
/// variables z (z = ln θ for log-scale parameters, θ otherwise) with box bounds, plus the linearised
/// covariance and an <see cref="IdentifiabilityReport"/>.
/// <para>
/// Why not MathNet's <c>LevenbergMarquardtMinimizer</c>: its <c>NonlinearObjectiveFunction</c> takes a model
/// f(p, x) of one scalar abscissa and differentiates it serially inside the objective; here the model maps
/// all parameters to a whole vector at once (one PDE solve gives every observable at every time), the
/// Jacobian columns must be independent units run in parallel (and later dispatched elsewhere) with
/// deterministic order, the fit must be cancellable and report progress, and bounds must apply to ln θ.
/// MathNet's bounds use its own internal sine/square-root transform on top of which a log transform would
/// compound, and that transform distorts its reported covariance. The LM below is the textbook one
/// (Marquardt scaling with Moré's running column norms, Nielsen's damping update, bounds by projection of
/// the step onto the box), ~100 lines; MathNet supplies the linear algebra (Cholesky, eigendecomposition).
/// </para>
/// </summary>
public static class LeastSquaresFit
{
    /// <summary>
    /// Fits <paramref name="parameters"/> so that <paramref name="model"/>(values) matches <paramref name="data"/>.
    /// </summary>
    /// <param name="parameters">Unknowns with initial values, bounds and scale.</param>
    /// <param name="model">SI parameter values → predictions, one per data point (all observables at all times, flattened). Called concurrently; must be thread-safe.</param>
    /// <param name="data">Measured values.</param>
    /// <param name="sigma">Per-point standard deviations (absolute: χ² is then meaningful and the covariance is not rescaled); null: unit (or <see cref="FitOptions.Weights"/>) weights and the covariance scaled by χ²/(m − n).</param>
    /// <param name="options">Settings; null for defaults.</param>
    /// <param name="progress">Receives one report per iteration.</param>
    /// <param name="ct">Cancels between model evaluations.</param>
    /// <exception cref="ArgumentException">Invalid parameters, data, sigma or weights, or a prediction length ≠ data length.</exception>
    /// <exception cref="FitException">The model threw or returned non-finite predictions.</exception>
    public static FitResult Fit(FitParameter[] parameters, Func<double[], double[]> model, double[] data,
        double[]? sigma = null, FitOptions? options = null, IProgress<FitProgress>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        options ??= new FitOptions();
        Validate(parameters, model, data, sigma, options);
        int n = parameters.Length, m = data.Length;
        string[] names = parameters.Select(p => p.Name).ToArray();
        double[] sqrtW = sigma is not null ? sigma.Select(s => 1.0 / s).ToArray()
            : options.Weights is not null ? options.Weights.Select(Math.Sqrt).ToArray()
            : Enumerable.Repeat(1.0, m).ToArray();
        double[] lower = parameters.Select(p => p.InternalLower).ToArray();
        double[] upper = parameters.Select(p => p.InternalUpper).ToArray();
        int evaluations = 0;

        double[] ToValues(double[] z) => parameters.Select((p, j) => p.ToValue(z[j])).ToArray();

        double[] Evaluate(double[] z)
        {
            ct.ThrowIfCancellationRequested();
            double[] values = ToValues(z);
            Interlocked.Increment(ref evaluations);
            double[] y;
            try
            {
                y = model((double[])values.Clone());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new FitException($"The model threw {ex.GetType().Name} at {FitException.Describe(names, values)}: {ex.Message}", names, values, ex);
            }

            if (y is null || y.Length != m)
            {
                throw new ArgumentException($"The model returned {(y is null ? "null" : y.Length.ToString(CultureInfo.InvariantCulture) + " predictions")} at {FitException.Describe(names, values)}, but there are {m} data points; the prediction vector must hold every observable at every data time, in the order of the data.", nameof(model));
            }

            int bad = Array.FindIndex(y, v => !double.IsFinite(v));
            if (bad >= 0)
            {
                throw new FitException($"The model returned a non-finite prediction ({y[bad].ToString(CultureInfo.InvariantCulture)}) at point {bad} for {FitException.Describe(names, values)}.", names, values);
            }

            return y;
        }

        double ChiSquare(double[] y)
        {
            double s = 0;
            for (int i = 0; i < m; i++)
            {
                double r = sqrtW[i] * (data[i] - y[i]);
                s += r * r;
            }

            return s;
        }

        double[,] Jacobian(double[] z, double[] y0)
        {
            FiniteDifferenceJacobian.Column[] cols = FiniteDifferenceJacobian.Plan(parameters, z, options.CentralDifferences, options.Step);
            double[][] points = FiniteDifferenceJacobian.Points(z, cols);
            double[][] values = FiniteDifferenceJacobian.EvaluateAll(Evaluate, points, options.MaxDegreeOfParallelism, ct);
            return FiniteDifferenceJacobian.Assemble(y0, cols, values);
        }

        // Normal equations A = JᵀWJ, g = JᵀW(data − y).
        (Matrix<double> A, Vector<double> g) Normal(double[,] jac, double[] y)
        {
            var jw = Matrix<double>.Build.Dense(m, n, (i, j) => sqrtW[i] * jac[i, j]);
            var r = Vector<double>.Build.Dense(m, i => sqrtW[i] * (data[i] - y[i]));
            return (jw.TransposeThisAndMultiply(jw), jw.TransposeThisAndMultiply(r));
        }

        double[] z = parameters.Select(p => p.ToInternal(p.Initial)).ToArray();
        double[] typical = parameters.Select(p => p.TypicalScale).ToArray();
        double[] y = Evaluate(z);
        double chi2 = ChiSquare(y);
        double lambda = -1, nu = 2;
        var scale = new double[n];
        int iterations = 0;
        bool converged = false;
        string reason = "iteration limit reached";
        while (!converged && iterations < options.MaxIterations)
        {
            if (evaluations >= options.MaxFunctionEvaluations)
            {
                reason = "evaluation limit reached";
                break;
            }

            iterations++;
            if (chi2 == 0)
            {
                converged = true;
                reason = "exact fit (χ² = 0)";
                break;
            }

            double[,] jac = Jacobian(z, y);
            (Matrix<double> a, Vector<double> g) = Normal(jac, y);
            for (int j = 0; j < n; j++)
            {
                scale[j] = Math.Max(scale[j], a[j, j]);
            }

            if (lambda < 0)
            {
                lambda = options.InitialDamping * scale.Max();
            }

            if (g.AbsoluteMaximum() == 0)
            {
                converged = true;
                reason = "zero gradient";
                break;
            }

            while (true)
            {
                ct.ThrowIfCancellationRequested();
                Matrix<double> damped = a.Clone();
                Vector<double> rhs = g.Clone();
                for (int j = 0; j < n; j++)
                {
                    damped[j, j] += lambda * Math.Max(scale[j], double.Epsilon);
                }

                // Active set: a variable on a bound whose gradient points out of the box is held this iteration
                // (otherwise projection zig-zags along the bound).
                for (int j = 0; j < n; j++)
                {
                    if ((z[j] >= upper[j] && g[j] > 0) || (z[j] <= lower[j] && g[j] < 0))
                    {
                        for (int k = 0; k < n; k++)
                        {
                            damped[j, k] = 0;
                            damped[k, j] = 0;
                        }

                        damped[j, j] = 1;
                        rhs[j] = 0;
                    }
                }

                Vector<double> delta;
                try
                {
                    delta = damped.Cholesky().Solve(rhs);
                }
                catch (ArgumentException)
                {
                    delta = damped.Svd().Solve(rhs);
                }

                // Trust cap: no internal variable moves by more than MaxStep typical scales in one step (a
                // Gauss–Newton step from far away can otherwise land on a plateau where the model saturates).
                double longest = 0;
                for (int j = 0; j < n; j++)
                {
                    longest = Math.Max(longest, Math.Abs(delta[j]) / typical[j]);
                }

                if (longest > options.MaxStep)
                {
                    delta *= options.MaxStep / longest;
                }

                // Project onto the box.
                double[] trial = new double[n];
                double stepNorm = 0, zNorm = 0;
                for (int j = 0; j < n; j++)
                {
                    trial[j] = Math.Clamp(z[j] + delta[j], lower[j], upper[j]);
                    stepNorm = Math.Max(stepNorm, Math.Abs(trial[j] - z[j]));
                    zNorm = Math.Max(zNorm, Math.Abs(z[j]));
                }

                if (stepNorm <= options.StepTolerance * Math.Max(zNorm, 1.0))
                {
                    converged = true;
                    reason = "step below tolerance";
                    break;
                }

                var dp = Vector<double>.Build.Dense(n, j => trial[j] - z[j]);
                double predicted = 2 * dp.DotProduct(g) - dp.DotProduct(a * dp);
                double[] yTrial = Evaluate(trial);
                double chi2Trial = ChiSquare(yTrial);
                double actual = chi2 - chi2Trial;
                if (actual > 0)
                {
                    double rho = predicted > 0 ? actual / predicted : 1.0;
                    lambda *= Math.Max(1.0 / 3.0, 1 - Math.Pow(2 * rho - 1, 3));
                    nu = 2;
                    bool small = actual <= options.FunctionTolerance * chi2 && Math.Abs(predicted) <= options.FunctionTolerance * chi2;
                    z = trial;
                    y = yTrial;
                    chi2 = chi2Trial;
                    if (small)
                    {
                        converged = true;
                        reason = "relative reduction of χ² below tolerance";
                    }

                    break;
                }

                lambda *= nu;
                nu *= 2;
                if (lambda > 1e30 * Math.Max(scale.Max(), double.Epsilon) || evaluations >= options.MaxFunctionEvaluations)
                {
                    reason = evaluations >= options.MaxFunctionEvaluations ? "evaluation limit reached" : "damping overflow: no decrease along any step";
                    break;
                }
            }

            progress?.Report(new FitProgress(iterations, evaluations, ToValues(z), chi2, lambda));
            if (reason.StartsWith("damping", StringComparison.Ordinal) || reason.StartsWith("evaluation", StringComparison.Ordinal))
            {
                break;
            }
        }

        // Covariance at the final point.
        double[] theta = ToValues(z);
        double[,] jFinal = Jacobian(z, y);
        (Matrix<double> aFinal, _) = Normal(jFinal, y);
        int dof = m - n;
        double s2 = sigma is not null ? 1.0 : dof > 0 ? chi2 / dof : double.NaN;
        bool unitVariance = !(s2 > 0);
        double fisherScale = unitVariance ? 1.0 : s2;
        double[] jacobianScale = parameters.Select((p, j) => p.LogScale ? theta[j] : 1.0).ToArray();
        (double[,] cov, double[] se) = Covariance(aFinal, s2, jacobianScale);
        var correlation = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                correlation[i, j] = double.IsFinite(se[i]) && double.IsFinite(se[j]) && se[i] > 0 && se[j] > 0 ? cov[i, j] / (se[i] * se[j]) : double.NaN;
            }
        }

        // Relative Jacobian: ∂y/∂ln θ (log-scale columns already are; linear ones times max(|θ|, typical)).
        var jRel = new double[m, n];
        for (int j = 0; j < n; j++)
        {
            double f = parameters[j].LogScale ? 1.0 : (theta[j] != 0 ? Math.Abs(theta[j]) : parameters[j].TypicalScale);
            for (int i = 0; i < m; i++)
            {
                jRel[i, j] = sqrtW[i] * jFinal[i, j] * f;
            }
        }

        double[] relSe = se.Select((s, j) => theta[j] != 0 ? s / Math.Abs(theta[j]) : double.PositiveInfinity).ToArray();
        bool[] atBound = parameters.Select((p, j) => z[j] <= lower[j] || z[j] >= upper[j]).ToArray();
        var report = IdentifiabilityReport.Build(parameters, theta, jRel, fisherScale, unitVariance, relSe, atBound, options);
        return new FitResult
        {
            Parameters = parameters,
            Estimates = theta,
            StandardErrors = se,
            Covariance = cov,
            Correlation = correlation,
            Predictions = y,
            Residuals = data.Select((d, i) => d - y[i]).ToArray(),
            ChiSquare = chi2,
            DegreesOfFreedom = dof,
            VarianceScale = s2,
            Iterations = iterations,
            FunctionEvaluations = evaluations,
            Converged = converged,
            StopReason = reason,
            WallTime = clock.Elapsed,
            Identifiability = report,
        };
    }

    /// <summary>
    /// C = s² G A⁻¹ G via the eigendecomposition of A; eigenvalues ≤ 1e-14 λ_max (numerically zero) give
    /// infinite variance to every parameter with a component above 1e-8 in that eigenvector.
    /// </summary>
    private static (double[,] Cov, double[] Se) Covariance(Matrix<double> a, double s2, double[] g)
    {
        int n = g.Length;
        a = 0.5 * (a + a.Transpose());
        var evd = a.Evd(Symmetricity.Symmetric);
        double[] lambda = evd.EigenValues.Select(e => e.Real).ToArray();
        double lmax = lambda.Max();
        var cov = new double[n, n];
        var infinite = new bool[n];
        for (int k = 0; k < n; k++)
        {
            bool zero = !(lmax > 0) || lambda[k] <= 1e-14 * lmax;
            for (int i = 0; i < n; i++)
            {
                if (zero)
                {
                    if (Math.Abs(evd.EigenVectors[i, k]) > 1e-8)
                    {
                        infinite[i] = true;
                    }

                    continue;
                }

                for (int j = 0; j < n; j++)
                {
                    cov[i, j] += evd.EigenVectors[i, k] * evd.EigenVectors[j, k] / lambda[k];
                }
            }
        }

        var se = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                cov[i, j] = infinite[i] || infinite[j] ? double.PositiveInfinity : s2 * g[i] * g[j] * cov[i, j];
            }

            se[i] = infinite[i] ? double.PositiveInfinity : Math.Sqrt(cov[i, i]);
        }

        return (cov, se);
    }

    private static void Validate(FitParameter[] parameters, Func<double[], double[]> model, double[] data, double[]? sigma, FitOptions options)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        if (parameters.Length == 0)
        {
            throw new ArgumentException("At least one fit parameter is needed.", nameof(parameters));
        }

        var seen = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        foreach (FitParameter p in parameters)
        {
            ArgumentNullException.ThrowIfNull(p, nameof(parameters));
            string name = p.Name;
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("Every fit parameter needs a name.", nameof(parameters));
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"Fit parameter '{name}' appears twice.", nameof(parameters));
            }

            string Show(double v) => v.ToString("G10", CultureInfo.InvariantCulture);
            if (double.IsNaN(p.Lower) || double.IsNaN(p.Upper) || !(p.Lower < p.Upper))
            {
                throw new ArgumentException($"Fit parameter '{name}': lower bound {Show(p.Lower)} must be less than upper bound {Show(p.Upper)}.", nameof(parameters));
            }

            if (!double.IsFinite(p.Initial))
            {
                throw new ArgumentException($"Fit parameter '{name}': initial value {Show(p.Initial)} is not finite.", nameof(parameters));
            }

            if (p.Initial < p.Lower || p.Initial > p.Upper)
            {
                throw new ArgumentException($"Fit parameter '{name}': initial value {Show(p.Initial)} lies outside its bounds [{Show(p.Lower)}, {Show(p.Upper)}].", nameof(parameters));
            }

            if (p.LogScale && !(p.Lower > 0))
            {
                throw new ArgumentException($"Fit parameter '{name}' is log-scale, so its lower bound must be positive; it is {Show(p.Lower)}.", nameof(parameters));
            }
        }

        if (data.Length == 0)
        {
            throw new ArgumentException("The data vector is empty.", nameof(data));
        }

        int badData = Array.FindIndex(data, v => !double.IsFinite(v));
        if (badData >= 0)
        {
            throw new ArgumentException($"Data point {badData} is not finite ({data[badData].ToString(CultureInfo.InvariantCulture)}).", nameof(data));
        }

        if (data.Length < parameters.Length)
        {
            throw new ArgumentException($"{data.Length} data points cannot determine {parameters.Length} parameters.", nameof(data));
        }

        if (sigma is not null && options.Weights is not null)
        {
            throw new ArgumentException("Give either sigma or FitOptions.Weights, not both.", nameof(sigma));
        }

        CheckPositive(sigma, data.Length, "sigma", "standard deviation");
        CheckPositive(options.Weights, data.Length, "options", "weight");
        if (options.MaxIterations < 1 || options.MaxFunctionEvaluations < 1)
        {
            throw new ArgumentException("MaxIterations and MaxFunctionEvaluations must be positive.", nameof(options));
        }

        if (!(options.Step > 0) || !(options.Step < 0.1))
        {
            throw new ArgumentException($"RelativeStep must lie in (0, 0.1); it is {options.Step.ToString(CultureInfo.InvariantCulture)}.", nameof(options));
        }
    }

    private static void CheckPositive(double[]? values, int length, string argument, string what)
    {
        if (values is null)
        {
            return;
        }

        if (values.Length != length)
        {
            throw new ArgumentException($"There are {values.Length} {what}s but {length} data points; give one per data point.", argument);
        }

        int bad = Array.FindIndex(values, v => !(v > 0) || !double.IsFinite(v));
        if (bad >= 0)
        {
            throw new ArgumentException($"{char.ToUpperInvariant(what[0]) + what[1..]} {bad} must be positive and finite; it is {values[bad].ToString(CultureInfo.InvariantCulture)}.", argument);
        }
    }
}
