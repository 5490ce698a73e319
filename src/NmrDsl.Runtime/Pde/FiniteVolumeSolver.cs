using System;
using System.Diagnostics;
using System.Threading;
using static System.FormattableString;

namespace NmrDsl.Runtime.Pde;

/// <summary>
/// Classical solver of a spec's PDE: conservative finite volumes in space
/// (<see cref="FiniteVolumeDiscretisation"/>) and the stiff, L-stable TR-BDF2 integrator in time
/// (<see cref="TrBdf2Integrator"/>), run in dimensionless variables (<see cref="Scales"/>) and
/// returned in SI. Second order in space and time.
/// </summary>
public static class FiniteVolumeSolver
{
    /// <summary>Default absolute tolerance relative to the field magnitude U.</summary>
    public const double DefaultRelativeAbsoluteTolerance = 1e-12;

    /// <summary>Solves <paramref name="problem"/> on [0, EndTime] and returns the field at the requested output times.</summary>
    /// <exception cref="ArgumentException">A bad domain, option, boundary condition or coefficient (the message names the region and position).</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled.</exception>
    public static PdeSolution Solve(
        IDiffusionReactionProblem problem,
        FiniteVolumeOptions options,
        IProgress<JobProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        options.Validate();
        if (!(problem.EndTime > 0) || !double.IsFinite(problem.EndTime))
        {
            throw new ArgumentException(Invariant($"The end time must be positive and finite, got {problem.EndTime} s."), nameof(problem));
        }

        var mesh = new FiniteVolumeMesh(problem.Geometry, problem.Start, problem.End, problem.Interfaces, options.Cells);
        double[] times = options.ResolveOutputTimes(problem.EndTime);
        double[] initial = InitialValues(problem, mesh);
        Scales scales = ScalesFor(problem, mesh, initial);
        var discretisation = new FiniteVolumeDiscretisation(problem, mesh, scales);

        var tau = new double[times.Length];
        for (int j = 0; j < tau.Length; j++)
        {
            tau[j] = scales.DimensionlessTime(times[j]);
        }

        tau[^1] = Math.Min(tau[^1], 1.0); // EndTime / EndTime rounds to 1 exactly, but guard anyway
        var integratorOptions = new TrBdf2Options
        {
            RelativeTolerance = options.RelativeTolerance,
            AbsoluteTolerance = options.AbsoluteTolerance ?? DefaultRelativeAbsoluteTolerance * scales.Field,
            FixedStep = options.FixedStep is { } h ? scales.DimensionlessTime(h) : null,
            MaxSteps = options.MaxSteps,
            TimeScale = scales.Time,
            ProgressStage = "finite-volume",
        };

        TrBdf2Result result = TrBdf2Integrator.Integrate(discretisation, initial, 0.0, tau, integratorOptions, progress, cancellationToken);
        IntegratorStatistics s = result.Statistics;
        var statistics = new SolverStatistics(
            mesh.CellCount,
            s.AcceptedSteps,
            s.RejectedSteps,
            s.Assemblies,
            s.Factorizations,
            scales.SiTime(s.SmallestStep),
            scales.SiTime(s.LargestStep),
            clock.Elapsed);
        return new PdeSolution(mesh, times, result.Values, statistics, scales);
    }

    /// <summary>u(x, 0) at the cell centres (point values: second-order approximations of the cell averages).</summary>
    public static double[] InitialValues(IDiffusionReactionProblem problem, FiniteVolumeMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(mesh);
        var u = new double[mesh.CellCount];
        for (int i = 0; i < u.Length; i++)
        {
            double x = mesh.Centres[i];
            int region = mesh.CellRegion[i];
            u[i] = problem.Initial(x, region);
            if (!double.IsFinite(u[i]))
            {
                throw new ArgumentException(Invariant($"The initial value is {u[i]} in region {region} at x = {x} m; it must be finite."), nameof(problem));
            }
        }

        return u;
    }

    /// <summary>
    /// Scales of <paramref name="problem"/>: L = End − Start, T = EndTime, C = volume-averaged capacity
    /// at t = 0, and the field magnitude U = the largest of |u0|, Dirichlet values, Neumann values × L,
    /// source equilibria |S0/S1| (or |S0| T / A without decay) and flux growth |q| T / (A L); 1 if all vanish.
    /// </summary>
    public static Scales ScalesFor(IDiffusionReactionProblem problem, FiniteVolumeMesh mesh, double[] initial)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(initial);
        double length = problem.End - problem.Start;
        double time = problem.EndTime;
        double weighted = 0, volume = 0, field = 0;
        for (int i = 0; i < mesh.CellCount; i++)
        {
            double x = mesh.Centres[i];
            int region = mesh.CellRegion[i];
            double capacity = problem.Capacity(x, 0, region);
            if (!(capacity > 0) || !double.IsFinite(capacity))
            {
                continue; // reported with its position by the first assembly
            }

            weighted += capacity * mesh.Volumes[i];
            volume += mesh.Volumes[i];
            double s0 = problem.SourceConstant(x, 0, region), s1 = problem.SourceLinear(x, 0, region);
            double sourceScale = s1 != 0 ? Math.Abs(s0 / s1) : Math.Abs(s0) * time / capacity;
            field = MaxFinite(field, Math.Abs(initial[i]), sourceScale);
        }

        double meanCapacity = volume > 0 ? weighted / volume : 1.0;
        foreach (double t in new[] { 0.0, time })
        {
            foreach (BoundaryCondition bc in new[] { problem.StartBoundary(t), problem.EndBoundary(t) })
            {
                double magnitude = bc.Kind switch
                {
                    BoundaryKind.Dirichlet => Math.Abs(bc.Value),
                    BoundaryKind.Neumann => Math.Abs(bc.Value) * length,
                    BoundaryKind.Flux => Math.Abs(bc.Value) * time / (meanCapacity * length),
                    _ => 0,
                };
                field = MaxFinite(field, magnitude);
            }
        }

        return new Scales(length, time, meanCapacity, field > 0 ? field : 1.0);
    }

    private static double MaxFinite(double current, params double[] candidates)
    {
        foreach (double c in candidates)
        {
            if (double.IsFinite(c) && c > current)
            {
                current = c;
            }
        }

        return current;
    }
}
