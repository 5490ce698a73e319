using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NmrDsl.Runtime.IO;
using NmrDsl.Runtime.Plotting;

namespace NmrDsl.Runtime.Fitting;

/// <summary>Writes the files of an inverse fit: result.json, fit.csv and fit.png (each atomically).</summary>
public static class FitReport
{
    /// <summary>Writes the report of <paramref name="result"/> into <paramref name="directory"/> (created if missing); returns the file paths.</summary>
    public static IReadOnlyList<string> Write(string directory, InverseFitResult result, string method = "fv")
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        FitResult fit = result.Fit;
        string json = Path.Combine(directory, "result.json");
        ResultJson.Write(json, new
        {
            problem = result.ProblemName,
            method,
            unknowns = fit.Parameters.Select((p, j) => new
            {
                name = p.Name,
                estimate = fit.Estimates[j],
                unit = p.SiUnit,
                standard_error = Finite(fit.StandardErrors[j]),
                relative_standard_error = Finite(fit.StandardErrors[j] / Math.Abs(fit.Estimates[j])),
                initial = p.Initial,
                lower = p.Lower,
                upper = p.Upper,
                log_scale = p.LogScale,
            }).ToArray(),
            observables = result.Observables,
            points = fit.Predictions.Length,
            weighting = result.SigmaFromData ? "sigma columns" : "1/max|data| per observable",
            chi_square = fit.ChiSquare,
            residual_norm = fit.ResidualNorm,
            reduced_chi_square = Finite(fit.ReducedChiSquare),
            iterations = fit.Iterations,
            function_evaluations = fit.FunctionEvaluations,
            converged = fit.Converged,
            stop_reason = fit.StopReason,
            wall_time_s = fit.WallTime.TotalSeconds,
            identifiable = fit.Identifiability.IsIdentifiable,
            fisher_condition_number = Finite(fit.Identifiability.ConditionNumber),
            warnings = fit.Identifiability.Warnings,
            sensitivity = new
            {
                t_s = result.SensitivityTimes,
                d_ln_observable_d_ln_unknown = fit.Parameters
                    .SelectMany((p, j) => result.Observables.Select((o, k) => new
                    {
                        observable = o,
                        unknown = p.Name,
                        values = result.Sensitivities[j][k].Select(Finite).ToArray(),
                    }))
                    .ToArray(),
            },
        });

        string csv = Path.Combine(directory, "fit.csv");
        FittedCurves.WriteCsv(csv, result.Observables, result.Times, result.Data, result.Fitted);

        string png = Path.Combine(directory, "fit.png");
        string title = result.ProblemName + ": " + string.Join(", ", fit.Parameters.Select((p, j) =>
            FormattableString.Invariant($"{p.Name} = {fit.Estimates[j]:G5} {p.SiUnit}")));
        LinePlot.Save(png, title, "t (s)", "observable", FittedCurves.Series(result.Observables, result.Times, result.Data, result.Fitted));
        return [json, csv, png];
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
