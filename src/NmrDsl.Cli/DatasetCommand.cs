using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NmrDsl.Generators;
using NmrDsl.Runtime;
using NmrDsl.Runtime.Echo;
using Spectre.Console;

namespace NmrDsl.Cli;

/// <summary>The arguments of <c>nmrdsl dataset</c>.</summary>
internal sealed record DatasetRequest(string SpecPath, long Count, ulong Seed, string OutputDirectory)
{
    /// <summary>The echo block to use when the spec has several.</summary>
    public string? Block { get; init; }

    /// <summary>Threads over curves (≤ 0: all cores). The files do not depend on it.</summary>
    public int Threads { get; init; }

    /// <summary>Curves per unit of work (computed in parallel, then appended and flushed); ≤ 0: automatic.</summary>
    public int Chunk { get; init; }

    /// <summary>Stop after this many new curves (the rest on a later run); ≤ 0: no limit.</summary>
    public long Limit { get; init; }

    /// <summary><c>--set name=value</c>: parameters held at one value for the whole dataset.</summary>
    public IReadOnlyList<string> Sets { get; init; } = [];
}

/// <summary>
/// <c>nmrdsl dataset SPEC --count N --seed S --out DIR</c>: generates N curves of a spec's echo block with parameters
/// drawn from its declared ranges into the dataset format v1 (docs/dataset-format.md). Curve i depends only on
/// (spec, S, i) (<see cref="IEchoSpec.Sample"/>), so the work splits into units of curves computed in parallel and
/// appended in index order; rerunning the same command after an interruption continues at the first missing curve.
/// </summary>
internal static class DatasetCommand
{
    public static Command Create(CliContext context)
    {
        var spec = new Argument<string>("SPEC") { Description = "The spec file (.nmr) with an echo block." };
        var count = new Option<long>("--count", "-n") { Description = "Number of curves in the dataset.", HelpName = "N", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Dataset seed: curve i's parameters and offsets derive from (seed, i).", HelpName = "S", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out", "-o") { Description = "Dataset folder (created; an existing one from the same command is resumed).", HelpName = "DIR", Required = true };
        var block = new Option<string?>("--block") { Description = "The echo block to use when the spec declares several.", HelpName = "NAME" };
        var threads = new Option<int>("--threads") { Description = "Threads over curves [default: all cores]; the files do not depend on it.", HelpName = "T", DefaultValueFactory = _ => 0 };
        var chunk = new Option<int>("--chunk") { Description = "Curves per unit of work, flushed to disk together [default: 4 per thread].", HelpName = "C", DefaultValueFactory = _ => 0 };
        var set = new Option<string[]>("--set")
        {
            Description = "Hold a parameter at one value for the whole dataset, in any unit of the same dimension (--set d=4.5, --set alpha=\"50 kHz\"); the others are still drawn, with the same values as without --set. Repeatable.",
            HelpName = "name=value",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var limit = new Option<long>("--limit") { Description = "Stop after this many new curves; rerun the same command to continue.", HelpName = "K", DefaultValueFactory = _ => 0 };
        var command = new Command("dataset",
            "Generate a training set from a spec's echo block: N curves with parameters drawn from the declared ranges, written to " +
            "DIR/dataset.json, curves.bin (float32 complex) and labels.csv (docs/dataset-format.md). Resumable: rerun the same " +
            "command after an interruption. Exits 1 on a spec error or when DIR holds a different dataset.")
        {
            spec,
            count,
            seed,
            output,
            block,
            threads,
            chunk,
            limit,
            set,
        };
        command.SetAction(parseResult => Execute(context, new DatasetRequest(
            parseResult.GetValue(spec)!,
            parseResult.GetValue(count),
            parseResult.GetValue(seed),
            parseResult.GetValue(output)!)
        {
            Block = parseResult.GetValue(block),
            Threads = parseResult.GetValue(threads),
            Chunk = parseResult.GetValue(chunk),
            Limit = parseResult.GetValue(limit),
            Sets = parseResult.GetValue(set) ?? [],
        }));
        return command;
    }

    public static int Execute(CliContext context, DatasetRequest request)
    {
        string spec = request.SpecPath;
        if (request.Count < 1)
        {
            context.Error.WriteLine("nmrdsl: error: --count must be at least 1");
            return ExitCodes.UserError;
        }
        using EchoBlockLoader.Loaded? loaded = EchoBlockLoader.TryLoad(context, spec, request.Block, "dataset", "no dataset written", out int failure);
        if (loaded is null) return failure;
        IEchoSpec echo = loaded.Echo;
        if (!TryFixParameters(context, spec, loaded.Declarations, request.Sets, ref echo)) return ExitCodes.UserError;

        EchoDatasetStore store;
        try
        {
            store = EchoDatasetStore.Open(request.OutputDirectory, echo, request.Seed, request.Count);
        }
        catch (DatasetMismatchException mismatch)
        {
            context.Out.WriteLine(DiagnosticPrinter.Format(CliDiagnostics.FileError(CliDiagnostics.MalformedData, mismatch.FilePath,
                "cannot resume this dataset: " + mismatch.Reason)));
            return ExitCodes.UserError;
        }
        using (store)
        {
            return Generate(context, request, echo, store);
        }
    }

    /// <summary>
    /// Applies <c>--set</c>: each name must be a parameter of the chosen echo block (checked against the declarations,
    /// with units, by <see cref="OverrideParser"/>) and its value inside the declared range.
    /// </summary>
    private static bool TryFixParameters(CliContext context, string spec, IReadOnlyList<DeclarationInfo> declarations, IReadOnlyList<string> sets, ref IEchoSpec echo)
    {
        if (sets.Count == 0) return true;
        string block = echo.Name;
        var ownDeclarations = declarations.Where(d => string.Equals(d.Block, block, StringComparison.Ordinal)).ToList();
        var overrides = OverrideParser.Resolve(spec, ownDeclarations, sets);
        if (!overrides.Success)
        {
            DiagnosticPrinter.Print(context.Out, overrides.Errors, new DiagnosticCounts());
            return false;
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, si) in overrides.Values)
        {
            EchoParameterRange range = echo.Parameters.First(p => string.Equals(p.Name, name, StringComparison.Ordinal));
            double value = range.FromSi(si);
            if (value < range.Lower || value > range.Upper)
            {
                var declaration = ownDeclarations.First(d => string.Equals(d.Name, name, StringComparison.Ordinal));
                string unit = range.Unit == "1" ? string.Empty : " " + range.Unit;
                context.Out.WriteLine(DiagnosticPrinter.Format(CliDiagnostics.At(CliDiagnostics.MalformedOverride, spec, declaration.Line, declaration.Column,
                    string.Create(CultureInfo.InvariantCulture, $"--set {name}: {value:R}{unit} is outside the declared range {range.Lower:R} .. {range.Upper:R}{unit} (line {declaration.Line})"))));
                return false;
            }
            values.Add(name, value);
        }
        echo = new FixedParameterEchoSpec(echo, values);
        return true;
    }

    private static int Generate(CliContext context, DatasetRequest request, IEchoSpec echo, EchoDatasetStore store)
    {
        long start = store.Complete;
        long end = request.Limit > 0 ? Math.Min(request.Count, start + request.Limit) : request.Count;
        int threads = request.Threads > 0 ? request.Threads : Environment.ProcessorCount;
        int chunk = request.Chunk > 0 ? request.Chunk : 4 * threads;
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dataset {echo.Name}: {request.Count} curves of {echo.Model.TimeGrid.SampleCount} points, {echo.Model.Lattice}, seed {request.Seed} → {request.OutputDirectory}"));
        if (start > 0)
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"resuming: {start} curves already complete"));
        }

        var clock = Stopwatch.StartNew();
        void Work(IProgress<JobProgress> progress)
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = context.CancellationToken };
            progress.Report(new JobProgress("dataset", (double)start / request.Count, Detail(start, request.Count, 0, clock.Elapsed)));
            for (long first = start; first < end; first += chunk)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                int size = (int)Math.Min(chunk, end - first);
                var samples = new EchoSample[size];
                Parallel.For(0, size, options, c => samples[c] = echo.Sample(request.Seed, first + c));
                store.Append(samples);
                progress.Report(new JobProgress("dataset", (double)store.Complete / request.Count,
                    Detail(store.Complete, request.Count, store.Complete - start, clock.Elapsed)));
            }
        }

        if (context.Interactive)
        {
            var console = context.CreateConsole();
            console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(progress =>
                {
                    var reporter = new SpectreProgressReporter(progress);
                    Work(reporter);
                    reporter.Complete();
                });
        }
        else
        {
            var reporter = new PlainProgressReporter(context.Out);
            Work(reporter);
            reporter.Complete();
        }

        long made = store.Complete - start;
        double seconds = clock.Elapsed.TotalSeconds;
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {made} curves in {seconds:0.0} s ({(seconds > 0 ? made / seconds : 0):0.##} curves/s, {threads} threads); {store.Complete} of {request.Count} complete"));
        if (store.Complete < request.Count)
        {
            context.Out.WriteLine("stopped at --limit; rerun the same command to continue");
        }
        return ExitCodes.Success;
    }

    private static string Detail(long done, long count, long made, TimeSpan elapsed)
    {
        double rate = elapsed.TotalSeconds > 0 ? made / elapsed.TotalSeconds : 0;
        return string.Create(CultureInfo.InvariantCulture, $"{done}/{count} curves, {rate:0.#} curves/s");
    }
}
