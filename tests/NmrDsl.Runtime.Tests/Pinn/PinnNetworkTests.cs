using System;
using System.Linq;
using NmrDsl.Runtime.Pinn;
using NmrDsl.Runtime.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace NmrDsl.Runtime.Tests.Pinn;

/// <summary>The network derivatives and the quadrature the PINN loss is built from.</summary>
public sealed class PinnNetworkTests
{
    /// <summary>
    /// Forward-mode Taylor jets (the default) equal nested reverse-mode autograd for N, ∂N/∂τ̂, ∂²N/∂q̂², ∂N/∂q̂ to
    /// 1e-12 relative to the channel's largest value (float64; both are exact up to rounding), for 1–3 hidden layers.
    /// </summary>
    [Theory]
    [InlineData(1, 8)]
    [InlineData(2, 32)]
    [InlineData(3, 16)]
    public void Taylor_jets_equal_nested_autograd(int layers, int width)
    {
        TorchRuntime.EnsureInitialized();
        TensorArithmetic.EnsureCreated();
        using var scope = NewDisposeScope();
        var network = new TanhNetwork(layers, width, 0, ScalarType.Float64);
        var flat = new double[network.ParameterCount];
        network.Initialise(flat, new Random(7));
        var random = new Random(11);
        for (int i = 0; i < flat.Length; i++) flat[i] += 0.3 * (random.NextDouble() - 0.5); // non-zero biases too
        var parameters = tensor(flat, dtype: ScalarType.Float64).requires_grad_(true);
        var q = tensor(Enumerable.Range(0, 50).Select(i => -1 + 2 * random.NextDouble()).ToArray(), dtype: ScalarType.Float64);
        var tau = tensor(Enumerable.Range(0, 50).Select(i => -1 + 2 * random.NextDouble()).ToArray(), dtype: ScalarType.Float64);
        var jets = network.Jets(parameters, q, tau).detach().data<double>().ToArray();
        var reference = network.Autograd(parameters, q, tau).detach().data<double>().ToArray();
        for (int c = 0; c < 5; c++)
        {
            double scale = Enumerable.Range(0, 50).Max(n => Math.Abs(reference[5 * n + c]));
            double error = Enumerable.Range(0, 50).Max(n => Math.Abs(jets[5 * n + c] - reference[5 * n + c]));
            Assert.True(error <= 1e-12 * Math.Max(scale, 1e-300), FormattableString.Invariant($"channel {c}: error {error:G3}, scale {scale:G3}"));
        }
    }

    /// <summary>n-point Gauss–Legendre integrates polynomials of degree 2n − 1 exactly (to 1e-14) on any interval.</summary>
    [Theory]
    [InlineData(4)]
    [InlineData(32)]
    public void Gauss_Legendre_is_exact_to_degree_2n_minus_1(int n)
    {
        var (nodes, weights) = PinnSampling.GaussLegendre(0.2, 1.7, n);
        int degree = 2 * n - 1;
        double integral = nodes.Select((x, j) => weights[j] * Math.Pow(x, degree)).Sum();
        double exact = (Math.Pow(1.7, degree + 1) - Math.Pow(0.2, degree + 1)) / (degree + 1);
        Assert.True(Math.Abs(integral / exact - 1) < 1e-13, FormattableString.Invariant($"{integral} vs {exact}"));
        Assert.All(nodes, x => Assert.InRange(x, 0.2, 1.7));
    }

    /// <summary>Collocation times lie in (0, 1], increase, and the geometric part starts at the shortest time scale.</summary>
    [Fact]
    public void Collocation_times_cover_the_window()
    {
        foreach (var sampling in new[] { TimeSampling.Uniform, TimeSampling.Geometric, TimeSampling.Mixed })
        {
            double[] t = PinnSampling.Times(40, sampling, 1e-3);
            Assert.Equal(40, t.Length);
            Assert.All(t, x => Assert.InRange(x, 1e-3 * (1 - 1e-12), 1.0));
            Assert.Equal(1.0, t[^1], 12);
            for (int i = 1; i < t.Length; i++) Assert.True(t[i] >= t[i - 1]);
        }
        Assert.Equal(1e-3, PinnSampling.Times(40, TimeSampling.Geometric, 1e-3)[0], 12);
    }
}
