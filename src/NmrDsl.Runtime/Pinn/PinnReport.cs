using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NmrDsl.Runtime.Fitting;
using NmrDsl.Runtime.IO;
using NmrDsl.Runtime.Plotting;

namespace NmrDsl.Runtime.Pinn;

/// <summary>
/// The identifiability figure a PINN estimate is reported with: d ln y / d ln θ of every fitted observable at a few
/// times, from the classical solver of the same spec at the PINN's estimate (reference/spin-diffusion-pinn.md §1.3:
/// where |d ln y/d ln R| is small the data cannot fix R, whatever the fitting method).
/// </summary>
public sealed record PinnSensitivity(double[] Times, string[] Observables, double[][][] Values)
{
    /// <summary>d ln observable / d ln θ_j ([unknown][observable][time]) from the finite-volume solver at the PINN's estimate, at up to ten positive data times.</summary>
    public static PinnSensitivity Compute(IPinnProblem problem, PinnResult result, IReadOnlyDictionary<string, double> fixedValues)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(result);
        double[] times = InverseFit.Subsample(result.Times.Length, 10).Select(i => result.Times[i]).Where(t => t > 0).ToArray();
        int[] index = result.Observables.Select(o => problem.ObservableNames.ToList().IndexOf(o)).ToArray();
        var model = InverseFit.Model(problem, result.Parameters, fixedValues ?? new Dictionary<string, double>(), times, index);
        var values = new double[result.Parameters.Length][][];
        for (int j = 0; j < values.Length; j++)
        {
            double[] d = Sensitivity.LogDerivatives(model, result.Estimates, j);
            values[j] = result.Observables.Select((_, k) => d.Skip(k * times.Length).Take(times.Length).ToArray()).ToArray();
        }
        return new PinnSensitivity(times, result.Observables, values);
    }
}

/// <summary>Writes the files of a PINN fit: result.json, fit.csv, field.csv, fit.png, field.png, loss.png (each atomically).</summary>
public static class PinnReport
{
    /// <summary>Writes the report into <paramref name="directory"/> (created if missing); returns the file paths.</summary>
    public static IReadOnlyList<string> Write(string directory, PinnResult result, PinnSensitivity? sensitivity = null, string fieldName = "P")
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        string json = Path.Combine(directory, "result.json");
        var o = result.Options;
        ResultJson.Write(json, new
        {
            problem = result.ProblemName,
            method = "pinn",
            unknowns = result.Parameters.Select((p, j) => new
            {
                name = p.Name,
                estimate = result.Estimates[j],
                unit = p.SiUnit,
                standard_error = (double?)null,
                initial = p.Initial,
                lower = p.Lower,
                upper = p.Upper,
                log_scale = p.LogScale,
            }).ToArray(),
            standard_error_note = "a PINN gives no standard error; see sensitivity (d ln observable / d ln unknown from the finite-volume solver at the estimate) and nmrdsl fit --method fv for one",
            observables = result.Observables,
            loss = result.Loss,
            loss_terms = result.Terms,
            loss_weights = result.Weights,
            max_relative_misfit = result.Observables.Select((name, k) => new
            {
                observable = name,
                value = result.Fitted[k].Zip(result.Data[k]).Max(z => Math.Abs(z.First - z.Second)) / Math.Max(1e-300, result.Data[k].Max(Math.Abs)),
            }).ToArray(),
            adam_iterations = result.AdamIterations,
            lbfgs_evaluations = result.LbfgsEvaluations,
            wall_time_s = result.WallTime.TotalSeconds,
            resumed_from_checkpoint = result.Resumed,
            collocation_points = result.CollocationPoints,
            network = new { layers = o.Layers, width = o.Width, activation = "tanh", precision = o.SinglePrecision ? "float32" : "float64", derivatives = o.Derivatives.ToString() },
            seed = o.Seed,
            augmentation = result.Augmentation?.Select(a => new
            {
                observable = a.Key,
                form = "C (1 - exp(-(t/T)^beta))",
                C = a.Value.Amplitude,
                T_s = a.Value.Time,
                beta = a.Value.Exponent,
                max_relative_deviation_from_data = a.Value.MaxRelativeDeviation,
            }).ToArray(),
            sensitivity = sensitivity is null ? null : new
            {
                t_s = sensitivity.Times,
                d_ln_observable_d_ln_unknown = result.Parameters.SelectMany((p, j) => sensitivity.Observables.Select((name, k) => new
                {
                    observable = name,
                    unknown = p.Name,
                    values = sensitivity.Values[j][k].Select(v => double.IsFinite(v) ? v : (double?)null).ToArray(),
                })).ToArray(),
            },
        });

        string csv = Path.Combine(directory, "fit.csv");
        FittedCurves.WriteCsv(csv, result.Observables, result.Times, result.Data, result.Fitted);

        string field = Path.Combine(directory, "field.csv");
        result.Field.WriteCsv(field, fieldName);
        string title = result.ProblemName + " (PINN): " + string.Join(", ", result.Parameters.Select((p, j) =>
            FormattableString.Invariant($"{p.Name} = {result.Estimates[j]:G5} {p.SiUnit}")));
        string fitPng = Path.Combine(directory, "fit.png");
        LinePlot.Save(fitPng, title, "t (s)", "observable", FittedCurves.Series(result.Observables, result.Times, result.Data, result.Fitted));
        string fieldPng = Path.Combine(directory, "field.png");
        result.Field.SavePlot(fieldPng, result.ProblemName + ": " + fieldName + "(r, t) reconstructed by the PINN", fieldName);

        string lossPng = Path.Combine(directory, "loss.png");
        var history = result.History.Where(h => h.Loss > 0).ToArray();
        var step = history.Select((_, i) => (double)i).ToArray();
        var lossSeries = new List<PlotSeries> { new("total (weighted)", step, history.Select(h => Math.Log10(h.Loss)).ToArray()) };
        foreach (string term in result.Terms.Keys)
        {
            lossSeries.Add(new PlotSeries(term, step, history.Select(h => h.Terms.TryGetValue(term, out double v) && v > 0 ? Math.Log10(v) : double.NaN).ToArray()));
        }
        LinePlot.Save(lossPng, result.ProblemName + ": PINN loss (Adam, then L-BFGS)", "report (every " + result.Options.ReportEvery + " iterations)", "log10 loss", lossSeries);
        return [json, csv, field, fitPng, fieldPng, lossPng];
    }
}
