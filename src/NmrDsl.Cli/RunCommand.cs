using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NmrDsl.Generators;
using NmrDsl.Runtime;
using NmrDsl.Runtime.IO;
using Spectre.Console;

namespace NmrDsl.Cli;

/// <summary>The arguments of <c>nmrdsl run</c>.</summary>
internal sealed record RunRequest(string SpecPath, IReadOnlyList<string> Sets, string? OutputDirectory = null, int Seed = 0)
{
    /// <summary>Run only the jobs of this kind (JobInfo.Kind, e.g. "simulation" for nmrdsl simulate); null: all.</summary>
    public string? JobKind { get; init; }
}

/// <summary>
/// <c>nmrdsl run SPEC [--set name=value]… [--out DIR] [--seed N]</c>: compile the spec, validate the
/// overrides, compile the generated C# in memory, load it and run each declared job.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var spec = new Argument<string>("SPEC") { Description = "The spec file (.nmr) whose job(s) to run." };
        var set = new Option<string[]>("--set")
        {
            Description = "Override a declared value, in any unit of the same dimension: --set solid.D=\"350 nm^2/s\". " +
                "The name is a declared name (dotted for nested ones; see 'nmrdsl describe'). Repeatable.",
            HelpName = "name=value",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Folder for result.json, CSV and PNG files [default: out/<spec name>]. " +
                "A spec with several jobs writes each into a subfolder named after its block.",
            HelpName = "DIR",
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed for every stochastic step; the same seed gives the same numbers.",
            HelpName = "N",
            DefaultValueFactory = _ => 0,
        };
        var command = new Command("run",
            "Run the job(s) a spec declares: compile the spec, check the --set overrides against its declarations, " +
            "compile the generated C# in memory and execute it, showing progress, then print a summary table " +
            "and the files written. Exits 1 on a spec error or a bad --set, 2 if the generated code fails to compile.")
        {
            spec,
            set,
            output,
            seed,
        };
        command.SetAction(parseResult => Execute(context, new RunRequest(
            parseResult.GetValue(spec)!,
            parseResult.GetValue(set) ?? [],
            parseResult.GetValue(output),
            parseResult.GetValue(seed))));
        return command;
    }

    public static int Execute(CliContext context, RunRequest request)
    {
        if (!SpecFiles.TryRead(request.SpecPath, out var text, out var readError))
        {
            context.Out.WriteLine(DiagnosticPrinter.Format(readError!));
            return ExitCodes.UserError;
        }
        var clock = Stopwatch.StartNew();
        var compilation = context.Compile(request.SpecPath, text);
        if (context.Verbose) context.Out.WriteLine(Timing("front end", clock.Elapsed));
        return ExecuteCompiled(context, request, compilation);
    }

    /// <summary>Everything after the front end (a seam for tests, which pass a hand-made compilation).</summary>
    internal static int ExecuteCompiled(CliContext context, RunRequest request, SpecCompilation compilation, QuantityParser? parseQuantity = null)
    {
        var spec = request.SpecPath;
        var counts = new DiagnosticCounts();
        DiagnosticPrinter.Print(context.Out, compilation.Diagnostics, counts);
        if (counts.Errors > 0)
        {
            context.Out.WriteLine(DiagnosticPrinter.Summary(1, counts, "checked") + "; nothing run");
            return ExitCodes.UserError;
        }

        var overrides = OverrideParser.Resolve(spec, compilation.Declarations, request.Sets, parseQuantity);
        if (!overrides.Success)
        {
            DiagnosticPrinter.Print(context.Out, overrides.Errors, counts);
            return ExitCodes.UserError;
        }
        var jobs = compilation.Jobs.Where(j => request.JobKind is null || string.Equals(j.Kind, request.JobKind, StringComparison.Ordinal)).ToList();
        if (jobs.Count == 0)
        {
            context.Out.WriteLine(DiagnosticPrinter.Format(CliDiagnostics.FileError(CliDiagnostics.NoJob, spec, request.JobKind is null
                ? "the spec declares no job to run (nmrdsl run needs a block that solves, simulates or trains)"
                : "the spec declares no " + request.JobKind + " job (nmrdsl simulate needs a spin-system sequence or an echo block; use nmrdsl run for other specs)")));
            return ExitCodes.UserError;
        }

        var clock = Stopwatch.StartNew();
        var assemblyName = "NmrDsl.Spec." + Sanitize(SpecFiles.SpecName(spec));
        var csharp = InMemoryCompiler.Compile(assemblyName, compilation.Sources, context.CancellationToken);
        if (context.Verbose)
        {
            foreach (var warning in csharp.Warnings) context.Out.WriteLine(InMemoryCompiler.Format(warning, spec));
            context.Out.WriteLine(Timing("C# compile", clock.Elapsed));
        }
        if (!csharp.Success)
        {
            foreach (var error in csharp.Errors) context.Out.WriteLine(InMemoryCompiler.Format(error, spec));
            context.Error.WriteLine("nmrdsl: internal error: the C# generated for " + spec +
                " does not compile; this is an NmrDsl emitter bug, please report it with the spec " +
                "(positions in *.g.cs files refer to 'nmrdsl generate " + spec + " -o DIR' output)");
            return ExitCodes.InternalError;
        }

        var outputDirectory = request.OutputDirectory ?? Path.Combine("out", SpecFiles.SpecName(spec));
        var console = context.CreateConsole();
        using var loaded = csharp.Load();
        foreach (var job in jobs)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var jobDirectory = jobs.Count == 1 ? outputDirectory : Path.Combine(outputDirectory, job.Block);
            Directory.CreateDirectory(jobDirectory);
            var instance = loaded.CreateJob(job.TypeName);
            context.Out.WriteLine("running " + instance.Name + " (" + job.Kind + ") → " + jobDirectory);

            clock.Restart();
            var exitCode = RunJob(context, console, spec, instance, jobDirectory, overrides.Values, request.Seed, out var result);
            if (exitCode != ExitCodes.Success) return exitCode;
            if (context.Verbose) context.Out.WriteLine(Timing("run " + instance.Name, clock.Elapsed));
            PrintResult(console, result!);
        }
        return ExitCodes.Success;
    }

    private static int RunJob(CliContext context, IAnsiConsole console, string spec, ISpecJob job, string directory,
        IReadOnlyDictionary<string, double> overrides, int seed, out JobResult? result)
    {
        result = null;
        try
        {
            if (context.Interactive)
            {
                var gate = new object();
                JobResult? produced = null;
                console.Progress()
                    .AutoClear(false)
                    .HideCompleted(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                    .Start(progress =>
                    {
                        var reporter = new SpectreProgressReporter(progress);
                        using var log = new LineWriter(line =>
                        {
                            lock (gate) console.Write(new Text(line + "\n"));
                        });
                        produced = job.Run(NewContext(context, directory, overrides, seed, reporter, log));
                        log.Flush();
                        reporter.Complete();
                    });
                result = produced;
            }
            else
            {
                var output = TextWriter.Synchronized(context.Out);
                var reporter = new PlainProgressReporter(output);
                using var log = new LineWriter(output.WriteLine);
                result = job.Run(NewContext(context, directory, overrides, seed, reporter, log));
                log.Flush();
                reporter.Complete();
            }
        }
        catch (Exception raw)
        {
            var ex = Cli.Unwrap(raw);
            if (ex is OperationCanceledException && context.CancellationToken.IsCancellationRequested) throw ex;
            if (ex is DataFormatException data)
            {
                // A located problem in an input file: report it at the file, line and column.
                context.Out.WriteLine(DiagnosticPrinter.Format(!string.IsNullOrEmpty(data.FilePath) && data.Line > 0
                    ? CliDiagnostics.At(CliDiagnostics.MalformedData, data.FilePath, data.Line, Math.Max(1, data.Column), data.Reason)
                    : CliDiagnostics.FileError(CliDiagnostics.MalformedData, string.IsNullOrEmpty(data.FilePath) ? spec : data.FilePath, data.Reason)));
                if (context.Verbose) context.Error.WriteLine(ex.ToString());
                return ExitCodes.UserError;
            }
            if (IsInputRejection(ex))
            {
                context.Out.WriteLine(DiagnosticPrinter.Format(CliDiagnostics.FileError(CliDiagnostics.JobRejectedInput, spec,
                    "job '" + job.Name + "' rejected its input: " + ex.Message)));
                if (context.Verbose) context.Error.WriteLine(ex.ToString());
                return ExitCodes.UserError;
            }
            Cli.ReportInternalError(context, ex, "job '" + job.Name + "' failed");
            return ExitCodes.InternalError;
        }
        if (result is null)
        {
            context.Error.WriteLine("nmrdsl: internal error: job '" + job.Name + "' returned no result");
            return ExitCodes.InternalError;
        }
        return ExitCodes.Success;
    }

    /// <summary>
    /// Exceptions through which a job says its inputs are wrong (a parameter out of range, a bad or
    /// missing data file): a user error. ArgumentNullException is a bug, not bad input.
    /// </summary>
    private static bool IsInputRejection(Exception ex)
        => ex is (ArgumentException and not ArgumentNullException) or InvalidDataException or FileNotFoundException or DirectoryNotFoundException;

    private static JobContext NewContext(CliContext context, string directory, IReadOnlyDictionary<string, double> overrides, int seed,
        IProgress<JobProgress> progress, TextWriter log)
        => new(directory)
        {
            Overrides = overrides,
            Seed = seed,
            Progress = progress,
            Log = log,
            CancellationToken = context.CancellationToken,
        };

    private static void PrintResult(IAnsiConsole console, JobResult result)
    {
        var summary = new Table()
            .Title(Markup.Escape(result.Name))
            .AddColumn(new TableColumn("quantity"))
            .AddColumn(new TableColumn("value").RightAligned());
        foreach (var (key, value) in result.Summary)
        {
            summary.AddRow(new Text(key), new Text(FormatValue(value)));
        }
        console.Write(summary);

        var files = new Table().AddColumn(new TableColumn("files written"));
        foreach (var file in result.Files) files.AddRow(new Text(DisplayPath(file)));
        if (result.Files.Count == 0) files.AddRow(new Text("(none)"));
        console.Write(files);
    }

    internal static string FormatValue(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string DisplayPath(string path)
    {
        if (!Path.IsPathRooted(path)) return path;
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name) text.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        return text.ToString();
    }

    private static string Timing(string what, TimeSpan elapsed)
        => string.Format(CultureInfo.InvariantCulture, "{0}: {1:0} ms", what, elapsed.TotalMilliseconds);
}
