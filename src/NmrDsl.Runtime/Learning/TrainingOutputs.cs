using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NmrDsl.Runtime.IO;
using NmrDsl.Runtime.Plotting;

namespace NmrDsl.Runtime.Learning;

/// <summary>metrics.json, history.csv (epoch, train_loss, validation_loss, seconds) and parity_&lt;parameter&gt;.png in a model folder.</summary>
public static class TrainingOutputs
{
    /// <summary>Writes the files; plots only when <paramref name="truth"/> and <paramref name="predicted"/> are given.</summary>
    public static void Write(string folder, TrainingMetrics metrics, IReadOnlyList<EpochRecord> history, EchoModelManifest manifest, double[][]? truth, double[][]? predicted)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(manifest);
        ResultJson.Write(Path.Combine(folder, "metrics.json"), metrics);
        CsvWriter.Write(Path.Combine(folder, "history.csv"), ["epoch", "train_loss", "validation_loss", "seconds"],
            history.Select(h => (IReadOnlyList<double>)[h.Epoch, h.TrainLoss, h.ValidationLoss, h.Seconds]));
        if (truth is null || predicted is null)
        {
            return;
        }

        for (int j = 0; j < manifest.Parameters.Count; j++)
        {
            string name = manifest.Parameters[j];
            string unit = manifest.Units.TryGetValue(name, out string? u) && u.Length > 0 ? " (" + u + ")" : string.Empty;
            double[] t = truth.Select(r => r[j]).ToArray();
            double[] p = predicted.Select(r => r[j]).ToArray();
            double lo = Math.Min(t.Min(), p.Min()), hi = Math.Max(t.Max(), p.Max());
            LinePlot.Save(Path.Combine(folder, "parity_" + name + ".png"), $"{name}: predicted vs true ({manifest.Architecture}, {t.Length} held-out curves)",
                "true " + name + unit, "predicted " + name + unit,
                [new PlotSeries("curves", t, p) { Markers = true }, new PlotSeries("ideal", [lo, hi], [lo, hi])]);
        }
    }
}
