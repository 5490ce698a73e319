using System;
using System.Diagnostics;
using System.Linq;

namespace NmrDsl.Benchmarks;

/// <summary>Median wall time of repeated runs after warm-up (a small harness: the quantities here take ms to s).</summary>
internal static class Measure
{
    public static double MedianSeconds(Action action, int warmup, int repetitions)
    {
        for (int i = 0; i < warmup; i++) action();
        var times = new double[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times[i] = clock.Elapsed.TotalSeconds;
        }
        Array.Sort(times);
        return times[repetitions / 2];
    }

    public static long AllocatedBytes(Action action)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    public static double Median(double[] values) => values.OrderBy(v => v).ElementAt(values.Length / 2);
}
