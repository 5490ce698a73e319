using System;
using System.Linq;
using System.Threading.Tasks;
using NmrDsl.Runtime.Echo;
using static System.FormattableString;

namespace NmrDsl.Runtime.Regression;

/// <summary>How Nyström landmarks are chosen.</summary>
public enum LandmarkMethod
{
    /// <summary>m training rows drawn without replacement (seeded).</summary>
    Random,

    /// <summary>m k-means centres (k-means++ seeding, then Lloyd iterations; seeded) in standardised feature space.</summary>
    KMeans,

    /// <summary>The first m pivots of a greedy pivoted incomplete Cholesky of K (<see cref="PivotedCholesky"/>).</summary>
    PivotedCholesky,
}

/// <summary>Landmark selection for <see cref="Nystrom"/>; returns the landmarks as standardised rows (m × d, row-major).</summary>
public static class LandmarkSelection
{
    /// <summary>Maximum Lloyd iterations of <see cref="LandmarkMethod.KMeans"/>.</summary>
    public const int KMeansIterations = 25;

    /// <summary>Selects <paramref name="m"/> landmarks from standardised rows <paramref name="z"/> (n × d).</summary>
    public static double[] Select(double[] z, int n, int d, int m, LandmarkMethod method, KernelFunction kernel, ulong seed, DenseLinearAlgebra algebra)
    {
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(algebra);
        if (m < 1 || m > n)
        {
            throw new ArgumentOutOfRangeException(nameof(m), Invariant($"{m} landmarks from {n} rows."));
        }

        return method switch
        {
            LandmarkMethod.Random => Gather(z, d, CrossValidationFolds.Permutation(n, seed).Take(m).ToArray()),
            LandmarkMethod.PivotedCholesky => Pivoted(z, n, d, m, kernel),
            LandmarkMethod.KMeans => KMeans(z, n, d, m, seed, algebra),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
    }

    private static double[] Pivoted(double[] z, int n, int d, int m, KernelFunction kernel)
    {
        PivotedCholesky pc = PivotedCholesky.Compute(z, n, d, kernel, m);
        if (pc.Pivots.Length < m)
        {
            throw new ArgumentException(Invariant($"The kernel matrix has numerical rank {pc.Pivots.Length} < {m} landmarks; ask for fewer."));
        }

        return Gather(z, d, pc.Pivots);
    }

    private static double[] KMeans(double[] z, int n, int d, int m, ulong seed, DenseLinearAlgebra algebra)
    {
        var random = new EchoRandom(seed);
        // k-means++ (Arthur & Vassilvitskii 2007): next centre drawn with probability ∝ squared distance to the nearest.
        var chosen = new int[m];
        chosen[0] = (int)(random.NextUInt64() % (ulong)n);
        var nearest = new double[n];
        Array.Fill(nearest, double.PositiveInfinity);
        for (int c = 1; c < m; c++)
        {
            ReadOnlySpan<double> last = z.AsSpan(chosen[c - 1] * d, d);
            double total = 0;
            for (int i = 0; i < n; i++)
            {
                nearest[i] = Math.Min(nearest[i], SquaredDistance(z.AsSpan(i * d, d), last));
                total += nearest[i];
            }

            double target = random.NextDouble() * total, running = 0;
            int pick = n - 1;
            for (int i = 0; i < n; i++)
            {
                running += nearest[i];
                if (running > target)
                {
                    pick = i;
                    break;
                }
            }

            chosen[c] = pick;
        }

        double[] centres = Gather(z, d, chosen);
        var assignment = new int[n];
        for (int iteration = 0; iteration < KMeansIterations; iteration++)
        {
            double[] gram = algebra.Gram(z, n, centres, m, d);
            double[] norms = Enumerable.Range(0, m).Select(c => ManagedLinearAlgebra.Dot(centres.AsSpan(c * d, d), centres.AsSpan(c * d, d))).ToArray();
            int changed = 0;
            Parallel.For(0, n, () => 0, (i, _, local) =>
            {
                int best = 0;
                double bestDistance = double.PositiveInfinity;
                for (int c = 0; c < m; c++)
                {
                    double distance = norms[c] - 2 * gram[(long)i * m + c];
                    if (distance < bestDistance)
                    {
                        bestDistance = distance;
                        best = c;
                    }
                }

                if (best != assignment[i] || iteration == 0)
                {
                    assignment[i] = best;
                    local++;
                }

                return local;
            }, local => System.Threading.Interlocked.Add(ref changed, local));
            if (changed == 0)
            {
                break;
            }

            var sums = new double[(long)m * d];
            var counts = new int[m];
            for (int i = 0; i < n; i++)
            {
                int c = assignment[i];
                counts[c]++;
                for (int j = 0; j < d; j++)
                {
                    sums[(long)c * d + j] += z[(long)i * d + j];
                }
            }

            for (int c = 0; c < m; c++)
            {
                if (counts[c] == 0)
                {
                    continue; // an empty cluster keeps its centre
                }

                for (int j = 0; j < d; j++)
                {
                    centres[(long)c * d + j] = sums[(long)c * d + j] / counts[c];
                }
            }
        }

        return centres;
    }

    internal static double[] Gather(double[] z, int d, int[] rows)
    {
        var result = new double[(long)rows.Length * d];
        for (int r = 0; r < rows.Length; r++)
        {
            Array.Copy(z, (long)rows[r] * d, result, (long)r * d, d);
        }

        return result;
    }

    private static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int k = 0; k < a.Length; k++)
        {
            double e = a[k] - b[k];
            sum += e * e;
        }

        return sum;
    }
}
