using System;
using System.Collections.Generic;
using NmrDsl.Runtime.Echo;

namespace NmrDsl.Runtime.Learning;

/// <summary>Scores of one parameter over a set of curves.</summary>
/// <param name="Name">parameter name.</param>
/// <param name="R2">coefficient of determination 1 − Σ(ŷ − y)²/Σ(y − ȳ)² (0 for predicting the set's mean).</param>
/// <param name="Mae">mean |ŷ − y|, in the parameter's unit.</param>
/// <param name="Rmse">√(mean (ŷ − y)²), in the parameter's unit.</param>
/// <param name="Weight">w of the challenge metric for this parameter.</param>
/// <param name="MeanErr">mean over curves of ((ŷ − y)/w)², this parameter's share of the challenge metric.</param>
public sealed record ParameterScore(string Name, double R2, double Mae, double Rmse, double Weight, double MeanErr);

/// <summary>Scores of a whole set: per parameter and the challenge metric.</summary>
/// <param name="Count">curves scored.</param>
/// <param name="Parameters">per-parameter scores, in model order.</param>
/// <param name="MeanErr">
/// the challenge metric per curve, mean over curves of Σ_v ((ŷ_v − y_v)/w_v)² with w = (0.2, 20, 2, 3) for
/// (alpha, xi, p, d) (reference /work/shared/reference/echo-challenge.md §3); the challenge's Err over its 500 test
/// curves is 500 × this. Predicting the prior mean of uniform targets gives 1/12 per parameter.
/// </param>
public sealed record SetScore(int Count, IReadOnlyList<ParameterScore> Parameters, double MeanErr);

/// <summary>R², MAE, RMSE and the challenge metric (reference §3).</summary>
public static class RegressionMetrics
{
    /// <summary>
    /// The metric's w for <paramref name="name"/>: 0.2, 20, 2, 3 for alpha, xi, p, d (the prior widths); for any other
    /// parameter, <paramref name="fallback"/> (the model's scaler width).
    /// </summary>
    public static double WeightOf(string name, double fallback)
    {
        int known = Array.IndexOf(EchoParameters.Names, name);
        return known >= 0 ? EchoParameters.Width[known] : fallback;
    }

    /// <summary>Scores predictions against truth ([n][P] each) with the metric weights <paramref name="weights"/>.</summary>
    public static SetScore Score(IReadOnlyList<string> names, double[] weights, double[][] predicted, double[][] truth)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(truth);
        if (predicted.Length != truth.Length)
        {
            throw new ArgumentException("Predictions and truth must have the same number of curves.");
        }

        int n = truth.Length;
        var scores = new ParameterScore[names.Count];
        double total = 0;
        for (int j = 0; j < names.Count; j++)
        {
            double mean = 0;
            for (int i = 0; i < n; i++)
            {
                mean += truth[i][j];
            }

            mean /= Math.Max(1, n);
            double ssRes = 0, ssTot = 0, abs = 0, err = 0;
            for (int i = 0; i < n; i++)
            {
                double e = predicted[i][j] - truth[i][j];
                ssRes += e * e;
                ssTot += (truth[i][j] - mean) * (truth[i][j] - mean);
                abs += Math.Abs(e);
                err += (e / weights[j]) * (e / weights[j]);
            }

            double r2 = ssTot > 0 ? 1 - ssRes / ssTot : double.NaN;
            double count = Math.Max(1, n);
            scores[j] = new ParameterScore(names[j], r2, abs / count, Math.Sqrt(ssRes / count), weights[j], err / count);
            total += err / count;
        }

        return new SetScore(n, scores, total);
    }

    /// <summary>The predict-the-mean baseline: every curve gets the per-parameter mean of <paramref name="reference"/>.</summary>
    public static double[][] MeanPredictor(double[][] reference, int count, int parameters)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var mean = new double[parameters];
        foreach (double[] row in reference)
        {
            for (int j = 0; j < parameters; j++)
            {
                mean[j] += row[j] / reference.Length;
            }
        }

        var result = new double[count][];
        for (int i = 0; i < count; i++)
        {
            result[i] = (double[])mean.Clone();
        }

        return result;
    }
}
