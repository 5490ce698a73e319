using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NmrDsl.Runtime.IO;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// State of an interrupted <c>optimize</c> run (checkpoint.json, written atomically): restarts completed, the
/// best controls so far, the best controls of the run in progress (a resumed run restarts L-BFGS from them; its
/// correction pairs are not saved) and the objective history. <see cref="Fingerprint"/> identifies the setup,
/// so a checkpoint of another spec, seed or setting is ignored.
/// </summary>
public sealed record GrapeCheckpoint(
    string Fingerprint,
    int CompletedRestarts,
    double BestValue,
    double[] BestControls,
    double[]? RunControls,
    double[] HistoryValues,
    int[] HistoryRestarts,
    double[] RestartValues,
    string[] ExitReasons)
{
    /// <summary>The file name inside the output folder.</summary>
    public const string FileName = "checkpoint.json";

    /// <summary>SHA-256 (hex) of everything that determines the run: name, controls grid, initial controls, options, terms, penalty, ensemble.</summary>
    public static string FingerprintOf(SpinOptimizationSetup setup, ShapedPulse initial)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(initial);
        var text = new StringBuilder();
        void Add(object value) => text.Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('|');
        Add(setup.Name);
        Add(setup.ControlIndex);
        Add(initial.Steps);
        Add(initial.StepSeconds.ToString("R", CultureInfo.InvariantCulture));
        foreach (double u in initial.XHz.Concat(initial.YHz)) Add(u.ToString("R", CultureInfo.InvariantCulture));
        Add(setup.Options.ToString());
        foreach (ContrastTerm t in setup.Terms) Add(t.Name + " " + t.LowPpm.ToString("R", CultureInfo.InvariantCulture) + " " + t.HighPpm.ToString("R", CultureInfo.InvariantCulture) + " " + t.Weight.ToString("R", CultureInfo.InvariantCulture) + " " + t.Suppress);
        Add(setup.PenaltyWeight.ToString("R", CultureInfo.InvariantCulture));
        foreach (EnsembleMember m in setup.Ensemble ?? [EnsembleMember.Nominal]) Add(m.ToString());
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Writes the checkpoint into <paramref name="directory"/>.</summary>
    public void Save(string directory) => ResultJson.Write(Path.Combine(directory, FileName), this);

    /// <summary>The checkpoint in <paramref name="directory"/> if there is one with <paramref name="fingerprint"/>; null otherwise (also when unreadable).</summary>
    public static GrapeCheckpoint? Load(string directory, string fingerprint)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            GrapeCheckpoint? checkpoint = JsonSerializer.Deserialize<GrapeCheckpoint>(File.ReadAllText(path), ResultJson.Options);
            return checkpoint is not null && checkpoint.Fingerprint == fingerprint && checkpoint.BestControls is not null ? checkpoint : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
