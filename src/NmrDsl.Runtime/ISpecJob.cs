using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace NmrDsl.Runtime;

/// <summary>
/// A job declared by a spec (a solve block, a simulation, a training run). Generated classes
/// implement it so that <c>nmrdsl run</c> can execute any compiled spec the same way.
/// </summary>
public interface ISpecJob
{
    /// <summary>The spec block's name, e.g. <c>SphereUptake</c>.</summary>
    string Name { get; }

    /// <summary>Runs the job; writes its files under <see cref="JobContext.OutputDirectory"/>.</summary>
    JobResult Run(JobContext context);
}

/// <summary>Progress of a long job: a stage name, the fraction done (0..1) and a short detail line.</summary>
public readonly record struct JobProgress(string Stage, double Fraction, string? Detail = null);

/// <summary>Everything a job needs from its caller. All values of <see cref="Overrides"/> are in SI units.</summary>
public sealed class JobContext
{
    public JobContext(string outputDirectory)
    {
        OutputDirectory = outputDirectory;
    }

    /// <summary>Folder the job writes result.json, CSV and PNG files into (created if missing).</summary>
    public string OutputDirectory { get; }

    /// <summary>Overrides of declared names (dotted for nested ones), values converted to SI units.</summary>
    public IReadOnlyDictionary<string, double> Overrides { get; init; } = new Dictionary<string, double>();

    /// <summary>Seed for every stochastic step (deterministic runs).</summary>
    public int Seed { get; init; }

    /// <summary>Progress reports; the CLI shows them as a progress display.</summary>
    public IProgress<JobProgress>? Progress { get; init; }

    /// <summary>Human-readable log lines (the CLI writes them to the terminal).</summary>
    public TextWriter Log { get; init; } = TextWriter.Null;

    public CancellationToken CancellationToken { get; init; }
}

/// <summary>What a job produced: a summary (numbers with units in their keys) and the files written.</summary>
public sealed record JobResult(string Name, IReadOnlyDictionary<string, double> Summary, IReadOnlyList<string> Files);
