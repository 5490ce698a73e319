using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using NmrDsl.Runtime.IO;

namespace NmrDsl.Runtime.Learning;

/// <summary>
/// <c>MODELDIR/checkpoint/state.json</c>, written after every epoch next to <c>last.bin</c> (the weights after that
/// epoch), <c>best.bin</c> (the weights of the lowest validation loss) and <c>adam.bin</c> (Adam's moment estimates
/// and step counts after that epoch). A training run that finds a checkpoint of the same dataset, architecture,
/// features and seed resumes after its last epoch; the shuffling of epoch e depends only on (seed, e) and the optimiser
/// state is restored, so a resumed run follows the uninterrupted one (exactly, with one libtorch thread).
/// </summary>
public sealed record TrainingCheckpoint
{
    /// <summary>Dataset fingerprint.</summary>
    public string Fingerprint { get; init; } = string.Empty;

    /// <summary>mlp or cnn.</summary>
    public string Architecture { get; init; } = string.Empty;

    /// <summary>Feature window.</summary>
    public EchoFeatures Features { get; init; } = new(0, 1, 1);

    /// <summary>Seed.</summary>
    public long Seed { get; init; }

    /// <summary>Epochs completed.</summary>
    public int Epoch { get; init; }

    /// <summary>Lowest validation loss so far.</summary>
    public double BestLoss { get; init; } = double.PositiveInfinity;

    /// <summary>Epoch of <see cref="BestLoss"/>.</summary>
    public int BestEpoch { get; init; }

    /// <summary>Epochs since the best.</summary>
    public int EpochsWithoutImprovement { get; init; }

    /// <summary>True once early stopping ended the run (a run stopped by the epoch limit continues when resumed with more epochs).</summary>
    public bool Finished { get; init; }

    /// <summary>Losses so far.</summary>
    public IReadOnlyList<EpochRecord> History { get; init; } = [];

    /// <summary>File name of the optimiser state in the checkpoint folder.</summary>
    public const string OptimizerFile = "adam.bin";

    /// <summary>The folder of the checkpoint under a model folder.</summary>
    public static string FolderOf(string modelFolder) => Path.Combine(modelFolder, "checkpoint");

    /// <summary>Reads state.json, or null when there is none or it is unreadable (then training starts afresh).</summary>
    public static TrainingCheckpoint? TryLoad(string folder)
    {
        string path = Path.Combine(folder, "state.json");
        if (!File.Exists(path) || !File.Exists(Path.Combine(folder, "last.bin")) || !File.Exists(Path.Combine(folder, "best.bin")))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<TrainingCheckpoint>(File.ReadAllText(path), ResultJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes state.json atomically (after the weight files).</summary>
    public void Save(string folder) => ResultJson.Write(Path.Combine(folder, "state.json"), this);
}
