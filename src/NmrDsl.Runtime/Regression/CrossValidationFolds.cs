using System;
using System.Collections.Generic;
using System.Linq;
using NmrDsl.Runtime.Echo;
using static System.FormattableString;

namespace NmrDsl.Runtime.Regression;

/// <summary>
/// Assignments of rows to k cross-validation folds (fold index per row, 0 … k − 1).
/// <see cref="Grouped"/> keeps every group (e.g. all atoms of one crystal) in one fold, so a model is always scored on
/// unseen groups: shuffled per-row folds leak symmetry-equivalent atoms between training and validation and understate
/// the error (issue 6: 0.49 ppm shuffled against 0.62 ppm on unseen crystals; /work/shared/reference/descriptors.md §3).
/// </summary>
public static class CrossValidationFolds
{
    /// <summary>
    /// Grouped folds, deterministic (scikit-learn GroupKFold's rule): groups sorted by size (largest first, ties by
    /// ordinal name), each put in the fold that has the fewest rows so far (lowest index on a tie).
    /// </summary>
    /// <exception cref="ArgumentException">Fewer groups than folds, or k &lt; 2.</exception>
    public static int[] Grouped(IReadOnlyList<string> groups, int k)
    {
        ArgumentNullException.ThrowIfNull(groups);
        CheckK(k);
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string g in groups)
        {
            ArgumentNullException.ThrowIfNull(g, nameof(groups));
            sizes[g] = sizes.TryGetValue(g, out int s) ? s + 1 : 1;
        }

        if (sizes.Count < k)
        {
            throw new ArgumentException(Invariant($"{sizes.Count} groups cannot fill {k} folds."), nameof(groups));
        }

        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new int[k];
        foreach (var pair in sizes.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            int best = 0;
            for (int f = 1; f < k; f++)
            {
                if (rows[f] < rows[best])
                {
                    best = f;
                }
            }

            foldOf[pair.Key] = best;
            rows[best] += pair.Value;
        }

        return groups.Select(g => foldOf[g]).ToArray();
    }

    /// <summary>Shuffled per-row folds: a seeded permutation dealt round-robin (fold sizes differ by at most one).</summary>
    public static int[] Shuffled(int n, int k, ulong seed)
    {
        CheckK(k);
        if (n < k)
        {
            throw new ArgumentException(Invariant($"{n} rows cannot fill {k} folds."), nameof(n));
        }

        int[] order = Permutation(n, seed);
        var folds = new int[n];
        for (int i = 0; i < n; i++)
        {
            folds[order[i]] = i % k;
        }

        return folds;
    }

    /// <summary>A seeded Fisher–Yates permutation of 0 … n − 1 (SplitMix64 generator of <see cref="EchoRandom"/>).</summary>
    internal static int[] Permutation(int n, ulong seed)
    {
        var random = new EchoRandom(seed);
        int[] order = Enumerable.Range(0, n).ToArray();
        for (int i = n - 1; i > 0; i--)
        {
            int j = (int)(random.NextUInt64() % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    private static void CheckK(int k)
    {
        if (k < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(k), Invariant($"k = {k} folds; need at least 2."));
        }
    }
}
