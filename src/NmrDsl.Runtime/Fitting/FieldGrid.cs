using System;
using System.Collections.Generic;
using System.Linq;
using NmrDsl.Runtime.IO;
using NmrDsl.Runtime.Pde;
using NmrDsl.Runtime.Plotting;

namespace NmrDsl.Runtime.Fitting;

/// <summary>
/// A reconstructed field on a grid — by the PINN's networks or by the finite-volume solution at the fitted values:
/// <c>Values[time, position]</c> in the field's unit, positions in m, times in s.
/// </summary>
public sealed record FieldGrid(double[] Positions, double[] Times, double[,] Values)
{
    /// <summary>
    /// The finite-volume solution of <paramref name="problem"/> at <paramref name="times"/>, thinned to at most
    /// <paramref name="maxPositions"/> cell centres (evenly by index, last cell kept).
    /// </summary>
    public static FieldGrid FromFiniteVolume(IDiffusionReactionProblem problem, FiniteVolumeOptions options, double[] times, int maxPositions = 200)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        var solution = FiniteVolumeSolver.Solve(problem, options with { OutputTimes = times });
        int cells = solution.Mesh.CellCount;
        int[] columns = Enumerable.Range(0, Math.Min(cells, maxPositions))
            .Select(j => (int)Math.Round((double)j * (cells - 1) / Math.Max(1, Math.Min(cells, maxPositions) - 1))).Distinct().ToArray();
        var values = new double[solution.Times.Length, columns.Length];
        for (int n = 0; n < solution.Times.Length; n++)
        {
            for (int j = 0; j < columns.Length; j++) values[n, j] = solution.Values[n][columns[j]];
        }
        return new FieldGrid(columns.Select(c => solution.Mesh.Centres[c]).ToArray(), solution.Times, values);
    }

    /// <summary>Writes <c>r_nm,t_s,&lt;field&gt;</c> rows ordered by time, then position (atomically).</summary>
    public void WriteCsv(string path, string fieldName)
    {
        var rows = new List<IReadOnlyList<double>>(Times.Length * Positions.Length);
        for (int n = 0; n < Times.Length; n++)
        {
            for (int j = 0; j < Positions.Length; j++) rows.Add(new[] { Positions[j] * 1e9, Times[n], Values[n, j] });
        }
        CsvWriter.Write(path, new[] { "r_nm", "t_s", fieldName }, rows);
    }

    /// <summary>Heat map of the field over position (nm) and time (s).</summary>
    public void SavePlot(string path, string title, string fieldName)
    {
        HeatMapPlot.Save(path, title, "r (nm)", "t (s)", Values,
            new HeatMapExtent(Positions[0] * 1e9, Positions[^1] * 1e9, Times[0], Times[^1]), fieldName);
    }
}
