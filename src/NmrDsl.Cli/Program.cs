using System;
using System.Text;
using System.Threading;

namespace NmrDsl.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        // First Ctrl+C asks the running job to stop (exit 130); a second one kills the process.
        Console.CancelKeyPress += (_, e) =>
        {
            if (cancellation.IsCancellationRequested) return;
            e.Cancel = true;
            cancellation.Cancel();
        };
        try
        {
            if (!Console.IsOutputRedirected) Console.OutputEncoding = Encoding.UTF8;
        }
        catch (Exception ex) when (ex is System.IO.IOException or PlatformNotSupportedException)
        {
            // Keep the terminal's encoding.
        }

        bool interactive = !Console.IsOutputRedirected
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        var context = new CliContext(Console.Out, Console.Error, interactive, cancellation.Token);
        return Cli.Run(args, context);
    }
}
