using NmrDsl.Generators;

namespace NmrDsl.Cli;

/// <summary>The first step every spec command shares: read the file, run the front end, print its diagnostics.</summary>
internal static class SpecCompilationStep
{
    /// <summary>
    /// Reads and compiles <paramref name="spec"/>, printing every diagnostic; on a read error or any error diagnostic it
    /// prints the summary with <paramref name="nothingDone"/> (e.g. "nothing fitted") and returns false (exit 1).
    /// </summary>
    public static bool TryCompile(CliContext context, string spec, string nothingDone, out SpecCompilation compilation)
    {
        compilation = null!;
        if (!SpecFiles.TryRead(spec, out var text, out var readError))
        {
            context.Out.WriteLine(DiagnosticPrinter.Format(readError!));
            return false;
        }
        compilation = context.Compile(spec, text);
        var counts = new DiagnosticCounts();
        DiagnosticPrinter.Print(context.Out, compilation.Diagnostics, counts);
        if (counts.Errors > 0)
        {
            context.Out.WriteLine(DiagnosticPrinter.Summary(1, counts, "checked") + "; " + nothingDone);
            return false;
        }
        return true;
    }
}
