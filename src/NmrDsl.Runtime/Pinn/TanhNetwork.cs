using System;
using TorchSharp;
using static TorchSharp.torch;

namespace NmrDsl.Runtime.Pinn;

/// <summary>
/// A fully connected tanh network (q̂, τ̂) → N whose weights are views into one flat parameter tensor, so the whole
/// model (every region's network and the unknowns) is one vector for Adam, L-BFGS and checkpoints.
/// </summary>
/// <remarks>
/// <para><see cref="Jets"/> propagates the value together with ∂/∂q̂, ∂²/∂q̂² and ∂/∂τ̂ through the layers in closed form
/// (forward-mode Taylor jets: for s = tanh(a), s' = 1 − s², s'' = −2 s s'; h_q = s' a_q, h_qq = s'' a_q² + s' a_qq,
/// h_τ = s' a_τ), stacking the four channels into one matrix product per layer. The gradient with respect to the
/// weights is then a single reverse pass; the textbook alternative (<see cref="Autograd"/>) differentiates twice in
/// reverse mode and builds a graph of the graph.</para>
/// <para>Every matrix product is <c>mm</c> on shapes fixed here (libtorch's <c>matmul</c> aborts the process on a shape
/// error on this host, DESIGN.md).</para>
/// </remarks>
internal sealed class TanhNetwork
{
    // Constants as 0-d tensors: arithmetic with C# doubles creates a TorchSharp Scalar per operation, and in 0.107
    // those handles were seen to go invalid mid-training ("Unknown scalar type"); tensor–tensor broadcasting avoids them.
    private readonly Tensor _one;
    private readonly Tensor _minusTwo;

    public TanhNetwork(int layers, int width, int offset, ScalarType dtype, int? averageMetric = null)
    {
        Layers = layers;
        Width = width;
        Offset = offset;
        AverageMetric = averageMetric;
        _one = tensor(1.0, dtype: dtype);
        _minusTwo = tensor(-2.0, dtype: dtype);
    }

    public int Layers { get; }

    /// <summary>
    /// When set (k of a cylinder or sphere, region at the centre, squared-radius input), the network represents the
    /// running average G(r, t) = (k+1)/r^(k+1) ∫₀ʳ u ρ^k dρ and the field is derived from it,
    /// u = G + r ∂G/∂r / (k+1) (the poster's change of variable, seed pinn-hyperpolarized-dnp-poster.txt;
    /// reference/spin-diffusion-pinn.md §1.4). With q̂ = 2ξ²/b² − 1, r ∂G/∂r = 2 (q̂ + 1) ∂G/∂q̂, so
    /// u = G + 2 (q̂ + 1) ∂G/∂q̂ / (k + 1); its own derivatives come from autograd (third order in G).
    /// </summary>
    public int? AverageMetric { get; }

    public int Width { get; }

    /// <summary>First index of this network in the flat parameter vector.</summary>
    public int Offset { get; }

    /// <summary>Number of weights and biases: 2 inputs, <see cref="Layers"/> hidden layers of <see cref="Width"/>, 1 output.</summary>
    public int ParameterCount => ParameterCountFor(Layers, Width);

    public static int ParameterCountFor(int layers, int width) => (2 * width + width) + (layers - 1) * (width * width + width) + (width + 1);

    /// <summary>Glorot-normal weights and zero biases from <paramref name="random"/> (seeded: same seed, same network).</summary>
    public void Initialise(Span<double> flat, Random random)
    {
        int at = Offset;
        for (int l = 0; l <= Layers; l++)
        {
            int fanIn = l == 0 ? 2 : Width, fanOut = l == Layers ? 1 : Width;
            double std = Math.Sqrt(2.0 / (fanIn + fanOut));
            for (int i = 0; i < fanIn * fanOut; i++) flat[at++] = std * Gaussian(random);
            for (int i = 0; i < fanOut; i++) flat[at++] = 0.0;
        }
    }

    /// <summary>Channels [n, 5]: N, ∂N/∂τ̂, ∂²N/∂q̂², ∂N/∂q̂, 1 by forward-mode jets.</summary>
    public Tensor Jets(Tensor parameters, Tensor q, Tensor tau)
    {
        long n = q.shape[0];
        var (w0, b0) = Layer(parameters, 0);
        var input = stack(new[] { q, tau }, 1);                        // [n, 2]
        var a = input.mm(w0.t()).Plus(b0);                                 // [n, w]
        var aq = w0.narrow(1, 0, 1).t();                                // [1, w]
        var atau = w0.narrow(1, 1, 1).t();                              // [1, w]
        var s = a.tanh();
        var d1 = _one.Minus(s * s);
        var d2 = _minusTwo * s * d1;
        var h = s;
        var hq = d1 * aq;
        var hqq = d2 * aq * aq;
        var htau = d1 * atau;
        for (int l = 1; l < Layers; l++)
        {
            var (w, b) = Layer(parameters, l);
            var z = cat(new[] { h, hq, hqq, htau }, 0).mm(w.t());       // [4n, w]
            var zq = z.narrow(0, n, n);
            var zqq = z.narrow(0, 2 * n, n);
            s = z.narrow(0, 0, n).Plus(b).tanh();
            d1 = _one.Minus(s * s);
            d2 = _minusTwo * s * d1;
            h = s;
            hq = d1 * zq;
            hqq = (d2 * zq * zq).Plus(d1 * zqq);
            htau = d1 * z.narrow(0, 3 * n, n);
        }
        var (wo, bo) = Layer(parameters, Layers);
        var o = cat(new[] { h, hq, hqq, htau }, 0).mm(wo.t());         // [4n, 1]
        var value = o.narrow(0, 0, n).Plus(bo);
        return cat(new[] { value, o.narrow(0, 3 * n, n), o.narrow(0, 2 * n, n), o.narrow(0, n, n), ones_like(value) }, 1);
    }

    /// <summary>Channels [n, 5] by nested reverse-mode autograd (retain_graph and create_graph: TorchSharp defaults retain_graph to false).</summary>
    public Tensor Autograd(Tensor parameters, Tensor q, Tensor tau)
    {
        var input = stack(new[] { q, tau }, 1).detach().requires_grad_(true);
        var value = FieldValue(parameters, input);                     // [n, 1]
        var first = torch.autograd.grad(new[] { value.sum() }, new[] { input }, retain_graph: true, create_graph: true)[0];
        var nq = first.narrow(1, 0, 1);
        var ntau = first.narrow(1, 1, 1);
        var second = torch.autograd.grad(new[] { nq.sum() }, new[] { input }, retain_graph: true, create_graph: true)[0];
        return cat(new[] { value, ntau, second.narrow(1, 0, 1), nq, ones_like(value) }, 1);
    }

    /// <summary>
    /// The network's field channel at inputs [n, 2] that require grad: N itself, or with <see cref="AverageMetric"/>
    /// the field N + 2 (q̂ + 1) ∂N/∂q̂ / (k + 1) derived from the running average N.
    /// </summary>
    public Tensor FieldValue(Tensor parameters, Tensor input)
    {
        var value = Value(parameters, input);
        if (AverageMetric is not int k) return value;
        var slope = torch.autograd.grad(new[] { value.sum() }, new[] { input }, retain_graph: true, create_graph: true)[0].narrow(1, 0, 1);
        var factor = input.narrow(1, 0, 1).Plus(_one) * tensor(2.0 / (k + 1), dtype: value.dtype);
        return value.Plus(factor * slope);
    }

    /// <summary>N at the inputs [n, 2] → [n, 1].</summary>
    public Tensor Value(Tensor parameters, Tensor input)
    {
        var h = input;
        for (int l = 0; l < Layers; l++)
        {
            var (w, b) = Layer(parameters, l);
            h = h.mm(w.t()).Plus(b).tanh();
        }
        var (wo, bo) = Layer(parameters, Layers);
        return h.mm(wo.t()).Plus(bo);
    }

    private (Tensor Weight, Tensor Bias) Layer(Tensor parameters, int l)
    {
        int at = Offset;
        for (int j = 0; j < l; j++)
        {
            int fanIn = j == 0 ? 2 : Width;
            at += fanIn * Width + Width;
        }
        int inputs = l == 0 ? 2 : Width, outputs = l == Layers ? 1 : Width;
        var weight = parameters.narrow(0, at, inputs * outputs).view(outputs, inputs);
        var bias = parameters.narrow(0, at + inputs * outputs, outputs);
        return (weight, bias);
    }

    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
