using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NmrDsl.Runtime.IO;
using NmrDsl.Runtime.Plotting;
using static System.FormattableString;

namespace NmrDsl.Runtime.Pde;

/// <summary>
/// Writes the files of a finite-volume run (the <c>nmrdsl run</c> contract in DESIGN.md):
/// <list type="bullet">
///   <item><c>field.csv</c>: columns <c>{x}_m,t_s,{field}</c>, one row per cell and output time (time-major),
///   thinned to at most <see cref="MaxFieldPositions"/> positions and <see cref="MaxFieldTimes"/> times;</item>
///   <item><c>observables.csv</c>: <c>t_s,{name}…</c>, one row per output time (names as declared, so the
///   file can be read back as data);</item>
///   <item><c>observables.png</c>, <c>profiles.png</c> (u(x) at ~6 times), <c>field.png</c> (heat map of u(x, t));</item>
///   <item><c>result.json</c>, written last: name, geometry, mesh, steps, wall time, final observables with
///   units and the file list.</item>
/// </list>
/// Everything is written atomically; numbers are SI, units are stated in column names and result.json.
/// </summary>
public static class PdeReport
{
    /// <summary>Approximate number of profiles drawn in profiles.png.</summary>
    public const int ProfileCount = 6;

    /// <summary>
    /// Writes the report into <paramref name="directory"/> (created if missing) and returns the full
    /// paths written. With no observables, the domain volume average <c>mean_{field}</c> is reported.
    /// </summary>
    /// <param name="directory">Output folder.</param>
    /// <param name="name">The spec block's name (titles and result.json).</param>
    /// <param name="solution">The solved field.</param>
    /// <param name="observables">Observables with one value per output time.</param>
    /// <param name="fieldName">Name of the field, e.g. "P" (the field.csv column).</param>
    /// <param name="fieldUnit">Unit of the field as declared, "1" when dimensionless.</param>
    /// <param name="xName">Name of the coordinate, "x" for a slab or "r" for a cylinder/sphere.</param>
    public static IReadOnlyList<string> Write(
        string directory,
        string name,
        PdeSolution solution,
        IReadOnlyList<ObservableSeries> observables,
        string fieldName,
        string fieldUnit,
        string xName)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(solution);
        ArgumentNullException.ThrowIfNull(observables);
        ArgumentException.ThrowIfNullOrEmpty(fieldName);
        ArgumentNullException.ThrowIfNull(fieldUnit);
        ArgumentException.ThrowIfNullOrEmpty(xName);
        if (observables.Count == 0)
        {
            observables = new[] { new ObservableSeries("mean_" + fieldName, fieldUnit, solution.VolumeAverages()) };
        }

        foreach (ObservableSeries o in observables)
        {
            if (o.Values.Length != solution.Times.Length)
            {
                throw new ArgumentException(Invariant($"Observable '{o.Name}' has {o.Values.Length} values for {solution.Times.Length} output times."), nameof(observables));
            }
        }

        Directory.CreateDirectory(directory);
        var written = new List<string>();
        string Target(string file)
        {
            string path = Path.Combine(directory, file);
            written.Add(path);
            return path;
        }

        WriteFieldCsv(Target("field.csv"), solution, fieldName, xName);
        WriteObservablesCsv(Target("observables.csv"), solution, observables);
        ReportPlots.Observables(Target("observables.png"), name, solution, observables);
        ReportPlots.Profiles(Target("profiles.png"), name, solution, fieldName, fieldUnit, xName, ProfileCount);
        ReportPlots.Field(Target("field.png"), name, solution, fieldName, fieldUnit, xName);
        string resultPath = Target("result.json");
        ResultJson.Write(resultPath, Summary(name, solution, observables, fieldName, fieldUnit, written));
        return written;
    }

    /// <summary>field.csv keeps at most this many cell centres (every k-th, first and last kept).</summary>
    public const int MaxFieldPositions = 400;

    /// <summary>field.csv keeps at most this many output times (every k-th, first and last kept).</summary>
    public const int MaxFieldTimes = 201;

    /// <summary>Indices 0..count-1 thinned to at most <paramref name="max"/>, always keeping the first and the last.</summary>
    internal static int[] Thinned(int count, int max)
    {
        if (count <= max) return Enumerable.Range(0, count).ToArray();
        int stride = (count - 1 + (max - 2)) / (max - 1);
        var kept = new List<int>();
        for (int i = 0; i < count - 1; i += stride) kept.Add(i);
        kept.Add(count - 1);
        return kept.ToArray();
    }

    // A 4000-cell, 600-output solve would otherwise write 2.4 million rows (~100 MB); the thinned
    // table still resolves the field for plotting and checking, and the API has the full solution.
    private static void WriteFieldCsv(string path, PdeSolution solution, string fieldName, string xName)
    {
        FiniteVolumeMesh mesh = solution.Mesh;
        int[] cells = Thinned(mesh.CellCount, MaxFieldPositions);
        int[] times = Thinned(solution.Times.Length, MaxFieldTimes);
        IEnumerable<IReadOnlyList<double>> Rows()
        {
            var row = new double[3];
            foreach (int j in times)
            {
                foreach (int i in cells)
                {
                    row[0] = mesh.Centres[i];
                    row[1] = solution.Times[j];
                    row[2] = solution.Values[j][i];
                    yield return row;
                }
            }
        }

        CsvWriter.Write(path, new[] { xName + "_m", "t_s", fieldName }, Rows());
    }

    private static void WriteObservablesCsv(string path, PdeSolution solution, IReadOnlyList<ObservableSeries> observables)
    {
        var header = new List<string> { "t_s" };
        var columns = new List<IReadOnlyList<double>> { solution.Times };
        foreach (ObservableSeries o in observables)
        {
            header.Add(o.Name);
            columns.Add(o.Values);
        }

        CsvWriter.WriteColumns(path, header, columns);
    }

    private static object Summary(string name, PdeSolution solution, IReadOnlyList<ObservableSeries> observables, string fieldName, string fieldUnit, List<string> written)
    {
        FiniteVolumeMesh mesh = solution.Mesh;
        SolverStatistics s = solution.Statistics;
        return new
        {
            name,
            solver = "finite-volume, TR-BDF2",
            geometry = solution.Geometry.ToString().ToLowerInvariant(),
            field = new { name = fieldName, unit = fieldUnit },
            domain = new
            {
                start_m = mesh.Start,
                end_m = mesh.End,
                interfaces_m = mesh.RegionBounds[1..^1],
            },
            cells = mesh.CellCount,
            cellsPerRegion = mesh.CellsPerRegion,
            endTime_s = solution.Times[^1],
            outputTimes = solution.Times.Length,
            steps = new
            {
                accepted = s.AcceptedSteps,
                rejected = s.RejectedSteps,
                assemblies = s.Assemblies,
                factorizations = s.Factorizations,
                smallest_s = s.SmallestStep,
                largest_s = s.LargestStep,
            },
            wallTime_s = s.WallTime.TotalSeconds,
            finalObservables = observables.Select(o => new { name = o.Name, unit = o.Unit, value = o.Values[^1] }).ToArray(),
            files = written.Select(Path.GetFileName).ToArray(),
        };
    }
}
