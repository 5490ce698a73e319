using System;
using System.Collections.Generic;
using System.Linq;
using NmrDsl.Runtime.Regression;

namespace NmrDsl.Runtime.Tests.Regression;

/// <summary>Grouped and shuffled folds and the cross-validated grid search.</summary>
public sealed class CrossValidationTests
{
    [Fact]
    public void GroupedFoldsNeverSplitAGroupAndStayBalanced()
    {
        var random = new Random(21);
        for (int trial = 0; trial < 50; trial++)
        {
            int groupCount = random.Next(5, 40), k = random.Next(2, 6);
            var groups = new List<string>();
            for (int g = 0; g < groupCount; g++)
            {
                groups.AddRange(Enumerable.Repeat("crystal" + g, random.Next(1, 30)));
            }

            string[] shuffled = groups.OrderBy(_ => random.Next()).ToArray();
            int[] folds = CrossValidationFolds.Grouped(shuffled, k);
            foreach (var group in shuffled.Select((g, i) => (g, folds[i])).GroupBy(p => p.g))
            {
                Assert.Single(group.Select(p => p.Item2).Distinct());
            }

            int[] sizes = Enumerable.Range(0, k).Select(f => folds.Count(v => v == f)).ToArray();
            int largestGroup = shuffled.GroupBy(g => g).Max(g => g.Count());
            Assert.True(sizes.Max() - sizes.Min() <= largestGroup, "greedy balancing: fold sizes differ by at most one group");
            Assert.All(sizes, s => Assert.True(s > 0));
        }

        Assert.Throws<ArgumentException>(() => CrossValidationFolds.Grouped(["a", "a", "b"], 3));
    }

    [Fact]
    public void ShuffledFoldsAreBalancedAndSeeded()
    {
        int[] a = CrossValidationFolds.Shuffled(103, 5, 1), b = CrossValidationFolds.Shuffled(103, 5, 1), c = CrossValidationFolds.Shuffled(103, 5, 2);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        int[] sizes = Enumerable.Range(0, 5).Select(f => a.Count(v => v == f)).ToArray();
        Assert.True(sizes.Max() - sizes.Min() <= 1);
    }

    [Fact]
    public void GroupedCvIsNotFooledByNearDuplicatesThatShuffledCvLeaks()
    {
        // "Crystals" of 6 symmetry-equivalent "atoms": near-identical features and targets within a crystal, so a
        // shuffled fold almost always has a twin of every validation row in training (the leak described in issue 6);
        // the grouped estimate must be the larger one.
        var random = new Random(22);
        int crystals = 40, atoms = 6;
        var x = new double[crystals * atoms, 4];
        var y = new double[crystals * atoms];
        var groups = new string[crystals * atoms];
        for (int c = 0; c < crystals; c++)
        {
            double[] centre = Enumerable.Range(0, 4).Select(_ => 2 * random.NextDouble() - 1).ToArray();
            double target = Math.Sin(3 * centre[0]) + centre[1] * centre[2] + 0.3 * (random.NextDouble() - 0.5);
            for (int a = 0; a < atoms; a++)
            {
                int row = c * atoms + a;
                for (int j = 0; j < 4; j++)
                {
                    x[row, j] = centre[j] + 1e-3 * (random.NextDouble() - 0.5);
                }

                y[row] = target;
                groups[row] = "c" + c;
            }
        }

        double[] widths = [0.3, 1.0, 3.0];
        double[] ridges = [1e-6, 1e-2];
        CrossValidationResult grouped = HyperparameterSearch.Run(x, y, CrossValidationFolds.Grouped(groups, 5), KernelKind.Gaussian, widths, ridges, DenseBackend.Managed);
        CrossValidationResult shuffled = HyperparameterSearch.Run(x, y, CrossValidationFolds.Shuffled(y.Length, 5, 1), KernelKind.Gaussian, widths, ridges, DenseBackend.Managed);
        Assert.True(shuffled.Best.Rmse < 0.5 * grouped.Best.Rmse, $"shuffled {shuffled.Best.Rmse:G3} vs grouped {grouped.Best.Rmse:G3}");
    }

    [Fact]
    public void GridPointScoresEqualAnIndependentFoldByFoldRefit()
    {
        (double[,] x, double[] y) = RegressionData.Uniform(150, 3, 23);
        int[] folds = CrossValidationFolds.Shuffled(150, 4, 9);
        double[] widths = [0.5, 1.5];
        double[] ridges = [1e-4, 1e-1];
        CrossValidationResult result = HyperparameterSearch.Run(x, y, folds, KernelKind.Laplacian, widths, ridges, DenseBackend.Managed);
        Assert.Equal(4, result.Grid.Count);
        Assert.Equal(result.Grid.Min(p => p.Rmse), result.Best.Rmse);
        foreach (CrossValidationPoint point in result.Grid)
        {
            double total = 0;
            for (int f = 0; f < 4; f++)
            {
                int[] train = Enumerable.Range(0, 150).Where(i => folds[i] != f).ToArray();
                int[] valid = Enumerable.Range(0, 150).Where(i => folds[i] == f).ToArray();
                KernelModel model = KernelRidge.Fit(Rows(x, train), train.Select(i => y[i]).ToArray(), new KernelFunction(KernelKind.Laplacian, point.Width), point.Ridge, DenseBackend.Managed);
                double[] predicted = model.Predict(Rows(x, valid), DenseBackend.Managed);
                double sum = valid.Select((row, v) => (predicted[v] - y[row]) * (predicted[v] - y[row])).Sum();
                Assert.Equal(Math.Sqrt(sum / valid.Length), point.FoldRmse[f], 1e-10);
                total += sum;
            }

            Assert.Equal(Math.Sqrt(total / 150), point.Rmse, 1e-10);
        }
    }

    private static double[,] Rows(double[,] x, int[] rows)
    {
        var r = new double[rows.Length, x.GetLength(1)];
        for (int i = 0; i < rows.Length; i++)
        {
            for (int j = 0; j < x.GetLength(1); j++)
            {
                r[i, j] = x[rows[i], j];
            }
        }

        return r;
    }
}
