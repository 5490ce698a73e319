using System;
using static System.FormattableString;

namespace NmrDsl.Runtime.Plotting;

/// <summary>One named curve y(x) of a line plot (x and y of equal length, in the axis units).</summary>
public sealed record PlotSeries
{
    public PlotSeries(string name, double[] x, double[] y)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length)
        {
            throw new ArgumentException(Invariant($"Series '{name}': {x.Length} x values but {y.Length} y values."));
        }

        Name = name;
        X = x;
        Y = y;
    }

    public string Name { get; }

    public double[] X { get; }

    public double[] Y { get; }

    /// <summary>Draw the points as markers without a line (measured data).</summary>
    public bool Markers { get; init; }
}
