using System;
using static System.FormattableString;

namespace NmrDsl.Runtime.Regression;

/// <summary>
/// Nyström (subset-of-regressors) kernel ridge regression on m landmarks c_j (Williams &amp; Seeger, NIPS 13 (2001);
/// Rasmussen &amp; Williams (2006) §8.3.1): with K_mm + εI = L Lᵀ and the features Φ = K_nm L⁻ᵀ, it is ridge regression
/// w = (ΦᵀΦ + λI)⁻¹ Φᵀ (y − ȳ), and f(x) = ȳ + k_m(x)ᵀ β with β = L⁻ᵀ w. This form avoids the squared condition number
/// of (K_mnK_nm + λK_mm). With m = n, the training rows as landmarks and ε = 0 it equals exact KRR:
/// L⁻ᵀ(LᵀL + λI)⁻¹Lᵀ = (LLᵀ + λI)⁻¹.
/// </summary>
public static class Nystrom
{
    /// <summary>
    /// Fits with <paramref name="landmarks"/> landmarks chosen by <paramref name="method"/> (seeded); <paramref name="jitter"/> ε
    /// is added to K_mm's diagonal (k-means centres or near-duplicate rows can make K_mm singular).
    /// </summary>
    public static KernelModel Fit(
        double[,] x, double[] y, KernelFunction kernel, double ridge, int landmarks, LandmarkMethod method,
        ulong seed = 1, double jitter = 1e-10, DenseBackend backend = DenseBackend.Torch)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(kernel);
        int n = x.GetLength(0);
        KernelRidge.CheckTargets(y, n);
        if (!(ridge >= 0) || !(jitter >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(ridge), Invariant($"Ridge {ridge} and jitter {jitter} must be ≥ 0."));
        }

        DenseLinearAlgebra algebra = DenseLinearAlgebra.For(backend);
        FeatureScaler scaler = FeatureScaler.Fit(x);
        int d = scaler.Dimension;
        double[] z = scaler.Transform(x);
        double[] centres = LandmarkSelection.Select(z, n, d, landmarks, method, kernel, seed, algebra);
        int m = landmarks;
        double[] kmm = kernel.Matrix(centres, m, centres, m, d, algebra);
        KernelRidge.AddToDiagonal(kmm, m, jitter);
        double[] lower = algebra.CholeskyLower(kmm, m);
        double[] kmn = kernel.Matrix(centres, m, z, n, d, algebra);
        double[] phiT = algebra.SolveLower(lower, m, kmn, n); // Φᵀ = L⁻¹ K_mn (m × n)
        double[] a = algebra.Gram(phiT, m, phiT, m, n);      // ΦᵀΦ
        KernelRidge.AddToDiagonal(a, m, ridge);
        double mean = KernelRidge.Mean(y);
        var rhs = new double[m];
        for (int j = 0; j < m; j++)
        {
            double s = 0;
            for (int i = 0; i < n; i++)
            {
                s += phiT[(long)j * n + i] * (y[i] - mean);
            }

            rhs[j] = s;
        }

        double[] w = algebra.SolveSpd(a, m, rhs, 1);
        double[] beta = algebra.SolveLowerTransposed(lower, m, w, 1);
        return new KernelModel(KernelModelKind.Nystrom, kernel, ridge, scaler, centres, beta, mean);
    }
}
