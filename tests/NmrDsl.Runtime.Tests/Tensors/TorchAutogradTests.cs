using System;
using System.IO;
using System.Numerics;
using NmrDsl.Runtime.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace NmrDsl.Runtime.Tests.Tensors;

public sealed class TorchAutogradTests
{
    public TorchAutogradTests() => TorchRuntime.EnsureInitialized();

    [Fact]
    public void Runtime_loads_libtorch_from_the_build_output_and_tunes_the_allocator()
    {
        Assert.True(TorchRuntime.IsInitialized);
        Assert.True(TorchRuntime.Threads >= 1);
        if (OperatingSystem.IsLinux())
        {
            Assert.True(TorchRuntime.AllocatorTuned);
            // TorchSharp falls back to copying ~0.5 GB of natives into bin/.../cpu/ and loading them
            // from there only when the glue library in runtimes/linux-x64/native fails to load (the
            // build's host fix prevents that): the mapped copy must be the one in runtimes/.
            string expected = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
            Assert.True(File.Exists(expected));
            string? loaded = null;
            foreach (string line in File.ReadLines("/proc/self/maps"))
            {
                int slash = line.IndexOf('/', StringComparison.Ordinal);
                if (slash >= 0 && line.EndsWith("/libLibTorchSharp.so", StringComparison.Ordinal))
                {
                    loaded = line[slash..];
                    break;
                }
            }
            Assert.NotNull(loaded);
            Assert.Equal(Path.GetFullPath(expected), Path.GetFullPath(loaded!));
        }
    }

    [Fact]
    public void Float64_autograd_gives_the_analytic_gradient_of_sum_sin_x_times_x_squared()
    {
        using var scope = NewDisposeScope();
        double[] values = { -2.5, -1.0, -0.3, 0.0, 0.7, 1.9, 3.1 };
        var x = tensor(values, dtype: ScalarType.Float64).requires_grad_(true);
        var y = (sin(x) * x * x).sum();
        y.backward();

        Assert.NotNull(x.grad);
        double[] grad = x.grad!.data<double>().ToArray();
        Assert.Equal(values.Length, grad.Length);
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            double expected = Math.Cos(v) * v * v + 2 * v * Math.Sin(v);
            Assert.True(Math.Abs(grad[i] - expected) <= 1e-12, $"x = {v}: grad {grad[i]:R}, expected {expected:R}");
        }
        Assert.Equal(ScalarType.Float64, x.grad.dtype);
    }

    [Fact]
    public void Complex128_matrix_exp_of_a_Hermitian_generator_is_unitary()
    {
        using var scope = NewDisposeScope();
        const int n = 8;
        var rng = new Random(20240611);
        var a = new Complex[n * n];
        for (int i = 0; i < n; i++)
        {
            a[i * n + i] = new Complex(rng.NextDouble() * 4 - 2, 0);
            for (int j = i + 1; j < n; j++)
            {
                var z = new Complex(rng.NextDouble() * 2 - 1, rng.NextDouble() * 2 - 1);
                a[i * n + j] = z;
                a[j * n + i] = Complex.Conjugate(z);
            }
        }
        var h = tensor(a, dtype: ScalarType.ComplexFloat64).reshape(n, n);
        Assert.Equal(new long[] { n, n }, h.shape);

        // U = exp(-i H t) is unitary for Hermitian H.
        var generator = h * new Complex(0, -0.37);
        var u = linalg.matrix_exp(generator);
        var uh = u.conj().transpose(0, 1).resolve_conj();
        var product = mm(uh, u); // mm, not matmul: shape errors raise instead of aborting
        var identity = eye(n, dtype: ScalarType.ComplexFloat64);
        double deviation = (product - identity).abs().max().item<double>();
        Assert.True(deviation <= 1e-12, $"max |U^H U - I| = {deviation:R}");

        // And it is not trivially the identity.
        Assert.True((u - identity).abs().max().item<double>() > 1e-3);
    }
}
