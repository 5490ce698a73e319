using System;

namespace NmrDsl.Runtime.Descriptors;

/// <summary>
/// Spherical Bessel functions of the first kind j_l(x), l = 0..L, x ≥ 0 (DLMF 10.49.3, 10.51.1): upward recurrence
/// j_(l+1) = (2l+1)/x j_l − j_(l−1) from j_0 = sin x / x, j_1 = sin x / x² − cos x / x while it is stable (l &lt; x),
/// Miller's downward recurrence normalised to j_0 (or j_1 near a zero of j_0) above that.
/// </summary>
public static class SphericalBessel
{
    /// <summary>j_l(<paramref name="x"/>) for l = 0..values.Length−1.</summary>
    public static void Evaluate(double x, Span<double> values)
    {
        int lMax = values.Length - 1;
        if (lMax < 0) return;
        if (x < 0) throw new ArgumentOutOfRangeException(nameof(x), x, "x must be non-negative");
        values.Clear();
        if (x < 1e-8)
        {
            double term = 1;
            for (int l = 0; l <= lMax; l++)
            {
                values[l] = term * (1 - x * x / (2 * (2 * l + 3)));
                term *= x / (2 * l + 3);
            }

            return;
        }

        double sin = Math.Sin(x), cos = Math.Cos(x);
        double j0 = sin / x, j1 = sin / (x * x) - cos / x;
        values[0] = j0;
        if (lMax == 0) return;
        values[1] = j1;
        int upward = Math.Min(lMax, (int)Math.Floor(x));
        for (int l = 1; l < upward; l++) values[l + 1] = (2 * l + 1) / x * values[l] - values[l - 1];
        if (upward >= lMax) return;

        // Miller: j_(l−1) = (2l+1)/x j_l − j_(l+1), from far above, then scaled to the exact j_0 or j_1.
        int start = lMax + 30 + (int)Math.Sqrt(40.0 * lMax);
        var downward = new double[lMax + 1];
        MillerRecurrence.Downward(x, start, -1, downward);

        double scale = Math.Abs(j0) > Math.Abs(j1) ? j0 / downward[0] : j1 / downward[1];
        for (int l = Math.Max(upward, 1) + 1; l <= lMax; l++) values[l] = downward[l] * scale;
    }

    /// <summary>j_l(<paramref name="x"/>) for one order.</summary>
    public static double J(int l, double x)
    {
        Span<double> values = stackalloc double[l + 1];
        Evaluate(x, values);
        return values[l];
    }
}
