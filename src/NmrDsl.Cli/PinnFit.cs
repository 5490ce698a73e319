using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NmrDsl.Runtime;
using NmrDsl.Runtime.Fitting;
using NmrDsl.Runtime.IO;
using NmrDsl.Runtime.Pinn;
using Spectre.Console;

namespace NmrDsl.Cli;

/// <summary>
/// <c>nmrdsl fit --method pinn</c>: trains the PINN of a compiled spec (<see cref="PinnTrainer"/>), prints the
/// unknowns with the identifiability figure from the classical solver at the estimate, and writes the report.
/// </summary>
internal static class PinnFit
{
    public static int Execute(CliContext context, FitRequest request, IPinnProblem problem, CsvTable table, IReadOnlyDictionary<string, double> fixedValues, string directory)
    {
        string timeColumn = table.HasColumn("t") ? "t" : "t_s";
        if (!table.HasColumn(timeColumn))
        {
            FitCommand.PrintDataError(context, new DataFormatException(table.FilePath, 1, 1, "no time column 't' (or 't_s'); columns: " + string.Join(", ", table.Headers)), request.DataPath ?? table.FilePath);
            return ExitCodes.UserError;
        }
        var observables = problem.ObservableNames.Where(table.HasColumn).ToDictionary(n => n, table.Column, StringComparer.Ordinal);
        var data = new PinnData(table.Column(timeColumn), observables);
        var options = (problem.PinnSettings ?? new PinnOptions()) with
        {
            CheckpointDirectory = request.Checkpoint ?? Path.Combine(directory, "checkpoint"),
        };
        if (request.Seed is int seed) options = options with { Seed = seed };
        if (request.Adam is int adam) options = options with { AdamIterations = adam };
        if (request.Lbfgs is int lbfgs) options = options with { LbfgsIterations = lbfgs };
        Directory.CreateDirectory(options.CheckpointDirectory!);

        context.Out.WriteLine("fitting " + string.Join(", ", problem.Unknowns.Select(u => u.Name)) + " of " + problem.Name + " to " + (request.DataPath ?? table.FilePath)
            + " (pinn: " + options.Layers.ToString(CultureInfo.InvariantCulture) + " x " + options.Width.ToString(CultureInfo.InvariantCulture)
            + " tanh per region, Adam " + options.AdamIterations.ToString(CultureInfo.InvariantCulture) + " then L-BFGS " + options.LbfgsIterations.ToString(CultureInfo.InvariantCulture)
            + ", seed " + options.Seed.ToString(CultureInfo.InvariantCulture) + ") → " + directory);
        var writer = TextWriter.Synchronized(context.Out);
        var reporter = new PlainProgressReporter(writer, TimeSpan.FromSeconds(2));
        int total = options.AdamIterations + options.LbfgsIterations;
        var progress = new FitCommand.SynchronousProgress<PinnProgress>(p => reporter.Report(new JobProgress("pinn",
            Math.Min(1.0, (p.Phase == "lbfgs" ? options.AdamIterations + p.Iteration : p.Iteration) / (double)Math.Max(1, total)),
            p.Phase + " " + p.Iteration.ToString(CultureInfo.InvariantCulture) + ": loss " + FitCommand.Format(p.Loss) + " ("
            + string.Join(", ", p.Terms.Select(t => t.Key + " " + t.Value.ToString("G3", CultureInfo.InvariantCulture))) + "), "
            + string.Join(", ", p.Unknowns.Select(u => u.Name + " = " + FitCommand.Format(u.Value) + (u.Unit.Length > 0 ? " " + u.Unit : ""))))));

        PinnResult result;
        IReadOnlyList<string> files;
        PinnSensitivity sensitivity;
        try
        {
            result = PinnTrainer.Fit(problem, data, options, fixedValues, progress, context.CancellationToken);
            reporter.Complete();
            sensitivity = PinnSensitivity.Compute(problem, result, fixedValues);
            files = PinnReport.Write(directory, result, sensitivity);
        }
        catch (Exception raw)
        {
            var ex = Cli.Unwrap(raw);
            if (ex is OperationCanceledException && context.CancellationToken.IsCancellationRequested) throw ex;
            if (ex is ArgumentException and not ArgumentNullException or InvalidOperationException or FitException)
            {
                context.Out.WriteLine(DiagnosticPrinter.Format(CliDiagnostics.FileError(CliDiagnostics.JobRejectedInput, request.SpecPath, "the PINN fit failed: " + ex.Message)));
                if (context.Verbose) context.Error.WriteLine(ex.ToString());
                return ExitCodes.UserError;
            }
            Cli.ReportInternalError(context, ex, "PINN fit of '" + problem.Name + "' failed");
            return ExitCodes.InternalError;
        }
        Print(context.CreateConsole(), result, sensitivity, files);
        return ExitCodes.Success;
    }

    /// <summary>fv fits: the finite-volume field at the estimate (field.csv, field.png).</summary>
    internal static IReadOnlyList<string> WriteFiniteVolumeField(string directory, IPinnProblem problem, IReadOnlyDictionary<string, double> fixedValues, InverseFitResult result)
    {
        var values = new Dictionary<string, double>(fixedValues, StringComparer.Ordinal);
        for (int j = 0; j < result.Fit.Parameters.Length; j++) values[result.Fit.Parameters[j].Name] = result.Fit.Estimates[j];
        var instance = problem.Instantiate(values);
        double[] times = Enumerable.Range(0, 121).Select(n => instance.EndTime * n / 120.0).ToArray();
        var grid = FieldGrid.FromFiniteVolume(instance, problem.Options, times);
        string csv = Path.Combine(directory, "field.csv"), png = Path.Combine(directory, "field.png");
        grid.WriteCsv(csv, "P");
        grid.SavePlot(png, result.ProblemName + ": P(r, t) at the fitted values (finite volumes)", "P");
        return [csv, png];
    }

    private static void Print(IAnsiConsole console, PinnResult result, PinnSensitivity sensitivity, IReadOnlyList<string> files)
    {
        var table = new Table()
            .Title(Markup.Escape(result.ProblemName + ": PINN fit of " + string.Join(", ", result.Observables)))
            .AddColumn(new TableColumn("unknown"))
            .AddColumn(new TableColumn("estimate").RightAligned())
            .AddColumn(new TableColumn("unit"))
            .AddColumn(new TableColumn("d ln obs / d ln unknown (first .. last time)"));
        for (int j = 0; j < result.Parameters.Length; j++)
        {
            string s = string.Join("; ", sensitivity.Observables.Select((o, k) => o + ": " + (sensitivity.Values[j][k].Length == 0 ? "-"
                : sensitivity.Values[j][k][0].ToString("F3", CultureInfo.InvariantCulture) + " .. " + sensitivity.Values[j][k][^1].ToString("F3", CultureInfo.InvariantCulture))));
            table.AddRow(new Text(result.Parameters[j].Name), new Text(FitCommand.Format(result.Estimates[j])), new Text(result.Parameters[j].SiUnit), new Text(s));
        }
        console.Write(table);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"loss {result.Loss:G4} ({string.Join(", ", result.Terms.Select(t => t.Key + " " + t.Value.ToString("G3", CultureInfo.InvariantCulture)))}); {result.AdamIterations} Adam iterations + {result.LbfgsEvaluations} L-BFGS evaluations, {result.WallTime.TotalSeconds:F1} s{(result.Resumed ? " (resumed from a checkpoint)" : "")}"));
        console.WriteLine("no standard error from a PINN: where |d ln obs / d ln unknown| is small the data barely constrain the unknown; nmrdsl fit --method fv gives one.");
        var written = new Table().AddColumn(new TableColumn("files written"));
        foreach (var file in files) written.AddRow(new Text(file));
        console.Write(written);
    }
}
