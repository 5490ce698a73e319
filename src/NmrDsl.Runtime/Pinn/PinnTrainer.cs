using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using NmrDsl.Runtime.Fitting;
using NmrDsl.Runtime.Pde;

namespace NmrDsl.Runtime.Pinn;

/// <summary>Measured observables for a PINN fit: times (s) and one series per observable name.</summary>
public sealed record PinnData(double[] Times, IReadOnlyDictionary<string, double[]> Observables);

/// <summary>
/// Physics-informed neural network fit of a spec's unknowns and field (seed pinn-hyperpolarized-dnp-poster.txt;
/// reference/spin-diffusion-pinn.md §4): one tanh network per region, the equation's residual at collocation points,
/// interface and boundary conditions, and the observables' misfit by quadrature, minimised jointly over the weights and
/// the unknowns (log scale where declared) by Adam and then L-BFGS.
/// </summary>
public static class PinnTrainer
{
    /// <summary>
    /// Fits <paramref name="spec"/>'s unknowns and field to <paramref name="data"/>. <paramref name="fixedValues"/> (SI)
    /// hold other declared names fixed (for an unknown: its starting value); <paramref name="options"/> default to the
    /// spec's <c>solve pinn</c> line; <paramref name="progress"/> gets the loss terms and unknowns as training goes;
    /// <paramref name="ct"/> stops it (after the last checkpoint).
    /// </summary>
    /// <exception cref="ArgumentException">The problem, data or options are outside what the PINN handles; the message says why.</exception>
    public static PinnResult Fit(IPinnProblem spec, PinnData data, PinnOptions? options = null, IReadOnlyDictionary<string, double>? fixedValues = null,
        IProgress<PinnProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(data);
        options ??= spec.PinnSettings ?? new PinnOptions();
        options.Validate();
        fixedValues ??= new Dictionary<string, double>();

        var (model, domain, points, averages, times, observed) = Build(spec, data, options, fixedValues);
        using var disposeModel = model;
        string fingerprint = Fingerprint(spec, domain, options, times, observed);
        var checkpoint = options.CheckpointDirectory is null ? null : PinnCheckpoint.Load(options.CheckpointDirectory, fingerprint);
        var result = Train(spec, options, progress, model, domain, points, averages, times, observed, fingerprint, checkpoint, ct);
        return options.AugmentStretchedExponential
            ? result with { Augmentation = averages.ToDictionary(a => a.Name, a => Augmentation(data, a.Name), StringComparer.Ordinal) }
            : result;
    }

    /// <summary>The loss model and everything it was built from (internal: tests check its gradient).</summary>
    internal static (PinnLossModel Model, PinnDomain Domain, PinnPoints Points, RegionAverage[] Averages, double[] Times, double[][] Observed) Build(
        IPinnProblem spec, PinnData data, PinnOptions options, IReadOnlyDictionary<string, double> fixedValues)
    {
        var averages = spec.RegionAverages.Where(a => data.Observables.ContainsKey(a.Name)).ToArray();
        if (averages.Length == 0)
        {
            throw new ArgumentException($"the data have no column for an observable the PINN can fit ({string.Join(", ", spec.RegionAverages.Select(a => a.Name))}: region averages of the field); columns: {string.Join(", ", data.Observables.Keys)}");
        }
        int[] rows = InverseFit.Subsample(data.Times.Length, options.MaxDataTimes);
        double[] times = rows.Select(i => data.Times[i]).ToArray();
        double[][] observed = averages.Select(a => rows.Select(i => data.Observables[a.Name][i]).ToArray()).ToArray();
        if (options.AugmentStretchedExponential)
        {
            double start = data.Times.Min(), end = data.Times.Max();
            times = Enumerable.Range(0, options.MaxDataTimes).Select(j => start + (end - start) * j / (options.MaxDataTimes - 1.0)).ToArray();
            observed = averages.Select(a => Augmentation(data, a.Name)).Select(f => times.Select(f.Evaluate).ToArray()).ToArray();
        }
        double fieldScale = observed.SelectMany(o => o).Select(Math.Abs).DefaultIfEmpty(1.0).Max();

        var domain = PinnDomain.Create(spec, fixedValues, fieldScale);
        if (times.Any(t => t < 0 || t > domain.TimeScale * (1 + 1e-9)))
        {
            throw new ArgumentException($"data times must lie in [0, {domain.TimeScale.ToString("G6", CultureInfo.InvariantCulture)}] s, the spec's time window");
        }
        var maps = Enumerable.Range(0, domain.RegionCount)
            .Select(i => new RegionInputMap(domain.Bounds[i], domain.Bounds[i + 1], domain.UsesSquaredRadius(i))).ToArray();
        var time = new TimeInputMap(domain.FeatureTime, domain.RelaxationTime);
        var points = BuildPoints(domain, options, averages, times, observed);
        return (new PinnLossModel(domain, points, maps, time, options), domain, points, averages, times, observed);
    }

    private static PinnResult Train(IPinnProblem spec, PinnOptions options, IProgress<PinnProgress>? progress, PinnLossModel model, PinnDomain domain,
        PinnPoints points, RegionAverage[] averages, double[] times, double[][] observed, string fingerprint, PinnCheckpoint? checkpoint, CancellationToken ct)
    {
        var history = checkpoint?.History ?? new List<PinnHistoryEntry>();
        double[] flat = checkpoint?.Parameters ?? model.InitialParameters(options.Seed);
        double[] m = checkpoint?.AdamFirstMoment ?? new double[flat.Length];
        double[] v = checkpoint?.AdamSecondMoment ?? new double[flat.Length];
        if (checkpoint is not null) foreach (var (name, weight) in checkpoint.Weights) model.Weights[name] = weight;
        int startIteration = checkpoint is { Phase: "adam" } ? checkpoint.Iteration : checkpoint is null ? 0 : options.AdamIterations;
        int lbfgsDone = checkpoint?.LbfgsEvaluations ?? 0;
        double elapsedBefore = checkpoint?.ElapsedSeconds ?? 0;
        var clock = Stopwatch.StartNew();
        double Elapsed() => elapsedBefore + clock.Elapsed.TotalSeconds;

        void Save(string phase, int iteration)
        {
            if (options.CheckpointDirectory is null) return;
            new PinnCheckpoint(fingerprint, phase, iteration, flat, m, v, new Dictionary<string, double>(model.Weights), history, Elapsed(), lbfgsDone)
                .Save(options.CheckpointDirectory);
        }

        void Report(string phase, int iteration, int total, LossEvaluation e, double[] parameters)
        {
            double[] values = domain.ToValues(parameters.AsSpan(model.UnknownOffset));
            history.Add(new PinnHistoryEntry(phase, iteration, e.Total, e.Terms, values));
            progress?.Report(new PinnProgress(phase, iteration, total, e.Total, e.Terms,
                domain.Unknowns.Select((u, j) => (u.Name, values[j], u.SiUnit)).ToArray()));
        }

        // Adam (Kingma & Ba 2015) on the flat vector; the unknowns get their own learning rate. Kept here rather than
        // torch.optim.Adam so its state is plain arrays: checkpoints restore it exactly and L-BFGS shares the vector.
        const double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
        var lower = domain.Unknowns.Select(u => u.InternalLower).ToArray();
        var upper = domain.Unknowns.Select(u => u.InternalUpper).ToArray();
        // The unknowns stay at their starting values while the networks learn a first field: moved against an
        // untrained network they drift far (measured: 0.6 → 2.3 µm for a true 1 µm without warm-up).
        int warmup = (int)Math.Round(options.UnknownWarmup * options.AdamIterations);
        for (int it = startIteration; it < options.AdamIterations; it++)
        {
            if (ct.IsCancellationRequested)
            {
                Save("adam", it); // Ctrl+C loses nothing: the state after `it` iterations
                ct.ThrowIfCancellationRequested();
            }
            if (options.AutomaticWeights && it % 100 == 0) Rebalance(model, flat, options);
            var e = model.Evaluate(flat, gradient: true);
            if (it < warmup) Array.Clear(e.Gradient!, model.UnknownOffset, flat.Length - model.UnknownOffset);
            if (!double.IsFinite(e.Total)) throw new ArgumentException($"the PINN loss became {e.Total} at Adam iteration {it}; lower the learning rate");
            if (it % options.ReportEvery == 0) Report("adam", it, options.AdamIterations, e, flat);
            // Learning rate decays geometrically to a tenth over the Adam phase.
            double decay = Math.Pow(0.1, (double)it / Math.Max(1, options.AdamIterations));
            double correction1 = 1 - Math.Pow(beta1, it + 1), correction2 = 1 - Math.Pow(beta2, it + 1);
            for (int i = 0; i < flat.Length; i++)
            {
                double g = e.Gradient![i];
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                double rate = (i >= model.UnknownOffset ? options.UnknownLearningRate : options.LearningRate) * decay;
                flat[i] -= rate * (m[i] / correction1) / (Math.Sqrt(v[i] / correction2) + epsilon);
            }
            for (int j = 0; j < lower.Length; j++)
            {
                int i = model.UnknownOffset + j;
                flat[i] = Math.Clamp(flat[i], lower[j], upper[j]);
            }
            if ((it + 1) % options.CheckpointEvery == 0) Save("adam", it + 1);
        }
        if (options.AdamIterations > startIteration) Save("lbfgs", options.AdamIterations);

        int remaining = Math.Max(0, options.LbfgsIterations - lbfgsDone);
        try
        {
            if (remaining > 0) flat = Lbfgs(model, flat, remaining, lower, upper, options, (e, p, count) =>
            {
                lbfgsDone++;
                if (count % options.ReportEvery == 0) Report("lbfgs", count, remaining, e, p);
                if (count % options.CheckpointEvery == 0)
                {
                    flat = p;
                    Save("lbfgs", options.AdamIterations);
                }
            }, ct);
        }
        catch (OperationCanceledException)
        {
            Save("lbfgs", options.AdamIterations); // the best point so far; L-BFGS restarts from it
            throw;
        }

        var final = model.Evaluate(flat, gradient: false);
        Report("final", options.AdamIterations + lbfgsDone, options.AdamIterations + options.LbfgsIterations, final, flat);
        Save("done", options.AdamIterations);
        double[] estimates = domain.ToValues(flat.AsSpan(model.UnknownOffset));
        var fitted = averages.Select((a, k) => Observe(model, domain, points.Data[k], flat, times)).ToArray();
        return new PinnResult
        {
            ProblemName = spec.Name,
            Parameters = domain.Unknowns,
            Estimates = estimates,
            Loss = final.Total,
            Terms = final.Terms,
            Weights = new SortedDictionary<string, double>(model.Weights, StringComparer.Ordinal),
            History = history,
            AdamIterations = options.AdamIterations,
            LbfgsEvaluations = lbfgsDone,
            WallTime = TimeSpan.FromSeconds(Elapsed()),
            Resumed = checkpoint is not null,
            Observables = averages.Select(a => a.Name).ToArray(),
            Times = times,
            Data = observed,
            Fitted = fitted,
            Field = SampleField(model, domain, flat),
            CollocationPoints = points.Residuals.Sum(s => s.Count),
            Options = options,
        };
    }

    /// <summary>The stretched exponential fitted to one observable's full data series.</summary>
    internal static StretchedExponential Augmentation(PinnData data, string observable) => StretchedExponential.Fit(data.Times, data.Observables[observable]);

    private static PinnPoints BuildPoints(PinnDomain domain, PinnOptions options, RegionAverage[] averages, double[] times, double[][] observed)
    {
        var points = new PinnPoints(domain.RegionCount);
        double firstData = times.Where(t => t > 0).DefaultIfEmpty(domain.TimeScale).Min() / domain.TimeScale;
        double[] tau = PinnSampling.Times(options.Times, options.TimeSampling, Math.Min(firstData, domain.RelaxationTime / 10));
        var p = domain.Reference;
        for (int i = 0; i < domain.RegionCount; i++)
        {
            double a = domain.Bounds[i], b = domain.Bounds[i + 1];
            int n = Math.Max(8, (int)Math.Round(options.Radii * (b - a)));
            double[] xi = PinnSampling.Chebyshev(a, b, n);
            points.Residuals.Add(points.Add(i, xi.SelectMany(x => tau.Select(t => new PinnPoint(x, t, PointRole.Residual)))));
            if (domain.UniformInitial[i] is null)
            {
                points.Initials.Add(points.Add(i, xi.Select(x => new PinnPoint(x, 0.0, PointRole.Value, 1.0, PointSource.InitialValue))));
            }
        }
        for (int i = 0; i + 1 < domain.RegionCount; i++)
        {
            double at = domain.Bounds[i + 1];
            foreach (var role in new[] { PointRole.Value, PointRole.Flux })
            {
                var left = points.Add(i, tau.Select(t => new PinnPoint(at, t, role, 1.0)));
                var right = points.Add(i + 1, tau.Select(t => new PinnPoint(at, t, role, -1.0)));
                points.InterfacePairs.Add((left, right));
            }
        }
        AddBoundary(points, 0, 0.0, p.StartBoundary(0).Kind, -1.0, PointSource.StartBoundary, tau);
        AddBoundary(points, domain.RegionCount - 1, 1.0, p.EndBoundary(0).Kind, 1.0, PointSource.EndBoundary, tau);

        double offset = p.Start / (p.End - p.Start);
        for (int k = 0; k < averages.Length; k++)
        {
            int[] regions = averages[k].Region < 0 ? Enumerable.Range(0, domain.RegionCount).ToArray() : new[] { averages[k].Region };
            var segments = new List<Segment>();
            var weights = new List<double[]>();
            double volume = 0;
            foreach (int i in regions)
            {
                var (nodes, w) = PinnSampling.GaussLegendre(domain.Bounds[i], domain.Bounds[i + 1], options.QuadratureNodes);
                double[] metric = nodes.Select((x, j) => w[j] * Math.Pow(offset + x, domain.Metric)).ToArray();
                volume += metric.Sum();
                weights.Add(metric);
                segments.Add(points.Add(i, times.SelectMany(t => nodes.Select(x => new PinnPoint(x, t / domain.TimeScale, PointRole.Value)))));
            }
            double[][] normalised = weights.Select(w => w.Select(x => x / volume).ToArray()).ToArray();
            double scale = observed[k].Select(Math.Abs).DefaultIfEmpty(1.0).Max();
            points.Data.Add(new DataTerm(averages[k].Name, segments.ToArray(), normalised, times, observed[k], scale > 0 ? scale : 1.0));
        }
        return points;
    }

    private static void AddBoundary(PinnPoints points, int region, double xi, BoundaryKind kind, double sign, PointSource source, double[] tau)
    {
        PointRole? role = kind switch
        {
            BoundaryKind.Dirichlet => PointRole.Value,
            BoundaryKind.Flux => PointRole.Flux,
            BoundaryKind.Neumann => PointRole.Gradient,
            _ => null,
        };
        if (role is null) return;
        double valueSign = kind == BoundaryKind.Dirichlet ? 1.0 : sign;
        points.Boundaries.Add(points.Add(region, tau.Select(t => new PinnPoint(xi, t, role.Value, valueSign, source))));
    }

    /// <summary>
    /// Learning-rate annealing (Wang, Teng &amp; Perdikaris 2021): each term's weight factor moves towards
    /// |∇ pde| / |∇ term| (gradient norms over the network weights), smoothed by 0.9, times the spec's weight.
    /// </summary>
    private static void Rebalance(PinnLossModel model, double[] flat, PinnOptions options)
    {
        var norms = model.TermGradientNorms(flat);
        if (!norms.TryGetValue("pde", out double pde) || !(pde > 0)) return;
        var fixedWeights = options.Weights.ByName;
        foreach (var (name, norm) in norms)
        {
            if (name == "pde" || !(norm > 0)) continue;
            double current = model.Weights[name] / fixedWeights[name];
            double target = pde / norm;
            model.Weights[name] = fixedWeights[name] * (0.9 * current + 0.1 * target);
        }
    }

    /// <summary>
    /// L-BFGS with a weak-Wolfe line search (MathNet.Numerics; TorchSharp's LBFGS has none and diverges at lr = 1,
    /// DESIGN.md). Bounds on the unknowns are kept by clamping inside the objective. MathNet throws when it stops
    /// without converging; the best point evaluated is kept either way.
    /// </summary>
    private static double[] Lbfgs(PinnLossModel model, double[] start, int iterations, double[] lower, double[] upper, PinnOptions options,
        Action<LossEvaluation, double[], int> onEvaluation, CancellationToken ct)
    {
        double[] best = (double[])start.Clone();
        double bestLoss = double.PositiveInfinity;
        int count = 0;
        int offset = model.UnknownOffset;
        double[] Clamp(Vector<double> x)
        {
            var p = x.ToArray();
            for (int j = 0; j < lower.Length; j++) p[offset + j] = Math.Clamp(p[offset + j], lower[j], upper[j]);
            return p;
        }
        var objective = ObjectiveFunction.Gradient(x =>
        {
            ct.ThrowIfCancellationRequested();
            if (count >= iterations) throw new BudgetSpent();
            var p = Clamp(x);
            var e = model.Evaluate(p, gradient: true);
            count++;
            if (double.IsFinite(e.Total) && e.Total < bestLoss)
            {
                bestLoss = e.Total;
                best = p;
            }
            onEvaluation(e, best, count);
            double value = double.IsFinite(e.Total) ? e.Total : double.MaxValue;
            return (value, Vector<double>.Build.DenseOfArray(e.Gradient!));
        });
        // The line search of a PINN loss often fails long before the budget is spent (measured: after 107 of 1500
        // evaluations on the 2.5 um example while the loss was still falling); restart from the best point with a
        // fresh curvature memory until the budget is spent or a restart gains nothing.
        while (count < iterations)
        {
            double before = bestLoss;
            var minimizer = new LimitedMemoryBfgsMinimizer(1e-14, 1e-14, 1e-15, memory: 30, maximumIterations: iterations - count);
            try
            {
                minimizer.FindMinimum(objective, Vector<double>.Build.DenseOfArray(best));
            }
            catch (Exception ex) when (ex is BudgetSpent or MaximumIterationsException or OptimizationException or ArgumentException or InvalidOperationException)
            {
                // Budget spent, iteration limit or a failed line search: the best point so far stands.
            }
            if (!(bestLoss < before * (1 - 1e-9))) break;
        }
        return best;
    }

    /// <summary>Ends an L-BFGS run from inside its objective once the evaluation budget is spent.</summary>
    private sealed class BudgetSpent : Exception
    {
        public BudgetSpent()
            : base("L-BFGS evaluation budget spent")
        {
        }
    }

    private static double[] Observe(PinnLossModel model, PinnDomain domain, DataTerm term, double[] flat, double[] times)
    {
        var result = new double[times.Length];
        for (int s = 0; s < term.Segments.Length; s++)
        {
            int region = term.Segments[s].Region;
            int nodes = term.NodeWeights[s].Length;
            var (xi, _) = PinnSampling.GaussLegendre(domain.Bounds[region], domain.Bounds[region + 1], nodes);
            double[] x = times.SelectMany(_ => xi).ToArray();
            double[] t = times.SelectMany(tt => Enumerable.Repeat(tt / domain.TimeScale, nodes)).ToArray();
            double[] u = model.Field(flat, region, x, t);
            for (int m = 0; m < times.Length; m++)
            {
                for (int j = 0; j < nodes; j++) result[m] += term.NodeWeights[s][j] * u[m * nodes + j] * domain.FieldScale;
            }
        }
        return result;
    }

    private static FieldGrid SampleField(PinnLossModel model, PinnDomain domain, double[] flat)
    {
        var p = domain.At(flat.AsSpan(model.UnknownOffset));
        double length = p.End - p.Start;
        const int timeCount = 121;
        double[] tau = Enumerable.Range(0, timeCount).Select(j => j / (double)(timeCount - 1)).ToArray();
        var positions = new List<double>();
        var values = new List<double[]>();
        for (int i = 0; i < domain.RegionCount; i++)
        {
            double a = domain.Bounds[i], b = domain.Bounds[i + 1];
            int n = Math.Max(10, (int)Math.Round(80 * (b - a)));
            double[] xi = Enumerable.Range(0, n).Select(j => a + (b - a) * j / (n - 1.0)).ToArray();
            double[] x = tau.SelectMany(_ => xi).ToArray();
            double[] t = tau.SelectMany(tt => Enumerable.Repeat(tt, n)).ToArray();
            values.Add(model.Field(flat, i, x, t));
            positions.AddRange(xi.Select(z => p.Start + length * z));
        }
        var grid = new double[timeCount, positions.Count];
        for (int m = 0; m < timeCount; m++)
        {
            int column = 0;
            foreach (var v in values)
            {
                int n = v.Length / timeCount;
                for (int j = 0; j < n; j++) grid[m, column++] = v[m * n + j] * domain.FieldScale;
            }
        }
        return new FieldGrid(positions.ToArray(), tau.Select(tt => tt * domain.TimeScale).ToArray(), grid);
    }

    private static string Fingerprint(IPinnProblem spec, PinnDomain domain, PinnOptions options, double[] times, double[][] observed)
    {
        var text = new StringBuilder();
        text.Append(spec.Name).Append('|');
        foreach (var u in domain.Unknowns) text.Append(u.ToString()).Append('|');
        foreach (var (k, v) in domain.FixedValues.OrderBy(kv => kv.Key, StringComparer.Ordinal)) text.Append(k).Append('=').Append(v.ToString("R", CultureInfo.InvariantCulture)).Append('|');
        var o = options with { CheckpointDirectory = null, ReportEvery = 1, CheckpointEvery = 1 };
        text.Append(o.ToString()).Append('|').Append(o.Weights.ToString()).Append('|');
        foreach (double t in times) text.Append(t.ToString("R", CultureInfo.InvariantCulture)).Append(',');
        foreach (var series in observed) foreach (double y in series) text.Append(y.ToString("R", CultureInfo.InvariantCulture)).Append(',');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
