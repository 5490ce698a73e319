using System;
using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace NmrDsl.Runtime.Tests.Learning;

/// <summary>
/// Writes a larger dataset for the measurements of docs/learning.md when NMRDSL_LEARNING_BENCH_OUT names a folder
/// (NMRDSL_LEARNING_BENCH_COUNT curves, default 2000, on an NMRDSL_LEARNING_BENCH_SIDE² lattice, default 12); does
/// nothing otherwise, so the ordinary test run stays fast.
/// </summary>
public sealed class LearningDatasetBenchmark(ITestOutputHelper output)
{
    [Fact]
    public void WritesABenchmarkDatasetWhenAsked()
    {
        string? folder = Environment.GetEnvironmentVariable("NMRDSL_LEARNING_BENCH_OUT");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        int count = int.Parse(Environment.GetEnvironmentVariable("NMRDSL_LEARNING_BENCH_COUNT") ?? "2000", CultureInfo.InvariantCulture);
        int side = int.Parse(Environment.GetEnvironmentVariable("NMRDSL_LEARNING_BENCH_SIDE") ?? "12", CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        EchoDatasetFixture.Write(folder, count, 2026, side);
        output.WriteLine($"{count} curves on {side}x{side} in {clock.Elapsed.TotalSeconds:F1} s");
    }
}
