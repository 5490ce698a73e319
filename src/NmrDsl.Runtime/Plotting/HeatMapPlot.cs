using System;
using NmrDsl.Runtime.IO;
using ScottPlot;

namespace NmrDsl.Runtime.Plotting;

/// <summary>Heat maps of a field u(x, y) on a regular grid (e.g. u(r, t)), saved as PNG with ScottPlot 5.</summary>
public static class HeatMapPlot
{
    /// <summary>
    /// Saves <paramref name="values"/>[yIndex, xIndex] as a heat map over <paramref name="extent"/>:
    /// row 0 is the bottom (y = YMin), column 0 the left (x = XMin), cells evenly spaced. A colour bar
    /// labelled <paramref name="valueLabel"/> (with its unit) is drawn on the right.
    /// </summary>
    public static void Save(string path, string title, string xLabel, string yLabel, double[,] values, HeatMapExtent extent, string valueLabel = "", int width = 800, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.GetLength(0) == 0 || values.GetLength(1) == 0)
        {
            throw new ArgumentException("A heat map needs at least one row and one column.", nameof(values));
        }

        if (!(extent.XMax > extent.XMin) || !(extent.YMax > extent.YMin))
        {
            throw new ArgumentException("The extent must have XMax > XMin and YMax > YMin.", nameof(extent));
        }

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(values);
        heatmap.Extent = new CoordinateRect(extent.XMin, extent.XMax, extent.YMin, extent.YMax);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.FlipVertically = true; // ScottPlot draws row 0 at the top; the convention here is row 0 at YMin
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = valueLabel;
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.Margins(0, 0);
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(width, height, ImageFormat.Png));
    }
}
