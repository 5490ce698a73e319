using System.CommandLine;

namespace NmrDsl.Cli;

/// <summary>
/// <c>nmrdsl simulate SPEC [--set name=value]… [--out DIR] [--seed N]</c>: runs the spec's forward simulations
/// (jobs of kind "simulation": spin systems with a sequence write fid.csv and spectrum.csv, echo blocks echo.csv),
/// exactly as <c>nmrdsl run</c> runs them.
/// </summary>
internal static class SimulateCommand
{
    public const string JobKind = "simulation";

    public static Command Create(CliContext context)
    {
        var spec = new Argument<string>("SPEC") { Description = "The spec file (.nmr) to simulate." };
        var set = new Option<string[]>("--set")
        {
            Description = "Override a declared value, in any unit of the same dimension (--set B0=\"7 T\"). Repeatable.",
            HelpName = "name=value",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string?>("--out", "-o") { Description = "Folder for the output files [default: out/<spec name>].", HelpName = "DIR" };
        var seed = new Option<int>("--seed") { Description = "Seed for every stochastic step.", HelpName = "N", DefaultValueFactory = _ => 0 };
        var command = new Command("simulate",
            "Run a spec's forward simulation(s): fid.csv (t,re,im) and spectrum.csv (ppm,re,im) for a spin system and sequence, " +
            "echo.csv (k,t,re,im) for an interacting-spin echo, with a plot. Exits 1 on a spec error or when the spec declares no simulation.")
        {
            spec,
            set,
            output,
            seed,
        };
        command.SetAction(parseResult => RunCommand.Execute(context, new RunRequest(
            parseResult.GetValue(spec)!,
            parseResult.GetValue(set) ?? [],
            parseResult.GetValue(output),
            parseResult.GetValue(seed)) { JobKind = JobKind }));
        return command;
    }
}
