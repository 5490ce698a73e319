using System;
using System.IO;
using System.Threading;
using NmrDsl.Generators;
using Spectre.Console;

namespace NmrDsl.Cli;

/// <summary>
/// Where a command writes and what it may assume about its terminal. Commands never touch
/// <see cref="Console"/> directly, so that tests can run them in-process with string writers.
/// </summary>
internal sealed class CliContext
{
    public CliContext(TextWriter stdout, TextWriter stderr, bool interactive, CancellationToken cancellationToken)
    {
        Out = stdout;
        Error = stderr;
        Interactive = interactive;
        CancellationToken = cancellationToken;
    }

    /// <summary>The command's product: diagnostics, describe JSON, tables, written files.</summary>
    public TextWriter Out { get; }

    /// <summary>Messages about nmrdsl itself: usage errors, internal errors, stack traces.</summary>
    public TextWriter Error { get; }

    /// <summary>True when <see cref="Out"/> is a terminal and <c>CI</c> is not set: live progress allowed.</summary>
    public bool Interactive { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Set from <c>--verbose</c>: stack traces, C# warnings, timings.</summary>
    public bool Verbose { get; set; }

    /// <summary>The front end (a seam for tests).</summary>
    public Func<string, string, SpecCompilation> Compile { get; set; } = static (path, text) => NmrCompiler.Compile(path, text);

    /// <summary>A Spectre console over <see cref="Out"/>: ANSI and live display only when interactive.</summary>
    public IAnsiConsole CreateConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = Interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(Out),
        });
        if (!Interactive) console.Profile.Width = 160; // logs and pipes: do not wrap file paths
        return console;
    }
}
