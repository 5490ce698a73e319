using System.Collections.Generic;

namespace NmrDsl.Runtime.Learning;

/// <summary>
/// <c>MODELDIR/model.json</c>: everything <c>nmrdsl predict</c> needs besides the weights (<c>weights.bin</c>,
/// TorchSharp module state): the architecture, the feature window and standardisation, the target scalers, the
/// parameter names and units, and where the model came from (dataset fingerprint, seed, epochs).
/// </summary>
public sealed record EchoModelManifest
{
    /// <summary>The format tag.</summary>
    public const string FormatName = "nmrdsl-echo-model";

    /// <summary>"nmrdsl-echo-model".</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>1.</summary>
    public int Version { get; init; } = 1;

    /// <summary>mlp or cnn.</summary>
    public string Architecture { get; init; } = EchoNetworks.Cnn;

    /// <summary>Layer list.</summary>
    public string Layers { get; init; } = string.Empty;

    /// <summary>P, complex samples per input curve.</summary>
    public int Points { get; init; }

    /// <summary>Which samples are features.</summary>
    public EchoFeatures Features { get; init; } = new(0, 1, 1);

    /// <summary>Per-feature mean of the training inputs (2L values), subtracted before the network.</summary>
    public IReadOnlyList<double> FeatureMean { get; init; } = [];

    /// <summary>Per-feature standard deviation of the training inputs (floored at 1e-6), divided out.</summary>
    public IReadOnlyList<double> FeatureScale { get; init; } = [];

    /// <summary>Target names, in output order.</summary>
    public IReadOnlyList<string> Parameters { get; init; } = [];

    /// <summary>Units by name.</summary>
    public IReadOnlyDictionary<string, string> Units { get; init; } = new Dictionary<string, string>();

    /// <summary>z = (v − lower)/width.</summary>
    public TargetScaler Scaler { get; init; } = new([], []);

    /// <summary>Spec that generated the training data.</summary>
    public string DatasetSpec { get; init; } = string.Empty;

    /// <summary>Seed of the training dataset.</summary>
    public ulong DatasetSeed { get; init; }

    /// <summary>Complete records used.</summary>
    public int DatasetRecords { get; init; }

    /// <summary>SHA-256 of dataset.json and the records' bytes.</summary>
    public string DatasetFingerprint { get; init; } = string.Empty;

    /// <summary>Seed of initialisation, split and shuffling.</summary>
    public long Seed { get; init; }

    /// <summary>Epochs run.</summary>
    public int EpochsRun { get; init; }

    /// <summary>Epoch (1-based) of the lowest validation loss, whose weights are saved.</summary>
    public int BestEpoch { get; init; }

    /// <summary>Curves in the training, validation and test sets.</summary>
    public IReadOnlyList<int> Split { get; init; } = [];
}
