using System;

namespace NmrDsl.Runtime.Plotting;

/// <summary>
/// Picks a readable SI prefix for an axis: a particle radius of 1e-6 m is labelled "r (µm)" with
/// ticks 0…1 rather than "r (m)" with ticks 0…1e-6.
/// </summary>
public static class UnitPrefix
{
    private static readonly (double Factor, string Prefix)[] Prefixes =
    {
        (1e-12, "p"), (1e-9, "n"), (1e-6, "µ"), (1e-3, "m"), (1, ""),
    };

    /// <summary>
    /// The largest prefix factor f ≤ <paramref name="magnitude"/> (down to pico; no prefix for magnitudes ≥ 1,
    /// since "ks" or "km" read worse than plain SI here) and the prefixed unit. Plot value / f.
    /// </summary>
    public static (double Factor, string Unit) Choose(double magnitude, string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        magnitude = Math.Abs(magnitude);
        if (!(magnitude > 0) || !double.IsFinite(magnitude) || magnitude >= 1)
        {
            return (1, unit);
        }

        foreach ((double factor, string prefix) in Prefixes)
        {
            if (magnitude < factor * 1000)
            {
                return (factor, prefix + unit);
            }
        }

        return (1, unit);
    }

    /// <summary>Every value divided by <paramref name="factor"/>.</summary>
    public static double[] Scale(double[] values, double factor)
    {
        ArgumentNullException.ThrowIfNull(values);
        var scaled = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            scaled[i] = values[i] / factor;
        }

        return scaled;
    }
}
