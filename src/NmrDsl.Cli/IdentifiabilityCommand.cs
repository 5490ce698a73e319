using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using NmrDsl.Runtime.Echo;

namespace NmrDsl.Cli;

/// <summary>
/// <c>nmrdsl identifiability SPEC [--points K] [--draws R] [--seed S] [--out DIR]</c>: which parameters of an echo block
/// one curve M(t) can identify, from the simulation alone (issue 5, item 5): sensitivities against the offset-draw
/// noise, Fisher information and Cramér–Rao bounds at the defaults and across each declared range
/// (<see cref="EchoIdentifiabilitySweep"/>).
/// </summary>
internal static class IdentifiabilityCommand
{
    public static Command Create(CliContext context)
    {
        var spec = new Argument<string>("SPEC") { Description = "The spec file (.nmr) with an echo block." };
        var points = new Option<int>("--points") { Description = "Points per parameter range (midpoints of K equal bins).", HelpName = "K", DefaultValueFactory = _ => 4 };
        var draws = new Option<int>("--draws") { Description = "Offset draws per point (the noise estimate; at least 2).", HelpName = "R", DefaultValueFactory = _ => 4 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the offset draws (the same draws at every point).", HelpName = "S", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out", "-o") { Description = "Folder for identifiability.csv, .json and .png [default: out/<spec name>-identifiability].", HelpName = "DIR" };
        var block = new Option<string?>("--block") { Description = "The echo block to use when the spec declares several.", HelpName = "NAME" };
        var command = new Command("identifiability",
            "Which parameters of an echo block one curve M(t) identifies: Fisher information and Cramér–Rao bounds against the " +
            "noise of the random offset draws, at the defaults and across each declared range. Cost: (1 + 4K) × 9R simulations.")
        {
            spec, points, draws, seed, output, block,
        };
        command.SetAction(parseResult => Execute(context,
            parseResult.GetValue(spec)!, parseResult.GetValue(points), parseResult.GetValue(draws), parseResult.GetValue(seed),
            parseResult.GetValue(output), parseResult.GetValue(block)));
        return command;
    }

    public static int Execute(CliContext context, string spec, int points, int draws, ulong seed, string? output, string? block)
    {
        if (points < 1 || draws < 2)
        {
            context.Error.WriteLine("nmrdsl: error: --points must be at least 1 and --draws at least 2");
            return ExitCodes.UserError;
        }
        using EchoBlockLoader.Loaded? loaded = EchoBlockLoader.TryLoad(context, spec, block, "identifiability", "nothing analysed", out int failure);
        if (loaded is null) return failure;
        IEchoSpec echo = loaded.Echo;
        string folder = output ?? Path.Combine("out", SpecFiles.SpecName(spec) + "-identifiability");
        int total = EchoIdentifiabilitySweep.PointCount(echo, points);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"identifiability {echo.Name}: {echo.Model.Lattice}, {total} points × {draws} draws × 9 simulations → {folder}"));
        var clock = Stopwatch.StartNew();
        var progress = new FitCommand.SynchronousProgress<int>(done => context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[identifiability] {done}/{total} points, {clock.Elapsed.TotalSeconds:F0} s")));
        var sweep = EchoIdentifiabilitySweep.Run(echo, points, draws, seed, progress, context.CancellationToken);
        var files = EchoIdentifiabilitySweep.Write(folder, echo, sweep, draws, seed);
        context.Out.Write(sweep[0].Report.ToString());
        foreach (string file in files) context.Out.WriteLine("wrote " + file);
        return ExitCodes.Success;
    }
}
