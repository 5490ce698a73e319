using System;
using System.Linq;
using NmrDsl.Runtime.Regression;

namespace NmrDsl.Runtime.Tests.Regression;

/// <summary>Nyström KRR, landmark selection and the pivoted incomplete Cholesky.</summary>
public sealed class NystromTests
{
    [Theory]
    [InlineData(DenseBackend.Managed)]
    [InlineData(DenseBackend.Torch)]
    public void AllTrainingRowsAsLandmarksReproduceExactKrr(DenseBackend backend)
    {
        // m = n, landmarks = a permutation of the training rows, ε = 0: L⁻ᵀ(LᵀL + λI)⁻¹Lᵀ = (LLᵀ + λI)⁻¹ exactly.
        (double[,] x, double[] y) = RegressionData.Uniform(160, 3, 11);
        (double[,] xt, _) = RegressionData.Uniform(50, 3, 12);
        var kernel = new KernelFunction(KernelKind.Laplacian, 2.0);
        double[] exact = KernelRidge.Fit(x, y, kernel, 1e-2, backend).Predict(xt, backend);
        double[] nystrom = Nystrom.Fit(x, y, kernel, 1e-2, 160, LandmarkMethod.Random, seed: 3, jitter: 0, backend).Predict(xt, backend);
        Assert.True(RegressionData.MaxAbs(exact, nystrom) < 1e-8, $"max |Δ| = {RegressionData.MaxAbs(exact, nystrom):E2}");
    }

    [Theory]
    [InlineData(LandmarkMethod.Random)]
    [InlineData(LandmarkMethod.KMeans)]
    [InlineData(LandmarkMethod.PivotedCholesky)]
    public void FewLandmarksApproximateTheExactModel(LandmarkMethod method)
    {
        // 500 rows, 100 landmarks: the Nyström test RMSE may exceed the exact model's, but by less than 0.05 (10 % of
        // the target std), and every method must beat 5 landmarks.
        (double[,] x, double[] y) = RegressionData.Uniform(500, 3, 13);
        (double[,] xt, double[] yt) = RegressionData.Uniform(300, 3, 14);
        var kernel = new KernelFunction(KernelKind.Gaussian, 0.8);
        double exact = RegressionData.Rmse(KernelRidge.Fit(x, y, kernel, 1e-5, DenseBackend.Managed).Predict(xt, DenseBackend.Managed), yt);
        double many = RegressionData.Rmse(Nystrom.Fit(x, y, kernel, 1e-5, 100, method, backend: DenseBackend.Managed).Predict(xt, DenseBackend.Managed), yt);
        double few = RegressionData.Rmse(Nystrom.Fit(x, y, kernel, 1e-5, 5, method, backend: DenseBackend.Managed).Predict(xt, DenseBackend.Managed), yt);
        Assert.True(many < exact + 0.05, $"{method}: m = 100 RMSE {many:G3} vs exact {exact:G3}");
        Assert.True(many < few, $"{method}: m = 100 RMSE {many:G3} vs m = 5 {few:G3}");
    }

    [Fact]
    public void PivotedCholeskyErrorDecreasesMonotonically()
    {
        // ‖K − G_k G_kᵀ‖_F computed from scratch after every step must never increase (the residual is PSD and
        // shrinks in the Loewner order) and the recorded trace must be the trace of that residual.
        (double[,] x, _) = RegressionData.Uniform(120, 3, 15);
        double[] z = FeatureScaler.Fit(x).Transform(x);
        var kernel = new KernelFunction(KernelKind.Gaussian, 1.0);
        int n = 120;
        double[] k = kernel.Matrix(z, n, z, n, 3, ManagedLinearAlgebra.Instance);
        PivotedCholesky pc = PivotedCholesky.Compute(z, n, 3, kernel, 60);
        int m = pc.Pivots.Length;
        Assert.Equal(m, pc.Pivots.Distinct().Count());
        double previous = double.PositiveInfinity;
        for (int rank = 0; rank <= m; rank++)
        {
            double frobenius = 0, trace = 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double r = k[i * n + j];
                    for (int c = 0; c < rank; c++)
                    {
                        r -= pc.Factor[i * m + c] * pc.Factor[j * m + c];
                    }

                    frobenius += r * r;
                    if (i == j)
                    {
                        trace += r;
                    }
                }
            }

            frobenius = Math.Sqrt(frobenius);
            Assert.True(frobenius <= previous * (1 + 1e-12), $"rank {rank}: {frobenius} > {previous}");
            Assert.Equal(trace, pc.ResidualTrace[rank], 1e-9);
            previous = frobenius;
        }

        Assert.True(pc.ResidualTrace[^1] < 1e-2 * pc.ResidualTrace[0], $"rank 60 of 120 must capture 99 % of tr K (fast eigenvalue decay of a Gaussian kernel in 3-D); final trace {pc.ResidualTrace[^1]:E2} of {pc.ResidualTrace[0]}; half-way {pc.ResidualTrace[m / 2]:E2}");
    }

    [Fact]
    public void SameSeedSameModelOtherSeedOtherLandmarks()
    {
        (double[,] x, double[] y) = RegressionData.Uniform(200, 3, 16);
        var kernel = new KernelFunction(KernelKind.Gaussian, 1.0);
        foreach (LandmarkMethod method in new[] { LandmarkMethod.Random, LandmarkMethod.KMeans })
        {
            KernelModel a = Nystrom.Fit(x, y, kernel, 1e-4, 30, method, seed: 7, backend: DenseBackend.Managed);
            KernelModel b = Nystrom.Fit(x, y, kernel, 1e-4, 30, method, seed: 7, backend: DenseBackend.Managed);
            KernelModel c = Nystrom.Fit(x, y, kernel, 1e-4, 30, method, seed: 8, backend: DenseBackend.Managed);
            Assert.Equal(a.Centres, b.Centres);
            Assert.Equal(a.Coefficients, b.Coefficients);
            Assert.NotEqual(a.Centres, c.Centres);
        }
    }
}
