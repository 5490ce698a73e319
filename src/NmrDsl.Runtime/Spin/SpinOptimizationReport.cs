using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using NmrDsl.Runtime.IO;
using NmrDsl.Runtime.Plotting;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// Runs an <c>optimize</c> block (<c>nmrdsl run</c>, job kind "optimization"): GRAPE with
/// <see cref="PulseOptimizer"/> one restart at a time (restart 0 from the declared pulse, restart r ≥ 1 from a
/// random pulse drawn with seed + r), a checkpoint every <see cref="CheckpointEvery"/> evaluations and after each
/// restart (a run that finds its own checkpoint resumes from it), and the report: pulse.csv/png, history.csv/png,
/// spectrum_before/after.csv/png, comparison.csv/png and result.json, each written atomically.
/// </summary>
public static class SpinOptimizationReport
{
    /// <summary>Objective evaluations between checkpoints.</summary>
    public const int CheckpointEvery = 10;

    /// <summary>L-BFGS gradient tolerance relative to the gradient norm at the declared pulse (see the scaling in <see cref="Run"/>).</summary>
    public const double RelativeGradientTolerance = 2e-4;

    /// <summary>Runs the optimisation and writes the report into the context's output folder.</summary>
    public static JobResult Run(JobContext context, SpinOptimizationSetup setup)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(setup);
        setup.Validate();
        string dir = context.OutputDirectory;
        Directory.CreateDirectory(dir);
        var clock = Stopwatch.StartNew();
        IPulseObjective objective = setup.Objective();
        ShapedPulse initial = setup.InitialPulse();
        double[] u0 = initial.XHz.Concat(initial.YHz).ToArray();
        var gradient0 = new double[u0.Length];
        double before = objective.Evaluate(u0, gradient0);
        // MathNet's L-BFGS takes a first trial step of length 100·tol/|g| along the gradient g in the
        // AmplitudeLimit variables v (|∂Φ/∂v| ≈ A|∂Φ/∂u| near v = 0) and stops when |g| < tol. Scaling Φ by
        // c = 1/(A|∂Φ/∂u(u₀)|) and using tol = RelativeGradientTolerance makes that first step 0.02 in v (the line
        // search then doubles it a few times) and the stopping test relative to the initial gradient (unscaled,
        // contrast gradients are ~1e-5 and the first step ~1e-6: ~20 evaluations were spent doubling it; with
        // tol = 5e-3 runs stopped once a suppressed term's large initial gradient was gone). Maximiser and
        // recorded values are those of Φ.
        double gradientNorm = Math.Sqrt(gradient0.Sum(g => g * g));
        double scale = gradientNorm > 0 ? 1 / (setup.Options.MaxAmplitudeHz * gradientNorm) : 1;
        string fingerprint = GrapeCheckpoint.FingerprintOf(setup, initial);
        GrapeCheckpoint? resumed = GrapeCheckpoint.Load(dir, fingerprint);
        var state = resumed ?? new GrapeCheckpoint(fingerprint, 0, double.NegativeInfinity, u0, null, [], [], [], []);
        if (resumed is not null) context.Log.WriteLine($"{setup.Name}: resuming from {GrapeCheckpoint.FileName} ({resumed.CompletedRestarts} of {setup.Options.Restarts} restarts done, {resumed.HistoryValues.Length} evaluations)");
        var history = state.HistoryValues.ToList();
        var historyRestarts = state.HistoryRestarts.ToList();
        var restartValues = state.RestartValues.ToList();
        var reasons = state.ExitReasons.ToList();
        for (int restart = state.CompletedRestarts; restart < setup.Options.Restarts; restart++)
        {
            // Restart 0 starts from the declared pulse, later ones from seeded random pulses; a run interrupted
            // mid-restart continues from the best controls its checkpoint saved.
            double[]? start = restart == state.CompletedRestarts && state.RunControls is { } run ? run : restart == 0 ? u0 : null;
            int r = restart;
            GrapeCheckpoint completed = state;
            RecordingObjective? recorder = null;
            recorder = new RecordingObjective(objective, (value, evaluations, runBest) =>
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                history.Add(value);
                historyRestarts.Add(r);
                bool runIsBest = recorder!.RunBestValue > completed.BestValue;
                double best = Math.Max(completed.BestValue, recorder.RunBestValue);
                double fraction = (r + Math.Min(1.0, (double)evaluations / setup.Options.MaxIterations)) / setup.Options.Restarts;
                context.Progress?.Report(new JobProgress("GRAPE", fraction, string.Create(CultureInfo.InvariantCulture, $"restart {r + 1}/{setup.Options.Restarts}, evaluation {evaluations}, objective {value:G6}, best {best:G6}")));
                if (evaluations % CheckpointEvery != 0) return;
                (completed with
                {
                    BestValue = best,
                    BestControls = runIsBest ? runBest : completed.BestControls,
                    RunControls = runBest,
                    HistoryValues = history.ToArray(),
                    HistoryRestarts = historyRestarts.ToArray(),
                }).Save(dir);
            });
            var options = setup.Options with { Restarts = 1, Seed = setup.Options.Seed + restart, GradientTolerance = RelativeGradientTolerance };
            PulseOptimizationResult result = PulseOptimizer.Maximize(new ScaledObjective(recorder, scale), options, start);
            result = result with { Value = result.Value / scale };
            restartValues.Add(result.Value);
            reasons.Add(result.ExitReasons[0]);
            bool improved = result.Value > state.BestValue;
            state = state with
            {
                CompletedRestarts = restart + 1,
                BestValue = improved ? result.Value : state.BestValue,
                BestControls = improved ? result.Controls : state.BestControls,
                RunControls = null,
                HistoryValues = history.ToArray(),
                HistoryRestarts = historyRestarts.ToArray(),
                RestartValues = restartValues.ToArray(),
                ExitReasons = reasons.ToArray(),
            };
            state.Save(dir);
            context.Log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{setup.Name}: restart {restart + 1}/{setup.Options.Restarts}: objective {result.Value:G6} ({result.ExitReasons[0]})"));
        }

        double after = objective.Evaluate(state.BestControls, new double[u0.Length]);
        int m = initial.Steps;
        var optimized = new ShapedPulse(initial.StepSeconds, state.BestControls.Take(m).ToArray(), state.BestControls.Skip(m).ToArray());
        double optimizeSeconds = clock.Elapsed.TotalSeconds;
        var files = new List<string>();
        files.AddRange(WritePulse(dir, setup.Name, initial, optimized));
        files.AddRange(WriteHistory(dir, setup.Name, history, historyRestarts));
        files.AddRange(WriteSpectrum(dir, "spectrum_before", setup.Name + ": declared pulse", setup.Terms, setup.Sequence));
        files.AddRange(WriteSpectrum(dir, "spectrum_after", setup.Name + ": optimised pulse", setup.Terms, setup.WithPulse(optimized)));
        var rows = new List<(string Label, PulseSequence Sequence, PulseSequence? Subtracted)>();
        rows.AddRange(setup.Compare.Select(c => (c.Label, c.Sequence, c.Subtracted)));
        rows.Add(("declared pulse", setup.Sequence, null));
        rows.Add(("optimized", setup.WithPulse(optimized), null));
        var comparison = rows.Select(row => (row.Label, Row: ContrastMetric.Row(setup.Terms, row.Sequence, row.Subtracted))).ToList();
        files.AddRange(WriteComparison(dir, setup, comparison));
        var summary = new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["objective_before"] = before,
            ["objective_after"] = after,
            ["evaluations"] = history.Count,
            ["restarts"] = setup.Options.Restarts,
            ["steps"] = m,
            ["step_s"] = initial.StepSeconds,
            ["max_amplitude_Hz"] = Enumerable.Range(0, m).Max(j => Math.Sqrt((optimized.XHz[j] * optimized.XHz[j]) + (optimized.YHz[j] * optimized.YHz[j]))),
            ["limit_Hz"] = setup.Options.MaxAmplitudeHz,
            ["ensemble_members"] = setup.Ensemble?.Count ?? 1,
            ["wall_time_s"] = clock.Elapsed.TotalSeconds,
            ["optimization_wall_time_s"] = optimizeSeconds,
        };
        foreach (var (label, row) in comparison) summary["contrast_" + Key(label)] = row.Contrast;
        string json = Path.Combine(dir, "result.json");
        ResultJson.Write(json, new
        {
            optimization = setup.Name,
            method = "GRAPE (exact Fréchet gradients, Hilbert space) with L-BFGS",
            resumed_from_checkpoint = resumed is not null,
            objective = setup.Terms.Select(t => new { system = t.Name, low_ppm = t.LowPpm, high_ppm = t.HighPpm, weight = t.Weight, form = t.Suppress ? "-w*area^2" : "+w*area" }).ToArray(),
            rf_penalty_per_Hz2_s = setup.PenaltyWeight,
            ensemble = (setup.Ensemble ?? [EnsembleMember.Nominal]).Select(e => new { b0_offset_Hz = e.B0OffsetHz, b1_scale = e.B1Scale, weight = e.Weight }).ToArray(),
            restart_values = restartValues,
            exit_reasons = reasons,
            comparison = comparison.Select(c => new { sequence = c.Label, contrast = c.Row.Contrast, areas = setup.Terms.Select((t, i) => new { system = t.Name, magnitude = c.Row.Terms[i].Magnitude, real = c.Row.Terms[i].Real }).ToArray() }).ToArray(),
            summary,
            files = files.Select(Path.GetFileName).Append(GrapeCheckpoint.FileName).ToArray(),
        });
        files.Add(json);
        files.Add(Path.Combine(dir, GrapeCheckpoint.FileName));
        return new JobResult(setup.Name, summary, files);
    }

    // "GluMegaOn - GluMegaOff" → "GluMegaOn_minus_GluMegaOff"
    private static string Key(string label) => new string(label.Replace(" - ", "_minus_", StringComparison.Ordinal).Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());

    private static IEnumerable<string> WritePulse(string dir, string name, ShapedPulse initial, ShapedPulse optimized)
    {
        int m = optimized.Steps;
        double[] t = Enumerable.Range(0, m).Select(j => (j + 0.5) * optimized.StepSeconds).ToArray();
        double[] amplitude = Enumerable.Range(0, m).Select(j => Math.Sqrt((optimized.XHz[j] * optimized.XHz[j]) + (optimized.YHz[j] * optimized.YHz[j]))).ToArray();
        double[] phase = Enumerable.Range(0, m).Select(j => Math.Atan2(optimized.YHz[j], optimized.XHz[j]) * 180 / Math.PI).ToArray();
        double[] initialAmplitude = Enumerable.Range(0, m).Select(j => Math.Sqrt((initial.XHz[j] * initial.XHz[j]) + (initial.YHz[j] * initial.YHz[j]))).ToArray();
        string csv = Path.Combine(dir, "pulse.csv"), png = Path.Combine(dir, "pulse.png");
        CsvWriter.WriteColumns(csv, ["t", "x_Hz", "y_Hz", "amplitude_Hz", "phase_deg", "initial_x_Hz", "initial_y_Hz"],
            [t, optimized.XHz.ToArray(), optimized.YHz.ToArray(), amplitude, phase, initial.XHz.ToArray(), initial.YHz.ToArray()]);
        double[] ms = t.Select(x => x * 1e3).ToArray();
        LinePlot.Save(png, name + ": RF pulse", "t (ms)", "nutation amplitude (Hz)",
            [new PlotSeries("optimised |u|", ms, amplitude), new PlotSeries("optimised u_x", ms, optimized.XHz.ToArray()), new PlotSeries("optimised u_y", ms, optimized.YHz.ToArray()), new PlotSeries("declared |u|", ms, initialAmplitude)]);
        return [csv, png];
    }

    private static IEnumerable<string> WriteHistory(string dir, string name, List<double> values, List<int> restarts)
    {
        string csv = Path.Combine(dir, "history.csv"), png = Path.Combine(dir, "history.png");
        double[] evaluation = Enumerable.Range(1, values.Count).Select(i => (double)i).ToArray();
        var best = new double[values.Count];
        for (int i = 0; i < values.Count; i++) best[i] = Math.Max(values[i], i > 0 ? best[i - 1] : double.NegativeInfinity);
        CsvWriter.WriteColumns(csv, ["evaluation", "restart", "objective", "best"], [evaluation, restarts.Select(r => (double)r).ToArray(), values.ToArray(), best]);
        if (values.Count > 0)
        {
            LinePlot.Save(png, name + ": objective per evaluation", "objective evaluation", "objective (signal per spin)", [new PlotSeries("objective", evaluation, values.ToArray()) { Markers = true }, new PlotSeries("best so far", evaluation, best)]);
        }

        return values.Count > 0 ? [csv, png] : [csv];
    }

    private static IEnumerable<string> WriteSpectrum(string dir, string stem, string title, IReadOnlyList<ContrastTerm> terms, PulseSequence sequence)
    {
        var systems = terms.GroupBy(t => t.Name, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var spectra = systems.Select(t => ContrastMetric.SpectrumOf(t.System, sequence)).ToList();
        int[] order = Enumerable.Range(0, spectra[0].Ppm.Length).OrderBy(k => spectra[0].Ppm[k]).ToArray();
        double[] ppm = order.Select(k => spectra[0].Ppm[k]).ToArray();
        var header = new List<string> { "ppm" };
        var columns = new List<IReadOnlyList<double>> { ppm };
        var series = new List<PlotSeries>();
        for (int s = 0; s < systems.Count; s++)
        {
            double[] re = order.Select(k => spectra[s].Values[k].Real).ToArray();
            header.Add(systems[s].Name + "_re");
            header.Add(systems[s].Name + "_im");
            columns.Add(re);
            columns.Add(order.Select(k => spectra[s].Values[k].Imaginary).ToArray());
            series.Add(new PlotSeries(systems[s].Name, ppm, re));
        }

        string csv = Path.Combine(dir, stem + ".csv"), png = Path.Combine(dir, stem + ".png");
        CsvWriter.WriteColumns(csv, header, columns);
        LinePlot.Save(png, title, "chemical shift (ppm)", "Re S (Hz^-1)", series);
        return [csv, png];
    }

    private static IEnumerable<string> WriteComparison(string dir, SpinOptimizationSetup setup, List<(string Label, (IReadOnlyList<(double Magnitude, double Real)> Terms, double Contrast) Row)> rows)
    {
        string csv = Path.Combine(dir, "comparison.csv"), png = Path.Combine(dir, "comparison.png");
        var header = new List<string> { "sequence" };
        foreach (ContrastTerm t in setup.Terms) header.AddRange([t.Name + "_magnitude", t.Name + "_real"]);
        header.Add("contrast");
        AtomicFile.WriteText(csv, w =>
        {
            w.Write(string.Join(",", header.Select(CsvWriter.Quote)) + "\n");
            foreach (var (label, row) in rows)
            {
                w.Write(CsvWriter.Quote(label));
                foreach ((double magnitude, double real) in row.Terms) w.Write("," + CsvWriter.Format(magnitude) + "," + CsvWriter.Format(real));
                w.Write("," + CsvWriter.Format(row.Contrast) + "\n");
            }
        });
        ContrastTerm signal = setup.Terms.First(t => !t.Suppress);
        ContrastTerm? background = setup.Terms.FirstOrDefault(t => t.Suppress);
        string what = background is null ? signal.Name : signal.Name + "/" + background.Name;
        BarPlot.Save(png, setup.Name + ": contrast " + what + string.Create(CultureInfo.InvariantCulture, $" over {signal.LowPpm}-{signal.HighPpm} ppm"), "log10 contrast (magnitude integrals)",
            rows.Select(r => r.Label).ToArray(), rows.Select(r => Math.Log10(r.Row.Contrast)).ToArray());
        return [csv, png];
    }

    /// <summary>c·Φ with gradient c·∇Φ (c &gt; 0: same maximiser).</summary>
    private sealed class ScaledObjective(IPulseObjective inner, double scale) : IPulseObjective
    {
        public int Steps => inner.Steps;

        public double StepSeconds => inner.StepSeconds;

        public double Evaluate(ReadOnlySpan<double> controls, Span<double> gradient)
        {
            double value = scale * inner.Evaluate(controls, gradient);
            for (int i = 0; i < gradient.Length; i++) gradient[i] *= scale;
            return value;
        }
    }

    /// <summary>Forwards to an objective, tracking the best controls of the current run and reporting (value, evaluations, run best) after each evaluation.</summary>
    private sealed class RecordingObjective(IPulseObjective inner, Action<double, int, double[]> onValue) : IPulseObjective
    {
        private int _evaluations;

        public int Steps => inner.Steps;

        public double StepSeconds => inner.StepSeconds;

        public double RunBestValue { get; private set; } = double.NegativeInfinity;

        private double[] RunBest { get; set; } = [];

        public double Evaluate(ReadOnlySpan<double> controls, Span<double> gradient)
        {
            double value = inner.Evaluate(controls, gradient);
            _evaluations++;
            if (value > RunBestValue)
            {
                RunBestValue = value;
                RunBest = controls.ToArray();
            }

            onValue(value, _evaluations, RunBest);
            return value;
        }
    }
}
