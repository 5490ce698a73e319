using System;
using System.Collections.Generic;
using System.Linq;
using NmrDsl.Runtime.IO;
using NmrDsl.Runtime.Plotting;

namespace NmrDsl.Runtime.Mas;

/// <summary>Writes MAS spectra: CSV (<c>delta_ppm</c>, one intensity column per spectrum, 1/ppm) and a PNG line plot.</summary>
public static class MasSpectrumWriter
{
    /// <summary>Writes spectra that share one axis to <paramref name="path"/> as CSV; column names are <paramref name="names"/>.</summary>
    public static void WriteCsv(string path, IReadOnlyList<string> names, IReadOnlyList<MasSpectrum> spectra)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(spectra);
        if (spectra.Count == 0 || names.Count != spectra.Count)
        {
            throw new ArgumentException("One name per spectrum, at least one spectrum.", nameof(spectra));
        }

        PpmAxis axis = spectra[0].Axis;
        if (spectra.Any(s => s.Axis != axis))
        {
            throw new ArgumentException("All spectra written to one CSV must share one ppm axis.", nameof(spectra));
        }

        var columns = new List<IReadOnlyList<double>> { axis.Values() };
        columns.AddRange(spectra.Select(s => (IReadOnlyList<double>)s.Intensity));
        CsvWriter.WriteColumns(path, new[] { "delta_ppm" }.Concat(names).ToArray(), columns);
    }

    /// <summary>Saves a line plot of the spectra (x: δ in ppm, y: intensity in 1/ppm) to <paramref name="path"/> (PNG).</summary>
    public static void SavePlot(string path, string title, IReadOnlyList<string> names, IReadOnlyList<MasSpectrum> spectra)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(spectra);
        var series = spectra.Select((s, i) => new PlotSeries(names[i], s.Axis.Values(), s.Intensity));
        LinePlot.Save(path, title, "δ (ppm)", "intensity (1/ppm)", series);
    }
}
