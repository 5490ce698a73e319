using System;
using System.Collections.Generic;
using System.Linq;
using NmrDsl.Runtime.Plotting;
using static System.FormattableString;

namespace NmrDsl.Runtime.Pde;

/// <summary>The three figures of a <see cref="PdeReport"/>, with SI-prefixed axes (µm, ms) chosen from the data.</summary>
internal static class ReportPlots
{
    /// <summary>Largest heat-map grid drawn (the solution is resampled onto it).</summary>
    private const int MaxHeatMapCells = 400;

    public static void Observables(string path, string name, PdeSolution solution, IReadOnlyList<ObservableSeries> observables)
    {
        (double tFactor, string tUnit) = UnitPrefix.Choose(solution.Times[^1], "s");
        double[] t = UnitPrefix.Scale(solution.Times, tFactor);
        var series = observables.Select(o => new PlotSeries(Label(o.Name, o.Unit), t, o.Values)).ToList();
        string yLabel = observables.Select(o => o.Unit).Distinct(StringComparer.Ordinal).Count() == 1
            ? (observables.Count == 1 ? Label(observables[0].Name, observables[0].Unit) : Label("value", observables[0].Unit))
            : string.Join(", ", observables.Select(o => Label(o.Name, o.Unit)));
        LinePlot.Save(path, $"{name}: observables", $"t ({tUnit})", yLabel, series);
    }

    public static void Profiles(string path, string name, PdeSolution solution, string fieldName, string fieldUnit, string xName, int count)
    {
        (double xFactor, string xUnit) = UnitPrefix.Choose(Math.Max(Math.Abs(solution.Mesh.Start), Math.Abs(solution.Mesh.End)), "m");
        (double tFactor, string tUnit) = UnitPrefix.Choose(solution.Times[^1], "s");
        double[] x = UnitPrefix.Scale(solution.Mesh.Centres, xFactor);
        int n = solution.Times.Length;
        IEnumerable<int> indices = Enumerable.Range(0, Math.Min(count, n))
            .Select(k => n == 1 ? 0 : (int)Math.Round(k * (n - 1) / (double)(Math.Min(count, n) - 1)))
            .Distinct();
        var series = indices.Select(j => new PlotSeries(Invariant($"t = {solution.Times[j] / tFactor:G4} {tUnit}"), x, solution.Values[j])).ToList();
        LinePlot.Save(path, $"{name}: {fieldName}({xName}) profiles", $"{xName} ({xUnit})", Label(fieldName, fieldUnit), series);
    }

    public static void Field(string path, string name, PdeSolution solution, string fieldName, string fieldUnit, string xName)
    {
        FiniteVolumeMesh mesh = solution.Mesh;
        (double xFactor, string xUnit) = UnitPrefix.Choose(Math.Max(Math.Abs(mesh.Start), Math.Abs(mesh.End)), "m");
        (double tFactor, string tUnit) = UnitPrefix.Choose(solution.Times[^1], "s");
        double[,] grid = Resample(solution, Math.Min(MaxHeatMapCells, 2 * mesh.CellCount), Math.Min(MaxHeatMapCells, Math.Max(2, 2 * solution.Times.Length)));
        var extent = new HeatMapExtent(mesh.Start / xFactor, mesh.End / xFactor, solution.Times[0] / tFactor, solution.Times[^1] / tFactor);
        if (!(extent.YMax > extent.YMin))
        {
            extent = extent with { YMax = extent.YMin + 1 }; // a single output time: draw one band
        }

        HeatMapPlot.Save(path, $"{name}: {fieldName}({xName}, t)", $"{xName} ({xUnit})", $"t ({tUnit})", grid, extent, Label(fieldName, fieldUnit));
    }

    /// <summary>
    /// u on a regular (t, x) grid of cell centres: piecewise constant in x (the value of the finite
    /// volume that contains the point, so the cells stay visible) and linear in t between outputs.
    /// </summary>
    private static double[,] Resample(PdeSolution solution, int columns, int rows)
    {
        FiniteVolumeMesh mesh = solution.Mesh;
        double[] times = solution.Times;
        var cell = new int[columns];
        for (int c = 0; c < columns; c++)
        {
            cell[c] = mesh.CellContaining(mesh.Start + (c + 0.5) * (mesh.End - mesh.Start) / columns);
        }

        var grid = new double[rows, columns];
        for (int r = 0; r < rows; r++)
        {
            double t = times[0] + (r + 0.5) * (times[^1] - times[0]) / rows;
            (int left, int right, double w) = Bracket(times, t);
            for (int c = 0; c < columns; c++)
            {
                grid[r, c] = (1 - w) * solution.Values[left][cell[c]] + w * solution.Values[right][cell[c]];
            }
        }

        return grid;
    }

    /// <summary>Output indices around <paramref name="t"/> and the linear weight of the right one.</summary>
    private static (int Left, int Right, double Weight) Bracket(double[] times, double t)
    {
        if (times.Length == 1)
        {
            return (0, 0, 0);
        }

        int index = Array.BinarySearch(times, t);
        int right = Math.Clamp(index >= 0 ? index : ~index, 1, times.Length - 1);
        int left = right - 1;
        return (left, right, Math.Clamp((t - times[left]) / (times[right] - times[left]), 0, 1));
    }

    /// <summary>An axis label "name (unit)", or just "name" for a dimensionless quantity.</summary>
    private static string Label(string name, string unit) => string.IsNullOrEmpty(unit) || unit == "1" ? name : name + " (" + unit + ")";
}
