using System.Collections.Generic;
using NmrDsl.Runtime.IO;
using NmrDsl.Runtime.Plotting;

namespace NmrDsl.Runtime.Fitting;

/// <summary>Data and fitted observables over time, as every fit report writes them (fv and pinn alike).</summary>
public static class FittedCurves
{
    /// <summary>Writes <c>t_s,&lt;name&gt;_data,&lt;name&gt;_fit,…</c> (atomically).</summary>
    public static void WriteCsv(string path, IReadOnlyList<string> names, double[] times, double[][] data, double[][] fitted)
    {
        var header = new List<string> { "t_s" };
        var columns = new List<IReadOnlyList<double>> { times };
        for (int k = 0; k < names.Count; k++)
        {
            header.Add(names[k] + "_data");
            header.Add(names[k] + "_fit");
            columns.Add(data[k]);
            columns.Add(fitted[k]);
        }
        CsvWriter.WriteColumns(path, header, columns);
    }

    /// <summary>Data as markers and the fit as lines, per observable.</summary>
    public static IEnumerable<PlotSeries> Series(IReadOnlyList<string> names, double[] times, double[][] data, double[][] fitted)
    {
        for (int k = 0; k < names.Count; k++)
        {
            yield return new PlotSeries(names[k] + " data", times, data[k]) { Markers = true };
            yield return new PlotSeries(names[k] + " fit", times, fitted[k]);
        }
    }
}
