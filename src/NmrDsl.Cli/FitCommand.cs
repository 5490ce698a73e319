using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NmrDsl.Generators;
using NmrDsl.Runtime;
using NmrDsl.Runtime.Fitting;
using NmrDsl.Runtime.IO;
using NmrDsl.Runtime.Pinn;
using Spectre.Console;

namespace NmrDsl.Cli;

/// <summary>The arguments of <c>nmrdsl fit</c>.</summary>
internal sealed record FitRequest(string SpecPath, string? DataPath, string Method = "fv", IReadOnlyList<string>? Sets = null, string? OutputDirectory = null)
{
    /// <summary>PINN: seed of the weight initialisation (null: the spec's or 1).</summary>
    public int? Seed { get; init; }

    /// <summary>PINN: Adam iterations (null: the spec's).</summary>
    public int? Adam { get; init; }

    /// <summary>PINN: L-BFGS iterations (null: the spec's).</summary>
    public int? Lbfgs { get; init; }

    /// <summary>PINN: checkpoint folder (null: OUT/checkpoint).</summary>
    public string? Checkpoint { get; init; }
}

/// <summary>
/// <c>nmrdsl fit SPEC --data FILE [--method fv] [--set name=value]… [--out DIR]</c>: estimate the spec's
/// <c>unknown</c>s from measured observables (a CSV with a time column <c>t</c> and one column per observable) by
/// least squares over the finite-volume solution (<see cref="InverseFit"/>), and write result.json, fit.csv, fit.png.
/// </summary>
internal static class FitCommand
{
    public static Command Create(CliContext context)
    {
        var spec = new Argument<string>("SPEC") { Description = "The spec file (.nmr) whose unknowns to fit." };
        var data = new Option<string>("--data")
        {
            Description = "CSV of measured observables: a time column t (s) and one column per observable (e.g. y, z); " +
                "optional sigma_<name> columns give absolute standard deviations [default: the spec's 'data … from \"file\"' line].",
            HelpName = "FILE",
        };
        var method = new Option<string>("--method")
        {
            Description = "fv: least squares over the finite-volume solution (Levenberg–Marquardt), with standard errors. " +
                "pinn: a physics-informed neural network of the field, trained jointly with the unknowns (settings from the spec's 'solve pinn' and 'loss' lines).",
            HelpName = "fv|pinn",
            DefaultValueFactory = _ => "fv",
        };
        var set = new Option<string[]>("--set")
        {
            Description = "Fix a declared value, in any unit of the same dimension (--set tend=\"60 s\"); for an unknown, its starting value. Repeatable.",
            HelpName = "name=value",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Folder for result.json, fit.csv and fit.png [default: out/<spec name>-fit].",
            HelpName = "DIR",
        };
        var seed = new Option<int?>("--seed") { Description = "pinn: seed of the network initialisation (same seed, same result).", HelpName = "N" };
        var adam = new Option<int?>("--adam") { Description = "pinn: Adam iterations (overrides the spec).", HelpName = "N" };
        var lbfgs = new Option<int?>("--lbfgs") { Description = "pinn: L-BFGS iterations (overrides the spec).", HelpName = "N" };
        var checkpoint = new Option<string?>("--checkpoint")
        {
            Description = "pinn: checkpoint folder [default: OUT/checkpoint]. A fit that finds its own checkpoint there resumes from it.",
            HelpName = "DIR",
        };
        var command = new Command("fit",
            "Estimate a spec's unknowns from measured observables: compile the spec, solve it repeatedly in a " +
            "Levenberg–Marquardt fit, print each unknown with its standard error and any identifiability warning, " +
            "and write result.json, fit.csv and fit.png. Exits 1 on a spec, data or option error.")
        {
            spec,
            data,
            method,
            set,
            output,
            seed,
            adam,
            lbfgs,
            checkpoint,
        };
        command.SetAction(parseResult => Execute(context, new FitRequest(
            parseResult.GetValue(spec)!,
            parseResult.GetValue(data),
            parseResult.GetValue(method) ?? "fv",
            parseResult.GetValue(set) ?? [],
            parseResult.GetValue(output))
        {
            Seed = parseResult.GetValue(seed),
            Adam = parseResult.GetValue(adam),
            Lbfgs = parseResult.GetValue(lbfgs),
            Checkpoint = parseResult.GetValue(checkpoint),
        }));
        return command;
    }

    public static int Execute(CliContext context, FitRequest request)
    {
        string spec = request.SpecPath;
        if (!string.Equals(request.Method, "fv", StringComparison.Ordinal) && !string.Equals(request.Method, "pinn", StringComparison.Ordinal))
        {
            context.Error.WriteLine("nmrdsl: error: unknown --method '" + request.Method + "'; expected fv or pinn");
            return ExitCodes.UserError;
        }
        if (!SpecCompilationStep.TryCompile(context, spec, "nothing fitted", out var compilation)) return ExitCodes.UserError;
        var counts = new DiagnosticCounts();
        var overrides = OverrideParser.Resolve(spec, compilation.Declarations, request.Sets ?? []);
        if (!overrides.Success)
        {
            DiagnosticPrinter.Print(context.Out, overrides.Errors, counts);
            return ExitCodes.UserError;
        }
        if (!compilation.Declarations.Any(d => d.Kind == "unknown") || compilation.Jobs.Count == 0)
        {
            context.Out.WriteLine(DiagnosticPrinter.Format(CliDiagnostics.FileError(CliDiagnostics.NoJob, spec,
                "the spec " + SpecFiles.SpecName(spec) + " declares no unknown, so there is nothing to fit (declare one, e.g. 'unknown R in 10 nm .. 10 um log initial 1 um')")));
            return ExitCodes.UserError;
        }

        if (request.DataPath is null)
        {
            var declared = compilation.Declarations.FirstOrDefault(d => d.Kind == "data");
            if (declared?.DefaultText is null)
            {
                context.Out.WriteLine(DiagnosticPrinter.Format(CliDiagnostics.FileError(CliDiagnostics.FileNotFound, spec,
                    "no --data FILE given, and the spec has no 'data y, z from \"file.csv\"' line to take it from")));
                return ExitCodes.UserError;
            }
            request = request with { DataPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(spec)) ?? ".", declared.DefaultText) };
        }
        string dataPath = request.DataPath;

        CsvTable table;
        try
        {
            table = CsvTable.Read(dataPath);
        }
        catch (DataFormatException ex)
        {
            PrintDataError(context, ex, dataPath);
            return ExitCodes.UserError;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            context.Out.WriteLine(DiagnosticPrinter.Format(CliDiagnostics.FileError(
                ex is FileNotFoundException or DirectoryNotFoundException ? CliDiagnostics.FileNotFound : CliDiagnostics.FileUnreadable,
                dataPath, ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : ex.Message)));
            return ExitCodes.UserError;
        }

        var csharp = InMemoryCompiler.Compile("NmrDsl.Spec." + Sanitize(SpecFiles.SpecName(spec)) + ".Fit", compilation.Sources, context.CancellationToken);
        if (!csharp.Success)
        {
            foreach (var error in csharp.Errors) context.Out.WriteLine(InMemoryCompiler.Format(error, spec));
            context.Error.WriteLine("nmrdsl: internal error: the C# generated for " + spec + " does not compile; this is an NmrDsl emitter bug, please report it with the spec");
            return ExitCodes.InternalError;
        }

        using var loaded = csharp.Load();
        var problem = compilation.Jobs.Select(j => loaded.CreateJob(j.TypeName)).OfType<IFittableProblem>().FirstOrDefault();
        if (problem is null)
        {
            context.Out.WriteLine(DiagnosticPrinter.Format(CliDiagnostics.FileError(CliDiagnostics.NoJob, spec,
                "the spec " + SpecFiles.SpecName(spec) + " has no problem with unknowns to fit")));
            return ExitCodes.UserError;
        }

        string directory = request.OutputDirectory ?? Path.Combine("out", SpecFiles.SpecName(spec) + "-fit");
        if (string.Equals(request.Method, "pinn", StringComparison.Ordinal))
        {
            if (problem is not IPinnProblem pinnProblem)
            {
                context.Out.WriteLine(DiagnosticPrinter.Format(CliDiagnostics.FileError(CliDiagnostics.NoJob, spec,
                    "the spec " + SpecFiles.SpecName(spec) + " cannot be fitted by a PINN")));
                return ExitCodes.UserError;
            }
            return PinnFit.Execute(context, request, pinnProblem, table, overrides.Values, directory);
        }
        context.Out.WriteLine("fitting " + string.Join(", ", problem.Unknowns.Select(u => u.Name)) + " of " + problem.Name + " to " + dataPath + " (fv) → " + directory);
        var writer = TextWriter.Synchronized(context.Out);
        var reporter = new PlainProgressReporter(writer, TimeSpan.Zero);
        var fitOptions = new FitOptions();
        var progress = new SynchronousProgress<FitProgress>(p => reporter.Report(new JobProgress("fit",
            Math.Min(1.0, (double)p.Iteration / fitOptions.MaxIterations),
            "iteration " + p.Iteration.ToString(CultureInfo.InvariantCulture) + ": " +
            string.Join(", ", problem.Unknowns.Select((u, j) => u.Name + " = " + Format(p.Values[j]) + (u.SiUnit.Length > 0 ? " " + u.SiUnit : ""))) +
            ", chi2 = " + Format(p.ChiSquare) + ", " + p.FunctionEvaluations.ToString(CultureInfo.InvariantCulture) + " solves")));

        InverseFitResult result;
        IReadOnlyList<string> files;
        try
        {
            result = InverseFit.Fit(problem, table, new InverseFitOptions { Fixed = overrides.Values, Fit = fitOptions }, progress, context.CancellationToken);
            reporter.Complete();
            files = FitReport.Write(directory, result, "fv");
            if (problem is IPinnProblem withField) files = files.Concat(PinnFit.WriteFiniteVolumeField(directory, withField, overrides.Values, result)).ToArray();
        }
        catch (Exception raw)
        {
            var ex = Cli.Unwrap(raw);
            if (ex is OperationCanceledException && context.CancellationToken.IsCancellationRequested) throw ex;
            if (ex is DataFormatException data)
            {
                PrintDataError(context, data, dataPath);
                return ExitCodes.UserError;
            }
            if (ex is FitException or ArgumentException and not ArgumentNullException)
            {
                context.Out.WriteLine(DiagnosticPrinter.Format(CliDiagnostics.FileError(CliDiagnostics.JobRejectedInput, spec, "the fit failed: " + ex.Message)));
                if (context.Verbose) context.Error.WriteLine(ex.ToString());
                return ExitCodes.UserError;
            }
            Cli.ReportInternalError(context, ex, "fit of '" + problem.Name + "' failed");
            return ExitCodes.InternalError;
        }

        PrintResult(context.CreateConsole(), result, files);
        return ExitCodes.Success;
    }

    internal static void PrintDataError(CliContext context, DataFormatException data, string dataPath)
    {
        context.Out.WriteLine(DiagnosticPrinter.Format(!string.IsNullOrEmpty(data.FilePath) && data.Line > 0
            ? CliDiagnostics.At(CliDiagnostics.MalformedData, data.FilePath, data.Line, Math.Max(1, data.Column), data.Reason)
            : CliDiagnostics.FileError(CliDiagnostics.MalformedData, string.IsNullOrEmpty(data.FilePath) ? dataPath : data.FilePath, data.Reason)));
    }

    private static void PrintResult(IAnsiConsole console, InverseFitResult result, IReadOnlyList<string> files)
    {
        var fit = result.Fit;
        var table = new Table()
            .Title(Markup.Escape(result.ProblemName + ": fit of " + string.Join(", ", result.Observables)))
            .AddColumn(new TableColumn("unknown"))
            .AddColumn(new TableColumn("estimate").RightAligned())
            .AddColumn(new TableColumn("± SE").RightAligned())
            .AddColumn(new TableColumn("unit"))
            .AddColumn(new TableColumn("relative SE").RightAligned());
        for (int j = 0; j < fit.Parameters.Length; j++)
        {
            double se = fit.StandardErrors[j];
            table.AddRow(new Text(fit.Parameters[j].Name), new Text(Format(fit.Estimates[j])), new Text(Format(se)),
                new Text(fit.Parameters[j].SiUnit), new Text(Format(se / Math.Abs(fit.Estimates[j]))));
        }
        console.Write(table);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(fit.Converged ? "converged" : "NOT converged")} ({fit.StopReason}): {fit.Iterations} iterations, {fit.FunctionEvaluations} solves, {fit.WallTime.TotalSeconds:F1} s; residual norm {fit.ResidualNorm:G4}, Fisher condition number {fit.Identifiability.ConditionNumber:G3}"));
        foreach (var warning in fit.Identifiability.Warnings) console.WriteLine("warning: " + warning);
        var written = new Table().AddColumn(new TableColumn("files written"));
        foreach (var file in files) written.AddRow(new Text(file));
        console.Write(written);
    }

    internal static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name) text.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        return text.ToString();
    }

    /// <summary>Calls the handler on the reporting thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    internal sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
    {
        public void Report(T value) => handler(value);
    }
}
