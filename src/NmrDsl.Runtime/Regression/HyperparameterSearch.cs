using System;
using System.Collections.Generic;
using System.Linq;
using static System.FormattableString;

namespace NmrDsl.Runtime.Regression;

/// <summary>One grid point of a cross-validated search: pooled RMSE over all validation rows and per fold.</summary>
/// <param name="Width">kernel width ℓ.</param>
/// <param name="Ridge">ridge λ.</param>
/// <param name="Rmse">√(Σ_folds Σ_rows (ŷ − y)² / n), target units.</param>
/// <param name="FoldRmse">RMSE of each fold.</param>
public sealed record CrossValidationPoint(double Width, double Ridge, double Rmse, IReadOnlyList<double> FoldRmse);

/// <summary>Result of a search: every grid point (width-major order) and the best (lowest pooled RMSE; first on ties).</summary>
public sealed record CrossValidationResult(KernelKind Kind, IReadOnlyList<CrossValidationPoint> Grid, CrossValidationPoint Best);

/// <summary>
/// k-fold cross-validated grid search over kernel width and ridge for exact KRR. Within each fold the scaler is fitted on
/// the training rows only; the kernel matrix is computed once per (fold, width) and factorised once per ridge.
/// Folds come from <see cref="CrossValidationFolds"/> (grouped or shuffled).
/// </summary>
public static class HyperparameterSearch
{
    /// <summary>Searches <paramref name="widths"/> × <paramref name="ridges"/> with the fold assignment <paramref name="folds"/>.</summary>
    public static CrossValidationResult Run(
        double[,] x, double[] y, int[] folds, KernelKind kind, IReadOnlyList<double> widths, IReadOnlyList<double> ridges, DenseBackend backend = DenseBackend.Torch)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(ridges);
        int n = x.GetLength(0), d = x.GetLength(1);
        KernelRidge.CheckTargets(y, n);
        if (folds.Length != n)
        {
            throw new ArgumentException(Invariant($"{folds.Length} fold indices for {n} rows."), nameof(folds));
        }

        if (widths.Count == 0 || ridges.Count == 0)
        {
            throw new ArgumentException("The grid needs at least one width and one ridge.");
        }

        int k = folds.Max() + 1;
        DenseLinearAlgebra algebra = DenseLinearAlgebra.For(backend);
        var squared = new double[widths.Count, ridges.Count, k];
        var counts = new int[k];
        for (int fold = 0; fold < k; fold++)
        {
            int[] train = Enumerable.Range(0, n).Where(i => folds[i] != fold).ToArray();
            int[] valid = Enumerable.Range(0, n).Where(i => folds[i] == fold).ToArray();
            counts[fold] = valid.Length;
            if (train.Length == 0 || valid.Length == 0)
            {
                throw new ArgumentException(Invariant($"Fold {fold} leaves {train.Length} training and {valid.Length} validation rows."), nameof(folds));
            }

            double[,] xTrain = Rows(x, train, d), xValid = Rows(x, valid, d);
            double[] yTrain = train.Select(i => y[i]).ToArray();
            FeatureScaler scaler = FeatureScaler.Fit(xTrain);
            double[] zTrain = scaler.Transform(xTrain), zValid = scaler.Transform(xValid);
            double mean = KernelRidge.Mean(yTrain);
            double[] centred = yTrain.Select(v => v - mean).ToArray();
            for (int w = 0; w < widths.Count; w++)
            {
                var kernel = new KernelFunction(kind, widths[w]);
                double[] kTrain = kernel.Matrix(zTrain, train.Length, zTrain, train.Length, d, algebra);
                double[] kValid = kernel.Matrix(zValid, valid.Length, zTrain, train.Length, d, algebra);
                for (int r = 0; r < ridges.Count; r++)
                {
                    double[] a = (double[])kTrain.Clone();
                    KernelRidge.AddToDiagonal(a, train.Length, ridges[r]);
                    double[] alpha = algebra.SolveSpd(a, train.Length, centred, 1);
                    double sum = 0;
                    for (int v = 0; v < valid.Length; v++)
                    {
                        double prediction = mean + ManagedLinearAlgebra.Dot(kValid.AsSpan(v * train.Length, train.Length), alpha);
                        double e = prediction - y[valid[v]];
                        sum += e * e;
                    }

                    squared[w, r, fold] = sum;
                }
            }
        }

        var grid = new List<CrossValidationPoint>();
        for (int w = 0; w < widths.Count; w++)
        {
            for (int r = 0; r < ridges.Count; r++)
            {
                double total = 0;
                var perFold = new double[k];
                for (int fold = 0; fold < k; fold++)
                {
                    total += squared[w, r, fold];
                    perFold[fold] = Math.Sqrt(squared[w, r, fold] / counts[fold]);
                }

                grid.Add(new CrossValidationPoint(widths[w], ridges[r], Math.Sqrt(total / n), perFold));
            }
        }

        CrossValidationPoint best = grid[0];
        foreach (CrossValidationPoint p in grid)
        {
            if (p.Rmse < best.Rmse)
            {
                best = p;
            }
        }

        return new CrossValidationResult(kind, grid, best);
    }

    internal static double[,] Rows(double[,] x, int[] rows, int d)
    {
        var result = new double[rows.Length, d];
        for (int i = 0; i < rows.Length; i++)
        {
            for (int j = 0; j < d; j++)
            {
                result[i, j] = x[rows[i], j];
            }
        }

        return result;
    }
}
