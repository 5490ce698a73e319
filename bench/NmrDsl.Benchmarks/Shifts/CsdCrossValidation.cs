using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using NmrDsl.Runtime.Descriptors;
using NmrDsl.Runtime.Regression;
using NmrDsl.Runtime.Structures;

namespace NmrDsl.Benchmarks.Shifts;

/// <summary>
/// Issue 6 acceptance, real data: 5-fold cross-validated RMSE of SOAP + kernel ridge regression (Nyström) for the 1H and
/// 13C shieldings of the molecular crystals in /work/shared/data/structures/csd500/csd400_train.xyz (400 crystals, per-atom
/// CS column 1 = GIPAW σ_iso in ppm; reference sheet /work/shared/reference/descriptors.md §2–§3). Folds are grouped by
/// crystal: shuffled per-atom folds put symmetry-equivalent atoms of one crystal on both sides (an independent run measured
/// 0.49 ppm shuffled against 0.62 ppm on unseen crystals), so both are reported. Context: ShiftML 0.49 ppm (1H) and
/// 4.3 ppm (13C) on CSD-500 after training on ~2,000 structures. Run: bench/run.sh csd-cv [landmarks] (not part of the
/// default run: it takes minutes).
/// </summary>
public static class CsdCrossValidation
{
    public static void Run(string root, int landmarks)
    {
        string path = Path.Combine(root, "..", "shared", "data", "structures", "csd500", "csd400_train.xyz");
        if (!File.Exists(path))
        {
            Console.WriteLine("   CSD-500 data not found at " + path);
            return;
        }

        var clock = Stopwatch.StartNew();
        IReadOnlyList<Structure> crystals = ExtendedXyzReader.ReadAll(path);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   read {crystals.Count} crystals in {clock.Elapsed.TotalSeconds:F1} s"));
        var options = new SoapOptions(5.0, 6, 4, 0.3, "H", "C", "N", "O");
        var soap = new Soap(options);
        foreach (string element in new[] { "H", "C" })
        {
            clock.Restart();
            var rows = new List<double[]>();
            var targets = new List<double>();
            var groups = new List<string>();
            for (int s = 0; s < crystals.Count; s++)
            {
                Structure crystal = crystals[s];
                int[] centres = Enumerable.Range(0, crystal.Count).Where(i => crystal.Species[i] == element).ToArray();
                if (centres.Length == 0) continue;
                double[][] features = soap.PowerSpectrum(crystal, centres);
                AtomProperty cs = crystal.Property("CS");
                for (int c = 0; c < centres.Length; c++)
                {
                    rows.Add(Normalised(features[c]));
                    targets.Add(cs[centres[c], 0]);
                    groups.Add(s.ToString(CultureInfo.InvariantCulture));
                }
            }

            double descriptorSeconds = clock.Elapsed.TotalSeconds;
            int n = rows.Count, d = rows[0].Length;
            var x = new double[n, d];
            for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) x[i, j] = rows[i][j];
            double[] y = targets.ToArray();
            double std = Std(y);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"   {element}: {n} environments, {d} SOAP features (r_cut 5 Å, n_max 6, l_max 4, σ 0.3 Å, gto), {descriptorSeconds:F1} s ({n / descriptorSeconds:F0} environments/s); σ_iso std {std:F3} ppm"));
            foreach (var (label, folds) in new[] { ("grouped by crystal", CrossValidationFolds.Grouped(groups, 5)), ("shuffled atoms", CrossValidationFolds.Shuffled(n, 5, 7)) })
            {
                clock.Restart();
                // A small grid (each point is 5 Nyström fits): widths at ridge 1e-3, then ridges at the best width. Widths of
                // 0.5–2·√d were tried first; 2·√d won at the edge of that grid, hence 1–4·√d.
                double best = double.PositiveInfinity, bestWidth = 1, bestRidge = 1e-3;
                foreach (var (width, ridge) in new[] { (1.0, 1e-3), (2.0, 1e-3), (4.0, 1e-3) })
                {
                    double rmse = Cv(x, y, folds, new KernelFunction(KernelKind.Gaussian, width * Math.Sqrt(d)), ridge, landmarks);
                    if (rmse < best) (best, bestWidth, bestRidge) = (rmse, width, ridge);
                }

                foreach (double ridge in new[] { 1e-5, 1e-1 })
                {
                    double rmse = Cv(x, y, folds, new KernelFunction(KernelKind.Gaussian, bestWidth * Math.Sqrt(d)), ridge, landmarks);
                    if (rmse < best) (best, bestRidge) = (rmse, ridge);
                }

                string bestText = string.Create(CultureInfo.InvariantCulture, $"width {bestWidth}·√d, ridge {bestRidge:E0}");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"   {element} 5-fold CV, {label}: RMSE {best:F3} ppm ({best / std:P1} of the std) at {bestText}; Nyström m = {landmarks} random landmarks; {clock.Elapsed.TotalSeconds:F0} s"));
            }
        }
    }

    private static double Cv(double[,] x, double[] y, int[] folds, KernelFunction kernel, double ridge, int landmarks)
    {
        int n = y.Length, d = x.GetLength(1);
        double sum = 0;
        for (int fold = 0; fold <= folds.Max(); fold++)
        {
            int[] train = Enumerable.Range(0, n).Where(i => folds[i] != fold).ToArray();
            int[] valid = Enumerable.Range(0, n).Where(i => folds[i] == fold).ToArray();
            KernelModel model = Nystrom.Fit(Rows(x, train, d), train.Select(i => y[i]).ToArray(), kernel, ridge, landmarks, LandmarkMethod.Random, 1);
            double[] predicted = model.Predict(Rows(x, valid, d));
            for (int v = 0; v < valid.Length; v++) sum += (predicted[v] - y[valid[v]]) * (predicted[v] - y[valid[v]]);
        }

        return Math.Sqrt(sum / n);
    }

    private static double[,] Rows(double[,] x, int[] rows, int d)
    {
        var r = new double[rows.Length, d];
        for (int i = 0; i < rows.Length; i++) for (int j = 0; j < d; j++) r[i, j] = x[rows[i], j];
        return r;
    }

    private static double[] Normalised(double[] v)
    {
        double norm = Math.Sqrt(v.Sum(a => a * a));
        return norm > 0 ? v.Select(a => a / norm).ToArray() : v;
    }

    private static double Std(double[] y)
    {
        double mean = y.Average();
        return Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / y.Length);
    }
}
