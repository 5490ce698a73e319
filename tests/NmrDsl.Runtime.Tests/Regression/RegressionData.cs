using System;

namespace NmrDsl.Runtime.Tests.Regression;

/// <summary>Seeded synthetic regression sets for the kernel-regression tests.</summary>
internal static class RegressionData
{
    /// <summary>f(x) = sin(πx₀) cos(πx₁/2) + x₂²/2 on [−1, 1]^d (extra dimensions ignored by f); smooth, std ≈ 0.5.</summary>
    public static double Smooth(double[,] x, int i) =>
        Math.Sin(Math.PI * x[i, 0]) * Math.Cos(Math.PI * x[i, 1] / 2) + (x.GetLength(1) > 2 ? 0.5 * x[i, 2] * x[i, 2] : 0);

    /// <summary>n points uniform in [−1, 1]^d and their smooth targets.</summary>
    public static (double[,] X, double[] Y) Uniform(int n, int d, int seed)
    {
        var random = new Random(seed);
        var x = new double[n, d];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                x[i, j] = 2 * random.NextDouble() - 1;
            }

            y[i] = Smooth(x, i);
        }

        return (x, y);
    }

    public static double Rmse(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }

        return Math.Sqrt(sum / a.Length);
    }

    public static double MaxAbs(double[] a, double[] b)
    {
        double max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }
}
