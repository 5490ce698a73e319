using System;

namespace NmrDsl.Runtime.Descriptors;

/// <summary>
/// Miller's backward recurrence for spherical Bessel-type functions (DLMF 10.51.1 and 10.51.4):
/// f_(l−1) = s f_(l+1) + (2l+1)/x f_l with s = −1 for j_l and s = +1 for i_l, started far above the wanted orders from
/// (0, tiny) and rescaled to stay finite. The result is proportional to the minimal solution; the caller normalises it.
/// </summary>
internal static class MillerRecurrence
{
    /// <summary>Unnormalised f_0..f_L into <paramref name="values"/> (length L + 1), x &gt; 0.</summary>
    public static void Downward(double x, int start, double sign, Span<double> values)
    {
        int lMax = values.Length - 1;
        values.Clear();
        double above = 0, current = 1e-280;
        for (int l = start; l > 0; l--)
        {
            double below = sign * above + (2 * l + 1) / x * current;
            above = current;
            current = below;
            if (l - 1 <= lMax) values[l - 1] = current;
            if (Math.Abs(current) > 1e250)
            {
                above *= 1e-250;
                current *= 1e-250;
                for (int k = Math.Min(l - 1, lMax); k <= lMax; k++) values[k] *= 1e-250;
            }
        }
    }
}
