using System;
using System.Collections.Generic;
using System.Linq;
using NmrDsl.Runtime.Echo;

namespace NmrDsl.Runtime.Learning;

/// <summary>
/// Maps each target v to z = (v − lower)/width, so the prior range becomes [0, 1]. For the challenge parameters
/// (alpha, xi, p, d) the ranges are the reference prior (<see cref="EchoParameters.Lower"/>, <see cref="EchoParameters.Width"/>:
/// widths 0.2, 20, 2, 3, which are also the metric's w); any other parameter uses the min and width of its training
/// labels. With these scalers the mean squared error over the scaled targets is the challenge metric per curve
/// divided by the number of parameters (docs/learning.md).
/// </summary>
/// <param name="Lower">lower end per parameter.</param>
/// <param name="Width">width per parameter (&gt; 0).</param>
public sealed record TargetScaler(double[] Lower, double[] Width)
{
    /// <summary>Scalers for <paramref name="names"/>: the challenge ranges by name, else the labels' range.</summary>
    public static TargetScaler For(IReadOnlyList<string> names, IReadOnlyList<double[]> labels)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(labels);
        var lower = new double[names.Count];
        var width = new double[names.Count];
        for (int j = 0; j < names.Count; j++)
        {
            int known = Array.IndexOf(EchoParameters.Names, names[j]);
            if (known >= 0)
            {
                lower[j] = EchoParameters.Lower[known];
                width[j] = EchoParameters.Width[known];
                continue;
            }

            double min = labels.Count == 0 ? 0 : labels.Min(r => r[j]);
            double max = labels.Count == 0 ? 1 : labels.Max(r => r[j]);
            lower[j] = min;
            width[j] = max > min ? max - min : 1.0;
        }

        return new TargetScaler(lower, width);
    }

    /// <summary>z = (v − lower)/width.</summary>
    public float[] Scale(double[][] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        int p = Lower.Length;
        var z = new float[labels.Length * p];
        for (int n = 0; n < labels.Length; n++)
        {
            for (int j = 0; j < p; j++)
            {
                z[n * p + j] = (float)((labels[n][j] - Lower[j]) / Width[j]);
            }
        }

        return z;
    }

    /// <summary>v = lower + width·z for a row-major [n, P] block.</summary>
    public double[][] Unscale(float[] z, int count)
    {
        ArgumentNullException.ThrowIfNull(z);
        int p = Lower.Length;
        var v = new double[count][];
        for (int n = 0; n < count; n++)
        {
            v[n] = new double[p];
            for (int j = 0; j < p; j++)
            {
                v[n][j] = Lower[j] + Width[j] * z[n * p + j];
            }
        }

        return v;
    }
}
