using System;
using System.Collections.Generic;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// Maximises a <see cref="IPulseObjective"/> with MathNet.Numerics' L-BFGS
/// (<see cref="LimitedMemoryBfgsMinimizer"/>, on −Φ) over the unconstrained variables of
/// <see cref="AmplitudeLimit"/>, with seeded random restarts and a progress callback.
/// </summary>
/// <remarks>
/// The best point ever evaluated is kept, so a run that MathNet ends with an exception (iteration
/// limit, line-search failure) still contributes; the exception type is recorded in
/// <see cref="PulseOptimizationResult.ExitReasons"/>. Exceptions thrown by the objective or the
/// callback propagate (MathNet may wrap them in its EvaluationException). Why MathNet's L-BFGS: it has
/// a Wolfe line search (TorchSharp's LBFGS has none and can diverge at lr = 1, DESIGN.md) and runs on
/// plain double vectors, so no libtorch call can abort the process from inside the closure.
/// </remarks>
public static class PulseOptimizer
{
    /// <summary>Maximises <paramref name="objective"/>.</summary>
    public static PulseOptimizationResult Maximize(IPulseObjective objective, PulseOptimizerOptions options, IReadOnlyList<double>? initialControls = null, Action<PulseOptimizationProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int n = 2 * objective.Steps;
        if (initialControls is not null && initialControls.Count != n) throw new ArgumentException($"The initial guess needs {n} controls.", nameof(initialControls));
        var map = new AmplitudeLimit(options.MaxAmplitudeHz);
        var random = new Random(options.Seed);
        double[] best = new double[n];
        double bestValue = double.NegativeInfinity;
        int bestRestart = -1, evaluations = 0;
        var restartValues = new List<double>();
        var reasons = new List<string>();
        var controls = new double[n];
        var controlGradient = new double[n];
        var variableGradient = new double[n];
        for (int restart = 0; restart < options.Restarts; restart++)
        {
            var start = new double[n];
            if (restart == 0 && initialControls is not null)
            {
                var guess = new double[n];
                for (int i = 0; i < n; i++) guess[i] = initialControls[i];
                map.ToVariables(guess, start);
            }
            else
            {
                var guess = new double[n];
                for (int j = 0; j < objective.Steps; j++)
                {
                    double a = options.InitialAmplitudeFraction * options.MaxAmplitudeHz * random.NextDouble(), phase = 2 * Math.PI * random.NextDouble();
                    guess[j] = a * Math.Cos(phase);
                    guess[objective.Steps + j] = a * Math.Sin(phase);
                }

                map.ToVariables(guess, start);
            }

            int runEvaluations = 0;
            double runBest = double.NegativeInfinity;
            (double, Vector<double>) Evaluate(Vector<double> v)
            {
                double[] variables = v.AsArray() ?? v.ToArray();
                map.ToControls(variables, controls);
                double value = objective.Evaluate(controls, controlGradient);
                map.PullBack(variables, controlGradient, variableGradient);
                runEvaluations++;
                evaluations++;
                if (value > runBest) runBest = value;
                if (value > bestValue)
                {
                    bestValue = value;
                    bestRestart = restart;
                    Array.Copy(controls, best, n);
                }

                progress?.Invoke(new PulseOptimizationProgress(restart, runEvaluations, value, bestValue));
                var g = Vector<double>.Build.Dense(n);
                for (int i = 0; i < n; i++) g[i] = -variableGradient[i];
                return (-value, g);
            }

            var minimizer = new LimitedMemoryBfgsMinimizer(options.GradientTolerance, 1e-12, 1e-12, options.Memory, options.MaxIterations);
            try
            {
                MinimizationResult result = minimizer.FindMinimum(ObjectiveFunction.Gradient(Evaluate), Vector<double>.Build.DenseOfArray(start));
                // MathNet 5.0's L-BFGS returns (rather than throws) at its iteration cap and then still reports
                // AbsoluteGradient (seen here: "AbsoluteGradient after 61 iterations" with a cap of 60).
                string iterations = result.Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture);
                reasons.Add(result.Iterations >= options.MaxIterations ? "iteration limit (" + iterations + " iterations)" : result.ReasonForExit.ToString() + " after " + iterations + " iterations");
            }
            catch (OptimizationException ex) when (ex is not EvaluationException)
            {
                reasons.Add(ex.GetType().Name);
            }

            restartValues.Add(runBest);
        }

        return new PulseOptimizationResult(best, bestValue, bestRestart, evaluations, restartValues, reasons);
    }
}
