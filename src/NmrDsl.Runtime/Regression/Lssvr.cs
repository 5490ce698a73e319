using System;
using static System.FormattableString;

namespace NmrDsl.Runtime.Regression;

/// <summary>
/// Least-squares support-vector regression (Suykens &amp; Vandewalle, Neural Process. Lett. 9 (1999) 293; Suykens et al.,
/// Least Squares Support Vector Machines (2002) §3.3): minimise ½|w|² + (γ/2) Σ e_i² subject to y_i = wᵀφ(x_i) + b + e_i,
/// whose KKT system is [0, 1ᵀ; 1, K + I/γ] [b; α] = [0; y]. Solved by one Cholesky of H = K + I/γ: η = H⁻¹1, ν = H⁻¹y,
/// b = 1ᵀν / 1ᵀη, α = ν − bη. f(x) = b + Σ α_i k(x, x_i). The model stores 1/γ as its ridge.
/// </summary>
public static class Lssvr
{
    /// <summary>Fits with regularisation <paramref name="gamma"/> γ &gt; 0 (large γ: close fit).</summary>
    public static KernelModel Fit(double[,] x, double[] y, KernelFunction kernel, double gamma, DenseBackend backend = DenseBackend.Torch)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(kernel);
        int n = x.GetLength(0);
        KernelRidge.CheckTargets(y, n);
        if (!(gamma > 0) || !double.IsFinite(gamma))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), Invariant($"γ = {gamma} must be positive and finite."));
        }

        DenseLinearAlgebra algebra = DenseLinearAlgebra.For(backend);
        FeatureScaler scaler = FeatureScaler.Fit(x);
        double[] z = scaler.Transform(x);
        var rhs = new double[2 * n]; // columns: 1, y
        for (int i = 0; i < n; i++)
        {
            rhs[2 * i] = 1;
            rhs[2 * i + 1] = y[i];
        }

        double[] solution = algebra.SolveKernelSystem(kernel, z, n, scaler.Dimension, 1 / gamma, rhs, 2);
        double sumEta = 0, sumNu = 0;
        for (int i = 0; i < n; i++)
        {
            sumEta += solution[2 * i];
            sumNu += solution[2 * i + 1];
        }

        double b = sumNu / sumEta;
        var alpha = new double[n];
        for (int i = 0; i < n; i++)
        {
            alpha[i] = solution[2 * i + 1] - b * solution[2 * i];
        }

        return new KernelModel(KernelModelKind.Lssvr, kernel, 1 / gamma, scaler, z, alpha, b);
    }
}
