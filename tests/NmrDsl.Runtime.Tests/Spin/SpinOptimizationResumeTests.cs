using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using NmrDsl.Runtime.Spin;

namespace NmrDsl.Runtime.Tests.Spin;

// Checkpoint and resume of an optimize run (SpinOptimizationReport): a run cancelled after 12 objective evaluations
// leaves checkpoint.json (written every 10) with the run's best controls; the next run in the same folder resumes
// from it, keeps the first 10 recorded evaluations and finishes.
public sealed class SpinOptimizationResumeTests
{
    private sealed class CancelAfter(CancellationTokenSource source, int reports) : IProgress<JobProgress>
    {
        private int _count;

        public void Report(JobProgress value)
        {
            if (++_count == reports) source.Cancel();
        }
    }

    private static SpinOptimizationSetup Setup()
    {
        var acquisition = new Acquisition(256, 2000, 2, 0);
        var pulse = SincGaussianPulse.Create(0.01, 10, 90, phaseRadians: Math.PI / 2);
        var terms = new[]
        {
            new ContrastTerm("A", SpinTestHelpers.Protons(2.89, 4.65, [("H", 2.0)]), 1.9, 2.1, 1, false),
            new ContrastTerm("B", SpinTestHelpers.Protons(2.89, 4.65, [("H", 3.0)]), 2.9, 3.1, 5, true),
        };
        return new SpinOptimizationSetup("Resume", new PulseSequence([pulse], acquisition), 0, terms, 0, null, new PulseOptimizerOptions(500, Restarts: 2, MaxIterations: 20, Seed: 2), []);
    }

    [Fact]
    public void CancelledRunResumesFromItsCheckpoint()
    {
        string dir = Path.Combine(Path.GetTempPath(), "nmrdsl-resume-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var source = new CancellationTokenSource();
            var first = new JobContext(dir) { CancellationToken = source.Token, Progress = new CancelAfter(source, 12) };
            Assert.ThrowsAny<Exception>(() => SpinOptimizationReport.Run(first, Setup()));
            using (var checkpoint = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, GrapeCheckpoint.FileName))))
            {
                Assert.Equal(0, checkpoint.RootElement.GetProperty("CompletedRestarts").GetInt32());
                Assert.Equal(10, checkpoint.RootElement.GetProperty("HistoryValues").GetArrayLength());
                Assert.Equal(JsonValueKind.Array, checkpoint.RootElement.GetProperty("RunControls").ValueKind);
            }

            double[] saved = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, GrapeCheckpoint.FileName))).RootElement.GetProperty("HistoryValues").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var log = new StringWriter();
            JobResult result = SpinOptimizationReport.Run(new JobContext(dir) { Log = log }, Setup());
            Assert.Contains("resuming from checkpoint.json (0 of 2 restarts done, 10 evaluations)", log.ToString(), StringComparison.Ordinal);
            double[] history = File.ReadAllLines(Path.Combine(dir, "history.csv")).Skip(1).Select(l => double.Parse(l.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.True(history.Length > 10);
            Assert.Equal(saved, history.Take(10).ToArray());
            Assert.True(result.Summary["objective_after"] >= saved.Max());
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
