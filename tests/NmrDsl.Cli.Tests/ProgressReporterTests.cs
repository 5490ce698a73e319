using System;
using System.Collections.Generic;
using System.IO;
using NmrDsl.Runtime;

namespace NmrDsl.Cli.Tests;

public class ProgressReporterTests
{
    private sealed class ManualTime : TimeProvider
    {
        public long Ticks { get; set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Ticks;

        public void Advance(TimeSpan by) => Ticks += by.Ticks;
    }

    [Fact]
    public void Plain_reporter_throttles_lines_per_stage()
    {
        var time = new ManualTime();
        using var writer = new StringWriter();
        var reporter = new PlainProgressReporter(writer, TimeSpan.FromSeconds(2), time);

        reporter.Report(new JobProgress("mesh", 0.0));          // printed: first report of a stage
        reporter.Report(new JobProgress("solve", 0.1, "t=0"));  // printed
        reporter.Report(new JobProgress("solve", 0.2));         // throttled
        time.Advance(TimeSpan.FromSeconds(3));
        reporter.Report(new JobProgress("solve", 0.42, " t = 1.2 s "));   // printed: interval passed
        reporter.Report(new JobProgress("solve", 1.5));         // printed: done (clamped)
        reporter.Report(new JobProgress("solve", 1.0));         // already done
        reporter.Report(new JobProgress("", 0.5));              // ignored
        reporter.Report(new JobProgress("solve", double.NaN));  // ignored
        reporter.Complete();                                    // mesh never finished: closed here

        var lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["[mesh] 0%", "[solve] 10% t=0", "[solve] 42% t = 1.2 s", "[solve] 100%", "[mesh] 100% done"], lines);
    }

    [Fact]
    public void Line_writer_emits_complete_lines_and_flushes_the_rest()
    {
        var lines = new List<string>();
        using (var writer = new LineWriter(lines.Add))
        {
            writer.Write("a");
            writer.Write("b\r\nc\n");
            writer.WriteLine("d");
            writer.Write('e');
        }
        Assert.Equal(["ab", "c", "d", "e"], lines);
    }
}
