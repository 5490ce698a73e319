using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using NmrDsl.Runtime.Echo;
using NmrDsl.Runtime.Regression;
using NmrDsl.Runtime.Tensors;

namespace NmrDsl.Benchmarks.Regression;

/// <summary>
/// Kernel regression (docs/regression.md): (a) Cholesky factor + solve of an SPD kernel matrix, MathNet.Numerics managed
/// provider vs libtorch LAPACK (float64, CPU), n = 2000 and 5000; (b) KRR training time (standardise, Gaussian kernel
/// matrix, Cholesky solve) on n = 2000 and 5000 random features of dimension 500, against scikit-learn's KernelRidge on
/// the same features and hyperparameters in the same run (bench/regression/krr_sklearn.py), with the largest difference
/// in predictions on 100 test rows.
/// </summary>
internal static class RegressionBenchmark
{
    private const int Dimension = 500;

    public static void Run(string root)
    {
        TorchRuntime.EnsureInitialized();
        Console.WriteLine($"6. Kernel regression: Cholesky factor + solve (SPD Gaussian kernel matrix + 1e-3 I), libtorch threads {TorchRuntime.Threads}, median of 3 after 1 warm-up (managed n = 5000: one run)");
        foreach (int n in new[] { 2000, 5000 })
        {
            (double[] x, _) = Data(n, 1);
            var algebra = DenseLinearAlgebra.For(DenseBackend.Torch);
            double[] k = new KernelFunction(KernelKind.Gaussian, Math.Sqrt(Dimension)).Matrix(x, n, x, n, Dimension, algebra);
            for (int i = 0; i < n; i++) k[(long)i * n + i] += 1e-3;
            double[] b = Enumerable.Range(0, n).Select(i => Math.Sin(i)).ToArray();
            // The managed factorisation takes about a minute at n = 5000: timed once there.
            double managed = n <= 2000 ? Measure.MedianSeconds(() => ManagedLinearAlgebra.Instance.SolveSpd(k, n, b, 1), 1, 3) : Measure.MedianSeconds(() => ManagedLinearAlgebra.Instance.SolveSpd(k, n, b, 1), 0, 1);
            double torch = Measure.MedianSeconds(() => TorchLinearAlgebra.Instance.SolveSpd(k, n, b, 1), 1, 3);
            double diff = ManagedLinearAlgebra.Instance.SolveSpd(k, n, b, 1).Zip(TorchLinearAlgebra.Instance.SolveSpd(k, n, b, 1), (p, q) => Math.Abs(p - q)).Max();
            Console.WriteLine($"   n = {n}: MathNet managed {managed * 1e3,9:F1} ms   libtorch {torch * 1e3,8:F1} ms   ratio {managed / torch,5:F1}x   max |Δx| {diff:E1}");
        }

        Console.WriteLine();
        Console.WriteLine($"7. KRR training (standardise + Gaussian kernel + Cholesky solve), d = {Dimension} random features, l = sqrt(d), lambda = 1e-3; scikit-learn KernelRidge on the same data");
        string script = Path.Combine(root, "bench", "regression", "krr_sklearn.py");
        string folder = Path.Combine(Path.GetTempPath(), "nmrdsl-bench-krr-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        try
        {
            foreach (int n in new[] { 2000, 5000 })
            {
                const int testRows = 100;
                (double[] flat, double[] y) = Data(n, 2);
                (double[] testFlat, _) = Data(testRows, 3);
                double[,] x = ToMatrix(flat, n), test = ToMatrix(testFlat, testRows);
                var kernel = new KernelFunction(KernelKind.Gaussian, Math.Sqrt(Dimension));
                KernelModel? model = null;
                double torch = Measure.MedianSeconds(() => model = KernelRidge.Fit(x, y, kernel, 1e-3, DenseBackend.Torch), 1, 3);
                double managed = n <= 2000 ? Measure.MedianSeconds(() => KernelRidge.Fit(x, y, kernel, 1e-3, DenseBackend.Managed), 0, 1) : double.NaN;
                double[] ours = model!.Predict(test);
                WriteDoubles(Path.Combine(folder, "x.bin"), flat);
                WriteDoubles(Path.Combine(folder, "y.bin"), y);
                WriteDoubles(Path.Combine(folder, "t.bin"), testFlat);
                var sk = RunSklearn(script, folder, n, testRows, kernel, 1e-3);
                string managedText = double.IsNaN(managed) ? "      (not run)" : $"{managed,8:F2} s managed";
                if (sk is null)
                {
                    Console.WriteLine($"   n = {n}: NmrDsl {torch,6:F2} s (libtorch) {managedText}   scikit-learn: not available (bench/run.sh installs python3-sklearn)");
                }
                else
                {
                    double diff = ours.Zip(sk.Value.Predictions, (p, q) => Math.Abs(p - q)).Max();
                    Console.WriteLine($"   n = {n}: NmrDsl {torch,6:F2} s (libtorch) {managedText}   scikit-learn {sk.Value.Seconds,6:F2} s   ratio sklearn/NmrDsl {sk.Value.Seconds / torch,4:F2}x   max |Δ prediction| {diff:E1}  (sklearn {sk.Value.Version}, BLAS {sk.Value.Blas})");
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>n rows of d features uniform in [0, 1) (seeded) and a smooth target sum_k sin(x_k)/sqrt(d) + noise-free.</summary>
    private static (double[] X, double[] Y) Data(int n, ulong seed)
    {
        var random = new EchoRandom(seed);
        var x = new double[(long)n * Dimension];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int c = 0; c < Dimension; c++)
            {
                double v = random.NextDouble();
                x[(long)i * Dimension + c] = v;
                s += Math.Sin(3 * v + c);
            }

            y[i] = s / Math.Sqrt(Dimension);
        }

        return (x, y);
    }

    private static double[,] ToMatrix(double[] flat, int n)
    {
        var m = new double[n, Dimension];
        Buffer.BlockCopy(flat, 0, m, 0, flat.Length * sizeof(double));
        return m;
    }

    private static void WriteDoubles(string path, double[] values)
    {
        var bytes = new byte[values.Length * sizeof(double)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        File.WriteAllBytes(path, bytes);
    }

    private static (double Seconds, double[] Predictions, string Version, string Blas)? RunSklearn(string script, string folder, int n, int testRows, KernelFunction kernel, double ridge)
    {
        string[] args =
        [
            Path.Combine(folder, "x.bin"), Path.Combine(folder, "y.bin"), Path.Combine(folder, "t.bin"),
            n.ToString(CultureInfo.InvariantCulture), Dimension.ToString(CultureInfo.InvariantCulture), testRows.ToString(CultureInfo.InvariantCulture),
            kernel.Kind.ToString(), kernel.SklearnGamma.ToString("R", CultureInfo.InvariantCulture), ridge.ToString("R", CultureInfo.InvariantCulture), "3",
        ];
        using JsonDocument? json = PythonReference.Run(script, args);
        if (json is null) return null;
        JsonElement r = json.RootElement;
        double[] predictions = r.GetProperty("predictions").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return (r.GetProperty("seconds").GetDouble(), predictions, r.GetProperty("sklearn").GetString() ?? "?", r.GetProperty("blas").GetString() ?? "?");
    }
}
