using System;
using System.Linq;
using MathNet.Numerics.LinearAlgebra;
using NmrDsl.Runtime.Regression;

namespace NmrDsl.Runtime.Tests.Regression;

/// <summary>Exact KRR, LSSVR and the two dense back ends.</summary>
public sealed class KernelRidgeTests
{
    [Theory]
    [InlineData(KernelKind.Gaussian, 0.05)]
    [InlineData(KernelKind.Laplacian, 0.15)]
    public void RecoversASmoothFunction(KernelKind kind, double bound)
    {
        // 600 noise-free samples of a smooth 3-D function (std ≈ 0.5): test RMSE on 400 fresh points must be below
        // 10 % (Gaussian) / 30 % (Laplacian: a rougher prior, slower convergence) of the target std; predicting the
        // mean gives 100 %.
        (double[,] x, double[] y) = RegressionData.Uniform(600, 3, 1);
        (double[,] xt, double[] yt) = RegressionData.Uniform(400, 3, 2);
        KernelModel model = KernelRidge.Fit(x, y, new KernelFunction(kind, kind == KernelKind.Gaussian ? 0.7 : 3.0), 1e-6, DenseBackend.Managed);
        double rmse = RegressionData.Rmse(model.Predict(xt, DenseBackend.Managed), yt);
        double std = Math.Sqrt(yt.Select(v => (v - yt.Average()) * (v - yt.Average())).Average());
        Assert.True(rmse < bound, $"test RMSE {rmse:G3} (target std {std:G3})");
    }

    [Theory]
    [InlineData(KernelKind.Gaussian)]
    [InlineData(KernelKind.Laplacian)]
    public void RidgeToZeroInterpolatesTheTrainingData(KernelKind kind)
    {
        // λ → 0: f(x_i) − y_i = −λ α_i → 0. With λ = 1e-11 and a well-conditioned K (narrow kernel, 120 points) the
        // training residual must be below 1e-7 (|α| stays O(10)).
        (double[,] x, double[] y) = RegressionData.Uniform(120, 2, 3);
        KernelModel model = KernelRidge.Fit(x, y, new KernelFunction(kind, 0.3), 1e-11, DenseBackend.Managed);
        Assert.True(RegressionData.MaxAbs(model.Predict(x, DenseBackend.Managed), y) < 1e-7);
        KernelModel smooth = KernelRidge.Fit(x, y, new KernelFunction(kind, 0.3), 1e-1, DenseBackend.Managed);
        Assert.True(RegressionData.MaxAbs(smooth.Predict(x, DenseBackend.Managed), y) > 1e-3, "a large ridge must not interpolate");
    }

    [Fact]
    public void TorchAndManagedBackEndsAgree()
    {
        (double[,] x, double[] y) = RegressionData.Uniform(300, 4, 4);
        var kernel = new KernelFunction(KernelKind.Gaussian, 1.0);
        double[] a = KernelRidge.Fit(x, y, kernel, 1e-4, DenseBackend.Managed).Coefficients;
        double[] b = KernelRidge.Fit(x, y, kernel, 1e-4, DenseBackend.Torch).Coefficients;
        // κ(K + 1e-4 I) ≲ 1e6 here: double-precision Cholesky solutions agree to ~1e-16 κ |α|.
        Assert.True(RegressionData.MaxAbs(a, b) < 1e-8 * a.Max(Math.Abs), $"max |Δα| = {RegressionData.MaxAbs(a, b):E2}");
    }

    [Theory]
    [InlineData(DenseBackend.Managed)]
    [InlineData(DenseBackend.Torch)]
    public void NonPositiveDefiniteMatrixIsReportedNotAborted(DenseBackend backend)
    {
        double[] indefinite = [1, 2, 2, 1];
        Assert.Throws<NotPositiveDefiniteException>(() => DenseLinearAlgebra.For(backend).CholeskyLower(indefinite, 2));
        Assert.Throws<ArgumentException>(() => DenseLinearAlgebra.For(backend).CholeskyLower(indefinite, 3));
    }

    [Theory]
    [InlineData(DenseBackend.Managed)]
    [InlineData(DenseBackend.Torch)]
    public void TriangularSolvesInvertTheFactor(DenseBackend backend)
    {
        var random = new Random(5);
        int n = 40, columns = 3;
        Matrix<double> m = Matrix<double>.Build.Dense(n, n, (_, _) => random.NextDouble() - 0.5);
        Matrix<double> spd = m * m.Transpose() + Matrix<double>.Build.DenseIdentity(n);
        Matrix<double> rhs = Matrix<double>.Build.Dense(n, columns, (_, _) => random.NextDouble());
        DenseLinearAlgebra algebra = DenseLinearAlgebra.For(backend);
        double[] lower = algebra.CholeskyLower(spd.ToRowMajorArray(), n);
        Matrix<double> l = Matrix<double>.Build.DenseOfRowMajor(n, n, lower);
        Assert.True((l * l.Transpose() - spd).InfinityNorm() < 1e-12);
        Matrix<double> forward = Matrix<double>.Build.DenseOfRowMajor(n, columns, algebra.SolveLower(lower, n, rhs.ToRowMajorArray(), columns));
        Matrix<double> back = Matrix<double>.Build.DenseOfRowMajor(n, columns, algebra.SolveLowerTransposed(lower, n, rhs.ToRowMajorArray(), columns));
        Matrix<double> full = Matrix<double>.Build.DenseOfRowMajor(n, columns, algebra.CholeskySolve(lower, n, rhs.ToRowMajorArray(), columns));
        Assert.True((l * forward - rhs).InfinityNorm() < 1e-12);
        Assert.True((l.Transpose() * back - rhs).InfinityNorm() < 1e-12);
        Assert.True((spd * full - rhs).InfinityNorm() < 1e-11);
    }

    [Fact]
    public void LssvrEqualsADirectSolveOfItsKktSystem()
    {
        // [0, 1ᵀ; 1, K + I/γ] [b; α] = [0; y] solved by MathNet LU on the full (n + 1) system.
        (double[,] x, double[] y) = RegressionData.Uniform(150, 3, 6);
        for (int i = 0; i < y.Length; i++)
        {
            y[i] += 3; // a bias for b to find
        }

        var kernel = new KernelFunction(KernelKind.Gaussian, 1.2);
        const double gamma = 50;
        KernelModel model = Lssvr.Fit(x, y, kernel, gamma, DenseBackend.Managed);
        int n = y.Length;
        double[] z = FeatureScaler.Fit(x).Transform(x);
        double[] k = kernel.Matrix(z, n, z, n, 3, ManagedLinearAlgebra.Instance);
        Matrix<double> a = Matrix<double>.Build.Dense(n + 1, n + 1, (r, c) =>
            r == 0 && c == 0 ? 0 : r == 0 || c == 0 ? 1 : k[(r - 1) * n + c - 1] + (r == c ? 1 / gamma : 0));
        Vector<double> solution = a.LU().Solve(Vector<double>.Build.Dense(n + 1, i => i == 0 ? 0 : y[i - 1]));
        Assert.Equal(solution[0], model.Intercept, 1e-9);
        Assert.True(RegressionData.MaxAbs(model.Coefficients, solution.Skip(1).ToArray()) < 1e-9);
        Assert.Equal(0, model.Coefficients.Sum(), 1e-9); // the first KKT row: Σ α_i = 0
    }
}
