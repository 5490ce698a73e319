using System.Collections.Generic;
using System.CommandLine;

namespace NmrDsl.Cli;

/// <summary><c>nmrdsl check SPEC…</c>: parse and bind each spec, print its diagnostics; exit 1 on any error.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var specs = new Argument<string[]>("SPEC")
        {
            Description = "Spec files (.nmr) to check; a directory stands for every .nmr file under it.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("check",
            "Parse and bind spec files and report every diagnostic as 'path(line,col): error NMR1234: message' " +
            "on standard output, followed by a summary line. Exits 1 if any spec has an error.")
        {
            specs,
        };
        command.SetAction(parseResult => Execute(context, parseResult.GetValue(specs) ?? []));
        return command;
    }

    public static int Execute(CliContext context, IReadOnlyList<string> specArguments)
    {
        var paths = SpecFiles.Expand(specArguments);
        var counts = new DiagnosticCounts();
        foreach (var path in paths)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (!SpecFiles.TryRead(path, out var text, out var readError))
            {
                DiagnosticPrinter.Print(context.Out, [readError!], counts);
                continue;
            }
            var compilation = context.Compile(path, text);
            DiagnosticPrinter.Print(context.Out, compilation.Diagnostics, counts);
        }
        context.Out.WriteLine(DiagnosticPrinter.Summary(paths.Count, counts, "checked"));
        return counts.Errors > 0 ? ExitCodes.UserError : ExitCodes.Success;
    }
}
