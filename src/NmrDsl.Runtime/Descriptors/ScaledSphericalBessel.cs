using System;

namespace NmrDsl.Runtime.Descriptors;

/// <summary>
/// Exponentially scaled modified spherical Bessel functions of the first kind, ι_l(x) = e^(−x) i_l(x) for
/// l = 0..L and x ≥ 0, by Miller's downward recurrence i_(l−1) = i_(l+1) + (2l+1)/x i_l (stable: i_l is the minimal
/// solution in l) normalised to ι_0(x) = (1 − e^(−2x))/(2x) (Abramowitz &amp; Stegun 10.2.12–10.2.18).
/// </summary>
public static class ScaledSphericalBessel
{
    /// <summary>ι_l(<paramref name="x"/>) for l = 0..values.Length−1.</summary>
    public static void Evaluate(double x, Span<double> values)
    {
        if (x < 0) throw new ArgumentOutOfRangeException(nameof(x), x, "x must be non-negative");
        int lMax = values.Length - 1;
        if (lMax < 0) return;
        values.Clear();
        double i0 = x < 1e-2
            ? Math.Exp(-x) * (1 + x * x / 6 * (1 + x * x / 20 * (1 + x * x / 42)))
            : (1 - Math.Exp(-2 * x)) / (2 * x);
        if (x < 1e-6)
        {
            // Series i_l(x) = x^l/(2l+1)!! (1 + x²/(2(2l+3)) + …): the recurrence would overflow for tiny x.
            double term = Math.Exp(-x);
            for (int l = 0; l <= lMax; l++)
            {
                values[l] = term * (1 + x * x / (2 * (2 * l + 3)));
                term *= x / (2 * l + 3);
            }

            return;
        }

        int start = Math.Max(lMax, (int)Math.Ceiling(x)) + 30 + (int)Math.Sqrt(40.0 * Math.Max(lMax, 1));
        MillerRecurrence.Downward(x, start, 1, values);

        double scale = i0 / values[0];
        for (int l = 0; l <= lMax; l++) values[l] *= scale;
    }
}
