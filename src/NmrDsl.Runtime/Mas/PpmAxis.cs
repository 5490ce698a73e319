using System;
using static System.FormattableString;

namespace NmrDsl.Runtime.Mas;

/// <summary>An equally spaced chemical-shift axis: <see cref="Points"/> bin centres from <see cref="MinPpm"/> to <see cref="MaxPpm"/> (ppm, ascending).</summary>
public sealed record PpmAxis
{
    /// <summary>Creates the axis; needs min &lt; max and at least 2 points.</summary>
    public PpmAxis(double minPpm, double maxPpm, int points)
    {
        if (!(minPpm < maxPpm) || !double.IsFinite(minPpm) || !double.IsFinite(maxPpm))
        {
            throw new ArgumentException(Invariant($"The ppm axis needs finite min < max (got {minPpm}, {maxPpm})."));
        }

        if (points < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(points), Invariant($"{points} points; need at least 2."));
        }

        MinPpm = minPpm;
        MaxPpm = maxPpm;
        Points = points;
    }

    /// <summary>First bin centre (ppm).</summary>
    public double MinPpm { get; }

    /// <summary>Last bin centre (ppm).</summary>
    public double MaxPpm { get; }

    /// <summary>Number of bin centres.</summary>
    public int Points { get; }

    /// <summary>Spacing of bin centres (ppm).</summary>
    public double Step => (MaxPpm - MinPpm) / (Points - 1);

    /// <summary>Bin centre <paramref name="i"/> (ppm).</summary>
    public double At(int i) => MinPpm + i * Step;

    /// <summary>All bin centres (ppm).</summary>
    public double[] Values()
    {
        var values = new double[Points];
        for (int i = 0; i < Points; i++)
        {
            values[i] = At(i);
        }

        return values;
    }
}
