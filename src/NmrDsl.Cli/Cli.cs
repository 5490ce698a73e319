using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;

namespace NmrDsl.Cli;

/// <summary>
/// The <c>nmrdsl</c> command line, callable in-process: <see cref="Run(string[], TextWriter, TextWriter)"/>
/// is what <c>Main</c> calls and what tests call with string writers.
/// </summary>
public static class Cli
{
    /// <summary>Runs nmrdsl non-interactively (no live progress) and returns its exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        => Run(args, new CliContext(stdout, stderr, interactive: false, CancellationToken.None));

    internal static int Run(string[] args, CliContext context)
    {
        // Decided before parsing so that even a failure of the parser itself honours it.
        context.Verbose = args.Contains("--verbose", StringComparer.Ordinal);
        try
        {
            var root = BuildRootCommand(context, out var verbose);
            var parseResult = root.Parse(args);
            context.Verbose |= parseResult.GetValue(verbose);
            if (parseResult.Action is ParseErrorAction)
            {
                foreach (var error in parseResult.Errors)
                {
                    context.Error.WriteLine("nmrdsl: error: " + error.Message);
                }
                var command = parseResult.CommandResult.Command;
                var commandPath = ReferenceEquals(command, root) ? root.Name : root.Name + " " + command.Name;
                context.Error.WriteLine("Run '" + commandPath + " --help' for usage.");
                return ExitCodes.UserError;
            }
            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            context.Error.WriteLine("nmrdsl: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            ReportInternalError(context, ex);
            return ExitCodes.InternalError;
        }
    }

    /// <summary>Prints <c>nmrdsl: internal error: message</c>, and the stack trace only with --verbose.</summary>
    internal static void ReportInternalError(CliContext context, Exception ex, string? what = null)
    {
        var inner = Unwrap(ex);
        context.Error.WriteLine("nmrdsl: internal error: " + (what is null ? string.Empty : what + ": ") + inner.Message);
        if (context.Verbose) context.Error.WriteLine(inner.ToString());
        else context.Error.WriteLine("(run with --verbose for details)");
    }

    internal static Exception Unwrap(Exception ex)
    {
        while (ex is TargetInvocationException { InnerException: { } inner }) ex = inner;
        return ex;
    }

    /// <summary>The version printed by <c>--version</c>: the CLI assembly's informational version.</summary>
    public static string Version
    {
        get
        {
            var assembly = typeof(Cli).Assembly;
            return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString()
                ?? "0.0.0";
        }
    }

    internal static Command BuildRootCommand(CliContext context, out Option<bool> verbose)
    {
        verbose = new Option<bool>("--verbose")
        {
            Description = "Show stack traces on internal errors, C# compiler warnings and timings.",
            Recursive = true,
        };

        // A plain Command named "nmrdsl" rather than RootCommand, whose name is the host
        // executable's (testhost, dotnet) and would show up in help and messages.
        var root = new Command("nmrdsl",
            "nmrdsl: check, generate, describe, run and fit NmrDsl magnetic-resonance spec files (.nmr).\n" +
            "Exit codes: 0 success, 1 user error (bad spec, bad --set, missing file), 2 internal error.");
        root.Options.Add(new HelpOption { Recursive = true });
        root.Options.Add(new VersionOption { Action = new VersionAction() });
        root.Options.Add(verbose);
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(GenerateCommand.Create(context));
        root.Subcommands.Add(DescribeCommand.Create(context));
        root.Subcommands.Add(RunCommand.Create(context));
        root.Subcommands.Add(FitCommand.Create(context));
        root.Subcommands.Add(SimulateCommand.Create(context));
        root.Subcommands.Add(DatasetCommand.Create(context));
        root.Subcommands.Add(IdentifiabilityCommand.Create(context));
        root.Subcommands.Add(DescriptorsCommand.Create(context));
        root.Subcommands.Add(TrainCommand.Create(context));
        root.Subcommands.Add(PredictCommand.Create(context));

        foreach (var option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction help } && !context.Interactive) help.MaxWidth = 100;
        }

        // `nmrdsl` alone: show the help, but as a usage error.
        root.SetAction(parseResult =>
        {
            var help = root.Options.OfType<HelpOption>().Select(o => o.Action).OfType<HelpAction>().FirstOrDefault() ?? new HelpAction();
            help.Invoke(parseResult);
            return ExitCodes.UserError;
        });
        return root;
    }

    private sealed class VersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            (parseResult.InvocationConfiguration.Output ?? Console.Out).WriteLine(Version);
            return ExitCodes.Success;
        }
    }
}
