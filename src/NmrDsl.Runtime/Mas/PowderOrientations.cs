using System;
using static System.FormattableString;

namespace NmrDsl.Runtime.Mas;

/// <summary>
/// A Zaremba–Conroy–Wolfsberg (ZCW) powder orientation set: N = F_{M+2} directions (F the Fibonacci numbers) with
/// equal weights 1/N, β_j = arccos(c1 (c2 · frac(j/N) − 1)), α_j = 2π · frac(j F_M / N) / c3 (Edén &amp; Levitt,
/// Concepts Magn. Reson. 10 (1998) 69, ZCW scheme; Fibonacci numbers indexed here from F_0 = F_1 = 1). The hemisphere variant (c1, c2, c3) = (−1, 1, 1) is used:
/// cos β = 1 − j/N spans (0, 1], enough for interactions with inversion symmetry such as second-order quadrupolar
/// couplings, whose frequency is a quadratic form in the EFG tensor. The N values of cos β are equally spaced, so any
/// polynomial in cos β is averaged with an O(1/N) rectangle rule, and the Fibonacci ratio spreads α almost uniformly.
/// </summary>
public sealed class PowderOrientations
{
    private PowderOrientations(double[] alpha, double[] beta)
    {
        Alpha = alpha;
        Beta = beta;
    }

    /// <summary>Azimuths α_j (rad).</summary>
    public double[] Alpha { get; }

    /// <summary>Polar angles β_j (rad), 0 ≤ β &lt; π/2.</summary>
    public double[] Beta { get; }

    /// <summary>Number of orientations N (each has weight 1/N).</summary>
    public int Count => Alpha.Length;

    /// <summary>
    /// The ZCW hemisphere set with index <paramref name="m"/>: N = F_{m+2} orientations (m = 20 gives 28,657; 22 gives
    /// 75,025; 24 gives 196,418).
    /// </summary>
    public static PowderOrientations Zcw(int m)
    {
        if (m < 2 || m > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(m), Invariant($"ZCW index {m} must be in [2, 30]."));
        }

        long fm = Fibonacci(m);
        long n = Fibonacci(m + 2);
        var alpha = new double[n];
        var beta = new double[n];
        for (long j = 0; j < n; j++)
        {
            double cosBeta = -1.0 * ((double)j / n - 1.0);
            beta[j] = Math.Acos(Math.Clamp(cosBeta, -1.0, 1.0));
            alpha[j] = 2 * Math.PI * ((j * fm) % n) / n;
        }

        return new PowderOrientations(alpha, beta);
    }

    /// <summary>F_k with F_0 = F_1 = 1 (Edén &amp; Levitt's indexing: F_2 = 2, F_3 = 3, F_4 = 5, …).</summary>
    internal static long Fibonacci(int k)
    {
        long a = 1, b = 1;
        for (int i = 1; i < k; i++)
        {
            (a, b) = (b, a + b);
        }

        return k == 0 ? 1 : b;
    }
}
