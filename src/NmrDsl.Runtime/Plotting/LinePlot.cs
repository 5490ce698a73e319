using System;
using System.Collections.Generic;
using NmrDsl.Runtime.IO;
using ScottPlot;

namespace NmrDsl.Runtime.Plotting;

/// <summary>Line plots of one or more series, saved as PNG with ScottPlot 5 (atomically).</summary>
public static class LinePlot
{
    /// <summary>
    /// Saves a line plot of <paramref name="series"/> to <paramref name="path"/> (PNG). Labels should
    /// carry units, e.g. "t (s)", "mean P (1)". A legend is shown when there is more than one series.
    /// </summary>
    public static void Save(string path, string title, string xLabel, string yLabel, IEnumerable<PlotSeries> series, int width = 800, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        var all = new List<PlotSeries>(series);
        int count = 0;
        foreach (PlotSeries s in all)
        {
            if (s.Markers)
            {
                var points = plot.Add.ScatterPoints(s.X, s.Y);
                points.LegendText = s.Name;
                points.MarkerSize = 5;
            }
            else
            {
                var line = plot.Add.ScatterLine(s.X, s.Y);
                line.LegendText = s.Name;
                line.LineWidth = 2;
            }
            count++;
        }

        if (count == 0)
        {
            throw new ArgumentException("A line plot needs at least one series.", nameof(series));
        }

        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        if (count > 1)
        {
            plot.ShowLegend(EmptiestCorner(all));
        }

        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(width, height, ImageFormat.Png));
    }

    /// <summary>
    /// The plot corner whose legend-sized box (30 % of the width; 6 % + 5 % per entry of the height)
    /// holds the fewest data points, so the legend hides as little of the curves as possible; upper
    /// right on a tie.
    /// </summary>
    internal static Alignment EmptiestCorner(IReadOnlyList<PlotSeries> series)
    {
        double xMin = double.PositiveInfinity, xMax = double.NegativeInfinity, yMin = double.PositiveInfinity, yMax = double.NegativeInfinity;
        foreach (PlotSeries s in series)
        {
            for (int i = 0; i < s.X.Length; i++)
            {
                if (double.IsFinite(s.X[i]) && double.IsFinite(s.Y[i]))
                {
                    xMin = Math.Min(xMin, s.X[i]);
                    xMax = Math.Max(xMax, s.X[i]);
                    yMin = Math.Min(yMin, s.Y[i]);
                    yMax = Math.Max(yMax, s.Y[i]);
                }
            }
        }

        (Alignment Corner, bool Right, bool Upper)[] corners =
        {
            (Alignment.UpperRight, true, true), (Alignment.UpperLeft, false, true),
            (Alignment.LowerRight, true, false), (Alignment.LowerLeft, false, false),
        };
        double boxWidth = 0.30, boxHeight = Math.Min(0.40, 0.06 + 0.05 * series.Count);
        Alignment best = Alignment.UpperRight;
        int fewest = int.MaxValue;
        foreach ((Alignment corner, bool right, bool upper) in corners)
        {
            int inside = 0;
            foreach (PlotSeries s in series)
            {
                for (int i = 0; i < s.X.Length; i++)
                {
                    double fx = (s.X[i] - xMin) / (xMax - xMin), fy = (s.Y[i] - yMin) / (yMax - yMin);
                    bool inX = right ? fx >= 1 - boxWidth : fx <= boxWidth;
                    bool inY = upper ? fy >= 1 - boxHeight : fy <= boxHeight;
                    if (inX && inY)
                    {
                        inside++;
                    }
                }
            }

            if (inside < fewest)
            {
                fewest = inside;
                best = corner;
            }
        }

        return best;
    }
}
