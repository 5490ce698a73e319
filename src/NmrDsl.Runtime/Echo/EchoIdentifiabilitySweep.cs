using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using NmrDsl.Runtime.IO;
using NmrDsl.Runtime.Plotting;

namespace NmrDsl.Runtime.Echo;

/// <summary>One analysed point of a sweep: which parameter was moved (null at the defaults) and the report there.</summary>
public sealed record IdentifiabilityPoint(string? Swept, EchoIdentifiabilityReport Report);

/// <summary>
/// Identifiability across the declared ranges (issue 5, item 5: "how identifiable p and d are across their ranges"):
/// <see cref="EchoIdentifiability.Analyse"/> at the declared defaults, then for each parameter in turn at K points of its
/// range — the midpoints lower + w (k + ½)/K, so θ ± h stays inside the range (ξ = 0 is invalid) — with the other
/// parameters at their defaults. Every point uses the same offset draws (common random numbers), so differences along a
/// sweep are not draw noise. Writes identifiability.csv, identifiability.json and identifiability.png.
/// </summary>
public static class EchoIdentifiabilitySweep
{
    /// <summary>Points analysed by <see cref="Run"/>: 1 + K per parameter whose range is not a single value.</summary>
    public static int PointCount(IEchoSpec spec, int pointsPerParameter) =>
        1 + pointsPerParameter * spec.Parameters.Count(p => p.Width > 0);

    /// <summary>Runs the sweep; <paramref name="progress"/> gets the points done.</summary>
    public static IReadOnlyList<IdentifiabilityPoint> Run(IEchoSpec spec, int pointsPerParameter, int draws, ulong seed, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfLessThan(pointsPerParameter, 1);
        var points = new List<IdentifiabilityPoint>();
        void Analyse(string? swept, EchoParameters at)
        {
            ct.ThrowIfCancellationRequested();
            points.Add(new IdentifiabilityPoint(swept, EchoIdentifiability.Analyse(spec.Model, at, draws, seed)));
            progress?.Report(points.Count);
        }

        Analyse(null, spec.Defaults);
        double[] defaults = spec.Defaults.ToArray();
        for (int j = 0; j < spec.Parameters.Count; j++)
        {
            EchoParameterRange range = spec.Parameters[j];
            if (range.Width <= 0) continue;
            for (int k = 0; k < pointsPerParameter; k++)
            {
                double[] values = (double[])defaults.Clone();
                values[j] = range.Lower + range.Width * (k + 0.5) / pointsPerParameter;
                Analyse(range.Name, EchoParameters.FromArray(values));
            }
        }

        return points;
    }

    /// <summary>
    /// identifiability.csv: one row per point — <c>swept</c> (the moved parameter, "defaults" for the first row), the
    /// point's alpha [MHz], xi, p, d, then per parameter q the signal-to-noise S·w/σ (<c>snr_q</c>), the Cramér–Rao bounds
    /// alone and joint (<c>crb_alone_q</c>, <c>crb_joint_q</c>, in q's unit; empty for +∞) and the joint bound over
    /// the prior standard deviation w/√12 (<c>crb_ratio_q</c>; ≥ 1 means one curve does not identify q), then for each
/// pair the cosine between the noise-weighted sensitivities (<c>cos_a_b</c>; ±1: only a combination is determined).
    /// </summary>
    public static IReadOnlyList<string> Write(string folder, IEchoSpec spec, IReadOnlyList<IdentifiabilityPoint> points, int draws, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(points);
        Directory.CreateDirectory(folder);
        string[] names = EchoParameters.Names;
        var header = new List<string> { "swept" };
        header.AddRange(names);
        foreach (string prefix in new[] { "snr_", "crb_alone_", "crb_joint_", "crb_ratio_" })
        {
            header.AddRange(names.Select(n => prefix + n));
        }

        var pairs = Pairs(names.Length);
        header.AddRange(pairs.Select(p => "cos_" + names[p.A] + "_" + names[p.B]));

        var csv = new StringBuilder(string.Join(",", header)).Append('\n');
        foreach (IdentifiabilityPoint point in points)
        {
            EchoIdentifiabilityReport r = point.Report;
            var cells = new List<string> { point.Swept ?? "defaults" };
            cells.AddRange(r.Values.Select(Number));
            cells.AddRange(r.SignalToNoise.Select(Number));
            cells.AddRange(r.CramerRaoAlone.Select(Number));
            cells.AddRange(r.CramerRaoJoint.Select(Number));
            cells.AddRange(r.CramerRaoJoint.Select((v, j) => Number(v / r.PriorStandardDeviation[j])));
            cells.AddRange(pairs.Select(p => Number(r.SensitivityCosine[p.A, p.B])));
            csv.Append(string.Join(",", cells)).Append('\n');
        }

        string csvPath = Path.Combine(folder, "identifiability.csv");
        AtomicFile.WriteAllText(csvPath, csv.ToString());

        EchoIdentifiabilityReport atDefaults = points[0].Report;
        var degenerate = pairs.Where(p => Math.Abs(atDefaults.SensitivityCosine[p.A, p.B]) >= DegenerateCosine).ToArray();
        string jsonPath = Path.Combine(folder, "identifiability.json");
        ResultJson.Write(jsonPath, new
        {
            name = spec.Name,
            lattice = spec.Model.Lattice.ToString(),
            normalisedPerSite = spec.Model.NormalisePerSite,
            draws,
            seed,
            parameters = names,
            defaults = atDefaults.Values,
            noiseRms = atDefaults.NoiseRms,
            signalToNoise = atDefaults.SignalToNoise,
            cramerRaoAlone = atDefaults.CramerRaoAlone.Select(Finite).ToArray(),
            cramerRaoJoint = atDefaults.CramerRaoJoint.Select(Finite).ToArray(),
            priorStandardDeviation = atDefaults.PriorStandardDeviation,
            identifiable = atDefaults.CramerRaoJoint
                .Select((v, j) => v < atDefaults.PriorStandardDeviation[j] && !degenerate.Any(p => p.A == j || p.B == j)).ToArray(),
            onlyCombinationDetermined = degenerate.Select(p => names[p.A] + "," + names[p.B]).ToArray(),
            fisherEigenvalues = atDefaults.FisherEigenvalues,
            notes = "cramerRao* null = +infinity (the parameter does not change M(t), or only a combination is determined); "
                + "a joint bound at or above the prior standard deviation w/sqrt(12) means one curve does not identify the parameter; "
                + "onlyCombinationDetermined lists pairs whose noise-weighted sensitivities are parallel (|cos| >= 1 - 1e-4): the "
                + "finite-difference error keeps their Fisher block barely invertible, so their joint bounds are finite but meaningless",
            files = new[] { "identifiability.csv", "identifiability.png" },
        });

        // log10(joint bound / prior sd) of the swept parameter against its position in the range; +∞ drawn at 1
        // (10× the prior spread) so a non-identifiable parameter shows as a flat line at the top.
        var series = new List<PlotSeries>();
        foreach (var group in points.Where(p => p.Swept is not null).GroupBy(p => p.Swept!))
        {
            int j = Array.IndexOf(names, group.Key);
            EchoParameterRange range = spec.Parameters[j];
            double[] x = group.Select(p => (p.Report.Values[j] - range.Lower) / range.Width).ToArray();
            double[] y = group.Select(p => Math.Min(1.0, Math.Log10(p.Report.CramerRaoJoint[j] / p.Report.PriorStandardDeviation[j]))).ToArray();
            series.Add(new PlotSeries(group.Key, x, y) { Markers = true });
        }

        string pngPath = Path.Combine(folder, "identifiability.png");
        LinePlot.Save(pngPath, spec.Name + ": Cramér–Rao bound of one curve across the ranges",
            "position in the declared range (0 = lower, 1 = upper)", "log10(joint CRB / prior sd)  (≥ 0: not identifiable)", series);
        return [csvPath, jsonPath, pngPath];
    }

    /// <summary>|cos| between two noise-weighted sensitivity vectors at or above which only a combination of the pair is determined.</summary>
    public const double DegenerateCosine = 1 - 1e-4;

    private static (int A, int B)[] Pairs(int n) =>
        Enumerable.Range(0, n).SelectMany(a => Enumerable.Range(a + 1, n - a - 1).Select(b => (a, b))).ToArray();

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
