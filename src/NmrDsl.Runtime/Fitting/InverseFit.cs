using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NmrDsl.Runtime.IO;
using static System.FormattableString;

namespace NmrDsl.Runtime.Fitting;

/// <summary>Settings of <see cref="InverseFit.Fit"/>; every property has a working default.</summary>
public sealed record InverseFitOptions
{
    /// <summary>Time column (s); null: "t", else "t_s".</summary>
    public string? TimeColumn { get; init; }

    /// <summary>
    /// Values (SI) of other parameters held fixed during the fit, e.g. tend; keys as in the spec. A value given for
    /// an unknown is its starting value instead of the spec's.
    /// </summary>
    public IReadOnlyDictionary<string, double> Fixed { get; init; } = new Dictionary<string, double>();

    /// <summary>Fit at most this many data times, evenly subsampled (first and last kept); null: every row.</summary>
    public int? MaxTimes { get; init; }

    /// <summary>Number of times at which d ln y / d ln θ is reported (0: none).</summary>
    public int SensitivityTimes { get; init; } = 10;

    /// <summary>Settings of the least-squares engine (weights are set here and must be left null).</summary>
    public FitOptions? Fit { get; init; }
}

/// <summary>Outcome of <see cref="InverseFit.Fit"/>: the engine's result and the data it was fitted to, per observable.</summary>
public sealed record InverseFitResult
{
    public required string ProblemName { get; init; }

    public required FitResult Fit { get; init; }

    /// <summary>Names of the fitted observables (those with a data column).</summary>
    public required string[] Observables { get; init; }

    /// <summary>Fitted data times (s).</summary>
    public required double[] Times { get; init; }

    /// <summary>Data per observable at <see cref="Times"/>.</summary>
    public required double[][] Data { get; init; }

    /// <summary>Fitted values per observable at <see cref="Times"/>.</summary>
    public required double[][] Fitted { get; init; }

    /// <summary>True when sigma_&lt;name&gt; columns gave absolute standard deviations; false: each observable weighted by 1/max|data|.</summary>
    public required bool SigmaFromData { get; init; }

    /// <summary>Times (s) of the sensitivity report.</summary>
    public required double[] SensitivityTimes { get; init; }

    /// <summary>d ln observable / d ln unknown: [unknown][observable][time].</summary>
    public required double[][][] Sensitivities { get; init; }
}

/// <summary>
/// The classical inverse problem of a compiled spec: least squares of its observables over its unknowns
/// (<see cref="LeastSquaresFit"/>), against a data table with a time column and one column per observable.
/// </summary>
public static class InverseFit
{
    /// <summary>
    /// Fits <paramref name="problem"/>'s unknowns to <paramref name="data"/>. Only observables with a column are
    /// fitted. Without sigma columns each observable is weighted by 1/max|data| (so y and z count equally); with a
    /// <c>sigma_&lt;name&gt;</c> column for every fitted observable those are absolute standard deviations.
    /// </summary>
    /// <exception cref="DataFormatException">No time column, no observable column, or only some sigma columns.</exception>
    public static InverseFitResult Fit(IFittableProblem problem, CsvTable data, InverseFitOptions? options = null,
        IProgress<FitProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(data);
        options ??= new InverseFitOptions();
        FitParameter[] unknowns = problem.Unknowns
            .Select(u => options.Fixed.TryGetValue(u.Name, out double start) ? u with { Initial = start } : u)
            .ToArray();
        if (unknowns.Length == 0) throw new ArgumentException($"{problem.Name} declares no unknown; nothing to fit.", nameof(problem));

        string timeColumn = options.TimeColumn ?? (data.HasColumn("t") ? "t" : "t_s");
        if (!data.HasColumn(timeColumn))
        {
            throw new DataFormatException(data.FilePath, 1, 1, $"no time column '{timeColumn}'; columns: {string.Join(", ", data.Headers)}");
        }

        int[] observableIndex = Enumerable.Range(0, problem.ObservableNames.Count).Where(k => data.HasColumn(problem.ObservableNames[k])).ToArray();
        string[] names = observableIndex.Select(k => problem.ObservableNames[k]).ToArray();
        if (names.Length == 0)
        {
            throw new DataFormatException(data.FilePath, 1, 1, $"no column for any observable of {problem.Name} ({string.Join(", ", problem.ObservableNames)}); columns: {string.Join(", ", data.Headers)}");
        }

        int[] sigmaPresent = names.Select((n, i) => data.HasColumn("sigma_" + n) ? i : -1).Where(i => i >= 0).ToArray();
        if (sigmaPresent.Length > 0 && sigmaPresent.Length < names.Length)
        {
            throw new DataFormatException(data.FilePath, 1, 1, "sigma columns are needed for every fitted observable or none: found " + string.Join(", ", sigmaPresent.Select(i => "sigma_" + names[i])));
        }

        int[] rows = Subsample(data.RowCount, options.MaxTimes);
        double[] allTimes = data.Column(timeColumn);
        double[] times = rows.Select(i => allTimes[i]).ToArray();
        double[][] observed = names.Select(n => rows.Select(i => data.Column(n)[i]).ToArray()).ToArray();
        bool useSigma = sigmaPresent.Length == names.Length;
        double[]? sigma = useSigma ? names.SelectMany(n => rows.Select(i => data.Column("sigma_" + n)[i])).ToArray() : null;
        double[]? weights = null;
        if (!useSigma)
        {
            weights = observed.SelectMany(column =>
            {
                double scale = column.Max(Math.Abs);
                double w = scale > 0 ? 1.0 / (scale * scale) : 1.0;
                return column.Select(_ => w);
            }).ToArray();
        }

        double[] flat = observed.SelectMany(c => c).ToArray();
        Func<double[], double[]> model = Model(problem, unknowns, options.Fixed, times, observableIndex);
        FitOptions fitOptions = (options.Fit ?? new FitOptions()) with { Weights = weights };
        FitResult fit = LeastSquaresFit.Fit(unknowns, model, flat, sigma, fitOptions, progress, ct);

        int m = times.Length;
        double[][] fitted = names.Select((_, k) => fit.Predictions.Skip(k * m).Take(m).ToArray()).ToArray();

        // d ln y / d ln θ at a few positive times, from the fitted values.
        int[] sensitivityRows = options.SensitivityTimes <= 0 ? [] : Subsample(m, Math.Max(2, options.SensitivityTimes)).Where(i => times[i] > 0).ToArray();
        double[] sensitivityTimes = sensitivityRows.Select(i => times[i]).ToArray();
        var sensitivities = new double[unknowns.Length][][];
        if (sensitivityTimes.Length > 0)
        {
            Func<double[], double[]> sensitivityModel = Model(problem, unknowns, options.Fixed, sensitivityTimes, observableIndex);
            for (int j = 0; j < unknowns.Length; j++)
            {
                double[] d = Sensitivity.LogDerivatives(sensitivityModel, fit.Estimates, j, ct: ct);
                sensitivities[j] = names.Select((_, k) => d.Skip(k * sensitivityTimes.Length).Take(sensitivityTimes.Length).ToArray()).ToArray();
            }
        }
        else
        {
            for (int j = 0; j < unknowns.Length; j++) sensitivities[j] = names.Select(_ => Array.Empty<double>()).ToArray();
        }

        return new InverseFitResult
        {
            ProblemName = problem.Name,
            Fit = fit,
            Observables = names,
            Times = times,
            Data = observed,
            Fitted = fitted,
            SigmaFromData = useSigma,
            SensitivityTimes = sensitivityTimes,
            Sensitivities = sensitivities,
        };
    }

    internal static Func<double[], double[]> Model(IFittableProblem problem, FitParameter[] unknowns, IReadOnlyDictionary<string, double> fixedValues,
        double[] times, int[] observableIndex)
    {
        return values =>
        {
            var all = new Dictionary<string, double>(fixedValues, StringComparer.Ordinal);
            for (int j = 0; j < unknowns.Length; j++) all[unknowns[j].Name] = values[j];
            double[][] predicted = problem.Predict(all, times);
            return observableIndex.SelectMany(k => predicted[k]).ToArray();
        };
    }

    /// <summary>Row indices 0..n−1, or at most <paramref name="count"/> of them evenly spread (first and last kept).</summary>
    internal static int[] Subsample(int n, int? count)
    {
        if (count is not { } k || k >= n) return Enumerable.Range(0, n).ToArray();
        if (k < 2) throw new ArgumentException(Invariant($"MaxTimes must be at least 2, got {k}."));
        return Enumerable.Range(0, k).Select(i => (int)Math.Round((double)i * (n - 1) / (k - 1))).Distinct().ToArray();
    }
}
