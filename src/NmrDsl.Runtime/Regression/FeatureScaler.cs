using System;
using System.Collections.Generic;
using static System.FormattableString;

namespace NmrDsl.Runtime.Regression;

/// <summary>
/// Standardisation of features: z = (x − mean) / std per column, with the population standard deviation of the
/// training rows (as scikit-learn's StandardScaler); a constant column keeps std = 1 so it maps to 0.
/// </summary>
public sealed class FeatureScaler
{
    /// <summary>Creates a scaler from stored means and standard deviations.</summary>
    public FeatureScaler(IReadOnlyList<double> mean, IReadOnlyList<double> std)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Count != std.Count)
        {
            throw new ArgumentException(Invariant($"{mean.Count} means for {std.Count} standard deviations."));
        }

        Mean = [.. mean];
        Std = [.. std];
    }

    /// <summary>Column means.</summary>
    public double[] Mean { get; }

    /// <summary>Column standard deviations (1 for constant columns).</summary>
    public double[] Std { get; }

    /// <summary>Number of features.</summary>
    public int Dimension => Mean.Length;

    /// <summary>Fits mean and std of the rows of <paramref name="x"/> (n × d).</summary>
    public static FeatureScaler Fit(double[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = x.GetLength(0), d = x.GetLength(1);
        if (n == 0 || d == 0)
        {
            throw new ArgumentException("Cannot standardise an empty feature matrix.", nameof(x));
        }

        var mean = new double[d];
        var std = new double[d];
        for (int j = 0; j < d; j++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                sum += x[i, j];
            }

            mean[j] = sum / n;
            double squares = 0;
            for (int i = 0; i < n; i++)
            {
                double delta = x[i, j] - mean[j];
                squares += delta * delta;
            }

            double s = Math.Sqrt(squares / n);
            std[j] = s > 1e-12 * Math.Max(1, Math.Abs(mean[j])) ? s : 1;
        }

        return new FeatureScaler(mean, std);
    }

    /// <summary>The standardised rows of <paramref name="x"/>, row-major flat (n × d).</summary>
    public double[] Transform(double[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = x.GetLength(0), d = x.GetLength(1);
        if (d != Dimension)
        {
            throw new ArgumentException(Invariant($"The features have {d} columns; the model was trained on {Dimension}."), nameof(x));
        }

        var z = new double[(long)n * d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                double value = x[i, j];
                if (!double.IsFinite(value))
                {
                    throw new ArgumentException(Invariant($"Feature [{i}, {j}] is {value}."), nameof(x));
                }

                z[(long)i * d + j] = (value - Mean[j]) / Std[j];
            }
        }

        return z;
    }
}
