namespace NmrDsl.Cli;

/// <summary>The process exit codes of <c>nmrdsl</c> (a stable contract, see docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;

    /// <summary>The user's input is wrong: a spec with errors, a bad <c>--set</c>, a missing file, a bad option.</summary>
    public const int UserError = 1;

    /// <summary>A bug in nmrdsl, the emitter or the runtime (e.g. generated C# that does not compile).</summary>
    public const int InternalError = 2;

    /// <summary>Interrupted (Ctrl+C), the conventional 128 + SIGINT.</summary>
    public const int Cancelled = 130;
}
