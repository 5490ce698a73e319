using System;
using static System.FormattableString;

namespace NmrDsl.Runtime.Regression;

/// <summary>
/// Exact kernel ridge regression (e.g. Rasmussen &amp; Williams, Gaussian Processes for Machine Learning (2006) §2.2;
/// Hastie, Tibshirani &amp; Friedman, Elements of Statistical Learning §5.8): on standardised features z and centred
/// targets, α = (K + λI)⁻¹ (y − ȳ) and f(x) = ȳ + Σ_i α_i k(z(x), z_i). The SPD system is solved by Cholesky.
/// scikit-learn's KernelRidge(alpha = λ) solves the same system without the centring.
/// </summary>
public static class KernelRidge
{
    /// <summary>Fits on features <paramref name="x"/> (n × d) and targets <paramref name="y"/>.</summary>
    public static KernelModel Fit(double[,] x, double[] y, KernelFunction kernel, double ridge, DenseBackend backend = DenseBackend.Torch)
    {
        ArgumentNullException.ThrowIfNull(x);
        FeatureScaler scaler = FeatureScaler.Fit(x);
        return FitStandardised(scaler, scaler.Transform(x), x.GetLength(0), y, kernel, ridge, DenseLinearAlgebra.For(backend));
    }

    /// <summary>Fits on already standardised rows <paramref name="z"/> (row-major n × d).</summary>
    internal static KernelModel FitStandardised(FeatureScaler scaler, double[] z, int n, double[] y, KernelFunction kernel, double ridge, DenseLinearAlgebra algebra)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(kernel);
        CheckTargets(y, n);
        if (!(ridge >= 0) || !double.IsFinite(ridge))
        {
            throw new ArgumentOutOfRangeException(nameof(ridge), Invariant($"Ridge λ = {ridge} must be ≥ 0."));
        }

        double mean = Mean(y);
        var centred = new double[n];
        for (int i = 0; i < n; i++)
        {
            centred[i] = y[i] - mean;
        }

        double[] alpha = algebra.SolveKernelSystem(kernel, z, n, scaler.Dimension, ridge, centred, 1);
        return new KernelModel(KernelModelKind.KernelRidge, kernel, ridge, scaler, z, alpha, mean);
    }

    internal static void AddToDiagonal(double[] a, int n, double value)
    {
        for (int i = 0; i < n; i++)
        {
            a[(long)i * n + i] += value;
        }
    }

    internal static double Mean(double[] y)
    {
        double sum = 0;
        foreach (double v in y)
        {
            sum += v;
        }

        return sum / y.Length;
    }

    internal static void CheckTargets(double[] y, int n)
    {
        if (y.Length != n || n == 0)
        {
            throw new ArgumentException(Invariant($"{y.Length} targets for {n} feature rows."), nameof(y));
        }

        foreach (double v in y)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("Targets must be finite.", nameof(y));
            }
        }
    }
}
