using System;
using System.Collections.Generic;
using NmrDsl.Runtime.IO;
using ScottPlot;

namespace NmrDsl.Runtime.Plotting;

/// <summary>A bar chart of labelled values (one bar per label, in order), saved as PNG with ScottPlot 5 (atomically).</summary>
public static class BarPlot
{
    /// <summary>Saves the chart; <paramref name="yLabel"/> should carry units. Non-finite values are drawn as 0.</summary>
    public static void Save(string path, string title, string yLabel, IReadOnlyList<string> labels, IReadOnlyList<double> values, int width = 800, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(values);
        if (labels.Count == 0 || labels.Count != values.Count) throw new ArgumentException("A bar plot needs one label per value and at least one value.", nameof(values));
        var plot = new Plot();
        var heights = new double[values.Count];
        var positions = new double[values.Count];
        var names = new string[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            heights[i] = double.IsFinite(values[i]) ? values[i] : 0;
            positions[i] = i;
            names[i] = labels[i];
        }

        plot.Add.Bars(positions, heights);
        plot.Axes.Bottom.SetTicks(positions, names);
        plot.Title(title);
        plot.YLabel(yLabel);
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(width, height, ImageFormat.Png));
    }
}
