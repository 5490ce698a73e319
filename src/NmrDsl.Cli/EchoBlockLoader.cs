using System;
using System.Collections.Generic;
using System.Linq;
using NmrDsl.Generators;
using NmrDsl.Runtime.Echo;

namespace NmrDsl.Cli;

/// <summary>
/// The front half of every command that works on one echo block (<c>dataset</c>, <c>identifiability</c>): compile the
/// spec (diagnostics printed), pick the echo block (<c>--block</c> when there are several), compile the generated C# in
/// memory and instantiate the block's class as an <see cref="IEchoSpec"/>.
/// </summary>
internal static class EchoBlockLoader
{
    /// <summary>A loaded echo block; disposing unloads the compiled spec.</summary>
    internal sealed class Loaded(SpecAssembly assembly, IEchoSpec echo, IReadOnlyList<DeclarationInfo> declarations) : IDisposable
    {
        public IEchoSpec Echo { get; } = echo;

        /// <summary>The spec's declarations (for --set).</summary>
        public IReadOnlyList<DeclarationInfo> Declarations { get; } = declarations;

        public void Dispose() => assembly.Dispose();
    }

    /// <summary>
    /// Loads the echo block, or returns null with the exit code in <paramref name="failure"/> after printing why
    /// (<paramref name="command"/> names the command in the messages, <paramref name="nothingDone"/> ends the summary of a spec with errors).
    /// </summary>
    public static Loaded? TryLoad(CliContext context, string spec, string? block, string command, string nothingDone, out int failure)
    {
        failure = ExitCodes.UserError;
        if (!SpecCompilationStep.TryCompile(context, spec, nothingDone, out var compilation)) return null;
        var candidates = compilation.Jobs
            .Where(j => string.Equals(j.Kind, SimulateCommand.JobKind, StringComparison.Ordinal))
            .Where(j => compilation.Declarations.Any(d => d.Kind == "echo" && d.Name == j.Block))
            .Where(j => block is null || string.Equals(j.Block, block, StringComparison.Ordinal))
            .ToList();
        if (candidates.Count != 1)
        {
            string message = candidates.Count == 0
                ? block is null ? "the spec declares no echo block (nmrdsl " + command + " needs one; see docs/language-echo.md)" : "the spec declares no echo block named '" + block + "'"
                : "the spec declares several echo blocks (" + string.Join(", ", candidates.Select(c => c.Block)) + "); choose one with --block NAME";
            context.Out.WriteLine(DiagnosticPrinter.Format(CliDiagnostics.FileError(CliDiagnostics.NoJob, spec, message)));
            return null;
        }

        var csharp = InMemoryCompiler.Compile("NmrDsl.Spec.Echo", compilation.Sources, context.CancellationToken);
        failure = ExitCodes.InternalError;
        if (!csharp.Success)
        {
            foreach (var error in csharp.Errors) context.Out.WriteLine(InMemoryCompiler.Format(error, spec));
            context.Error.WriteLine("nmrdsl: internal error: the C# generated for " + spec + " does not compile; this is an NmrDsl emitter bug");
            return null;
        }
        var assembly = csharp.Load();
        if (assembly.CreateJob(candidates[0].TypeName) is not IEchoSpec echo)
        {
            assembly.Dispose();
            context.Error.WriteLine("nmrdsl: internal error: the class of echo block " + candidates[0].Block + " does not implement IEchoSpec");
            return null;
        }
        failure = ExitCodes.Success;
        return new Loaded(assembly, echo, compilation.Declarations);
    }
}
