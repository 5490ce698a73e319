using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using NmrDsl.Runtime;
using Spectre.Console;

namespace NmrDsl.Cli;

/// <summary>
/// Shows <see cref="JobProgress"/> reports synchronously (never posts to a thread pool, so the
/// order of lines is the order of reports). Thread-safe: jobs may report from worker threads.
/// </summary>
internal abstract class ProgressReporter : IProgress<JobProgress>
{
    protected object Gate { get; } = new();

    public void Report(JobProgress value)
    {
        if (string.IsNullOrWhiteSpace(value.Stage) || double.IsNaN(value.Fraction)) return;
        var fraction = Math.Clamp(value.Fraction, 0.0, 1.0);
        lock (Gate)
        {
            OnReport(value.Stage.Trim(), fraction, value.Detail);
        }
    }

    protected abstract void OnReport(string stage, double fraction, string? detail);

    /// <summary>Marks every stage finished (the job returned).</summary>
    public abstract void Complete();

    internal static string Percent(double fraction)
        => (fraction * 100.0).ToString("0", CultureInfo.InvariantCulture) + "%";
}

/// <summary>
/// For logs, pipes and CI: one plain line per stage start, per stage end, and at most one in
/// between every <see cref="Interval"/> — <c>[solve] 40% t = 1.2 s</c>.
/// </summary>
internal sealed class PlainProgressReporter : ProgressReporter
{
    private readonly TextWriter _writer;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, (long Timestamp, double Fraction, bool Done)> _stages = new(StringComparer.Ordinal);

    public PlainProgressReporter(TextWriter writer, TimeSpan? interval = null, TimeProvider? time = null)
    {
        _writer = writer;
        _time = time ?? TimeProvider.System;
        Interval = interval ?? TimeSpan.FromSeconds(2);
    }

    public TimeSpan Interval { get; }

    protected override void OnReport(string stage, double fraction, string? detail)
    {
        long now = _time.GetTimestamp();
        bool print;
        if (!_stages.TryGetValue(stage, out var last))
        {
            print = true;
        }
        else if (last.Done)
        {
            print = false;
        }
        else if (fraction >= 1.0)
        {
            print = true;
        }
        else
        {
            print = fraction != last.Fraction && _time.GetElapsedTime(last.Timestamp, now) >= Interval;
        }
        if (!print) return;
        _stages[stage] = (now, fraction, fraction >= 1.0);
        _writer.WriteLine(Line(stage, fraction, detail));
    }

    public override void Complete()
    {
        lock (Gate)
        {
            foreach (var (stage, state) in _stages)
            {
                if (!state.Done) _writer.WriteLine(Line(stage, 1.0, "done"));
            }
            _stages.Clear();
        }
    }

    internal static string Line(string stage, double fraction, string? detail)
    {
        var text = new StringBuilder().Append('[').Append(stage).Append("] ").Append(Percent(fraction));
        if (!string.IsNullOrWhiteSpace(detail)) text.Append(' ').Append(detail.Trim());
        return text.ToString();
    }
}

/// <summary>A Spectre.Console progress display with one bar per stage (interactive terminals only).</summary>
internal sealed class SpectreProgressReporter : ProgressReporter
{
    private readonly ProgressContext _context;
    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);

    public SpectreProgressReporter(ProgressContext context) => _context = context;

    protected override void OnReport(string stage, double fraction, string? detail)
    {
        if (!_tasks.TryGetValue(stage, out var task))
        {
            task = _context.AddTask(Markup.Escape(stage), autoStart: true, maxValue: 1.0);
            _tasks.Add(stage, task);
        }
        task.Value = fraction;
        task.Description = string.IsNullOrWhiteSpace(detail)
            ? Markup.Escape(stage)
            : Markup.Escape(stage) + " [grey]" + Markup.Escape(detail.Trim()) + "[/]";
    }

    public override void Complete()
    {
        lock (Gate)
        {
            foreach (var task in _tasks.Values)
            {
                task.Value = task.MaxValue;
                task.StopTask();
            }
        }
    }
}

/// <summary>A <see cref="TextWriter"/> that hands complete lines to a callback (job logs → console).</summary>
internal sealed class LineWriter : TextWriter
{
    private readonly Action<string> _onLine;
    private readonly StringBuilder _buffer = new();
    private readonly object _gate = new();

    public LineWriter(Action<string> onLine) : base(CultureInfo.InvariantCulture) => _onLine = onLine;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (value == '\n')
            {
                EmitLocked();
            }
            else if (value != '\r')
            {
                _buffer.Append(value);
            }
        }
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        lock (_gate)
        {
            foreach (var c in value)
            {
                if (c == '\n') EmitLocked();
                else if (c != '\r') _buffer.Append(c);
            }
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Flush()
    {
        lock (_gate)
        {
            if (_buffer.Length > 0) EmitLocked();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Flush();
        base.Dispose(disposing);
    }

    private void EmitLocked()
    {
        var line = _buffer.ToString();
        _buffer.Clear();
        _onLine(line);
    }
}
