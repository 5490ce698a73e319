using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using NmrDsl.Runtime.IO;

namespace NmrDsl.Runtime.Pinn;

/// <summary>
/// Everything needed to continue a PINN fit exactly where it stopped: the flat parameter vector, Adam's moment
/// estimates, the term weights, the loss history and the elapsed time. The fingerprint ties it to the spec, the data
/// and the settings, so a checkpoint is never applied to a different run.
/// </summary>
internal sealed record PinnCheckpoint(
    string Fingerprint,
    string Phase,
    int Iteration,
    double[] Parameters,
    double[] AdamFirstMoment,
    double[] AdamSecondMoment,
    Dictionary<string, double> Weights,
    List<PinnHistoryEntry> History,
    double ElapsedSeconds,
    int LbfgsEvaluations)
{
    public const string FileName = "pinn-checkpoint.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public void Save(string directory)
    {
        AtomicFile.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, Json));
    }

    /// <summary>The checkpoint in <paramref name="directory"/>, or null when there is none.</summary>
    /// <exception cref="InvalidOperationException">It belongs to another run, or cannot be read.</exception>
    public static PinnCheckpoint? Load(string directory, string fingerprint)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return null;
        PinnCheckpoint? checkpoint;
        try
        {
            checkpoint = JsonSerializer.Deserialize<PinnCheckpoint>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{path}: the checkpoint cannot be read ({ex.Message}); delete it to start over.", ex);
        }
        if (checkpoint is null) return null;
        if (!string.Equals(checkpoint.Fingerprint, fingerprint, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{path} was written by a fit with another spec, data or settings; delete it (or choose another checkpoint folder) to start over.");
        }
        return checkpoint;
    }
}
