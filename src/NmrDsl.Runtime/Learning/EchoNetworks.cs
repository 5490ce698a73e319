using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NmrDsl.Runtime.Learning;

/// <summary>The regressors M(t) → parameters (float32, CPU). Input [n, 2L] = [Re…, Im…] (standardised), output [n, P] scaled targets.</summary>
public static class EchoNetworks
{
    /// <summary>The seed notebook's MLP (reference §3): Linear(2L, 400)–ReLU–Linear(400, 200)–ReLU–Linear(200, 24)–ReLU–Linear(24, P).</summary>
    public const string Mlp = "mlp";

    /// <summary>A 1-D CNN over the time axis with Re/Im as two channels (<see cref="EchoCnn"/>).</summary>
    public const string Cnn = "cnn";

    /// <summary>The default feature window for <paramref name="architecture"/>: the notebook's 200-sample window for the MLP, the whole curve for the CNN.</summary>
    public static EchoFeatures DefaultFeatures(string architecture, int points) => architecture switch
    {
        Mlp => points >= EchoFeatures.BaselineWindow.Start + EchoFeatures.BaselineWindow.Length ? EchoFeatures.BaselineWindow : EchoFeatures.Full(points),
        Cnn => EchoFeatures.Full(points),
        _ => throw new ArgumentException($"Unknown model '{architecture}'; expected {Mlp} or {Cnn}.", nameof(architecture)),
    };

    /// <summary>A human-readable layer list for model.json.</summary>
    public static string Describe(string architecture, int samples, int outputs) => architecture switch
    {
        Mlp => FormattableString.Invariant($"Linear({2 * samples},400)-ReLU-Linear(400,200)-ReLU-Linear(200,24)-ReLU-Linear(24,{outputs})"),
        Cnn => FormattableString.Invariant($"[2x{samples}] Conv1d(2,16,7,pad 3)-ReLU-MaxPool(2)-Conv1d(16,32,5,pad 2)-ReLU-MaxPool(2)-Conv1d(32,32,5,pad 2)-ReLU-AdaptiveAvgPool({EchoCnn.Bins})-Linear({32 * EchoCnn.Bins},64)-ReLU-Linear(64,{outputs})"),
        _ => throw new ArgumentException($"Unknown model '{architecture}'; expected {Mlp} or {Cnn}.", nameof(architecture)),
    };

    /// <summary>
    /// A new network with weights drawn after <c>torch.manual_seed(seed)</c> (TorchSharp's default initialisation:
    /// same seed, same weights).
    /// </summary>
    public static nn.Module<Tensor, Tensor> Create(string architecture, int samples, int outputs, long seed)
    {
        torch.manual_seed(seed);
        return architecture switch
        {
            Mlp => nn.Sequential(
                ("fc1", nn.Linear(2 * samples, 400)),
                ("relu1", nn.ReLU()),
                ("fc2", nn.Linear(400, 200)),
                ("relu2", nn.ReLU()),
                ("fc3", nn.Linear(200, 24)),
                ("relu3", nn.ReLU()),
                ("out", nn.Linear(24, outputs))),
            Cnn => new EchoCnn(samples, outputs),
            _ => throw new ArgumentException($"Unknown model '{architecture}'; expected {Mlp} or {Cnn}.", nameof(architecture)),
        };
    }
}

/// <summary>
/// 1-D CNN: the input [n, 2L] is viewed as [n, 2, L] (channels Re M, Im M over time); three convolutions (16, 32, 32
/// channels, kernels 7, 5, 5, two max-pools of 2) find local shapes — the decay before the pulse, the echo's width and
/// asymmetry — wherever they sit; an adaptive average pool to 16 time bins keeps their coarse position; two linear
/// layers map to the P scaled targets.
/// </summary>
public sealed class EchoCnn : nn.Module<Tensor, Tensor>
{
    /// <summary>Time bins after the adaptive pool.</summary>
    public const int Bins = 16;

    private readonly int _samples;
    private readonly Sequential features;
    private readonly Sequential head;

    /// <summary>A CNN for L = <paramref name="samples"/> per channel and <paramref name="outputs"/> targets.</summary>
    public EchoCnn(int samples, int outputs)
        : base(nameof(EchoCnn))
    {
        _samples = samples;
        features = nn.Sequential(
            ("conv1", nn.Conv1d(2, 16, 7, padding: 3)),
            ("relu1", nn.ReLU()),
            ("pool1", nn.MaxPool1d(2)),
            ("conv2", nn.Conv1d(16, 32, 5, padding: 2)),
            ("relu2", nn.ReLU()),
            ("pool2", nn.MaxPool1d(2)),
            ("conv3", nn.Conv1d(32, 32, 5, padding: 2)),
            ("relu3", nn.ReLU()),
            ("pool3", nn.AdaptiveAvgPool1d(Bins)));
        head = nn.Sequential(
            ("fc1", nn.Linear(32 * Bins, 64)),
            ("relu4", nn.ReLU()),
            ("out", nn.Linear(64, outputs)));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 2 || input.shape[1] != 2L * _samples)
        {
            throw new ArgumentException($"Expected input [n, {2 * _samples}].", nameof(input));
        }

        using var x = input.view(input.shape[0], 2, _samples);
        using var f = features.forward(x);
        using var flat = f.flatten(1);
        return head.forward(flat);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            features.Dispose();
            head.Dispose();
        }

        base.Dispose(disposing);
    }
}
