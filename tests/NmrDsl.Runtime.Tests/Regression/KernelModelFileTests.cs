using System.IO;
using NmrDsl.Runtime.IO;
using NmrDsl.Runtime.Regression;
using NmrDsl.Runtime.Tests.IO;

namespace NmrDsl.Runtime.Tests.Regression;

/// <summary>Model save/load (JSON manifest + binary weights).</summary>
public sealed class KernelModelFileTests
{
    [Fact]
    public void SavedModelsLoadWithBitIdenticalPredictions()
    {
        using var folder = new TempFolder();
        (double[,] x, double[] y) = RegressionData.Uniform(80, 3, 31);
        (double[,] xt, _) = RegressionData.Uniform(20, 3, 32);
        KernelModel[] models =
        [
            KernelRidge.Fit(x, y, new KernelFunction(KernelKind.Gaussian, 0.9), 1e-3, DenseBackend.Managed),
            Nystrom.Fit(x, y, new KernelFunction(KernelKind.Laplacian, 2), 1e-3, 20, LandmarkMethod.KMeans, backend: DenseBackend.Managed),
            Lssvr.Fit(x, y, new KernelFunction(KernelKind.Gaussian, 1.1), 100, DenseBackend.Managed),
        ];
        for (int i = 0; i < models.Length; i++)
        {
            string dir = folder.File("m" + i);
            KernelModelFile.Save(models[i], dir);
            KernelModel loaded = KernelModelFile.Load(dir);
            Assert.Equal(models[i].Kind, loaded.Kind);
            Assert.Equal(models[i].Kernel, loaded.Kernel);
            Assert.Equal(models[i].Intercept, loaded.Intercept);
            Assert.Equal(models[i].Predict(xt, DenseBackend.Managed), loaded.Predict(xt, DenseBackend.Managed));
        }

        File.WriteAllBytes(Path.Combine(folder.File("m0"), KernelModelFile.WeightsName), new byte[12]);
        var error = Assert.Throws<DataFormatException>(() => KernelModelFile.Load(folder.File("m0")));
        Assert.Contains(KernelModelFile.WeightsName, error.Message, System.StringComparison.Ordinal);
    }
}
