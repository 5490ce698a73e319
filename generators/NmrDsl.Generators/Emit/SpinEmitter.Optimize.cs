using System.Linq;
using NmrDsl.Generators.Binding;

namespace NmrDsl.Generators.Emit;

/// <summary>
/// Emits the job of an <c>optimize</c> block (kind "optimization"): it builds the contrast terms from the
/// spec's spin-system classes and the sequences' <c>Create()</c>, and hands them to the runtime's
/// <c>SpinOptimizationReport</c>, which runs GRAPE and writes the pulse, history, spectra and comparison.
/// </summary>
public static partial class SpinEmitter
{
    private static void EmitEnsemble(SourceWriter w, string specPath, EnsembleModel e, string what)
    {
        w.Line();
        w.Summary("The B0-offset × B1-scale ensemble " + what + " (equal weights): B0 " + Num(e.B0LowHz) + " .. " + Num(e.B0HighHz) + " Hz, " + Int(e.B0Points)
            + " points; B1 " + Num(e.B1Low) + " .. " + Num(e.B1High) + ", " + Int(e.B1Points) + " points.");
        w.Open("public static global::System.Collections.Generic.IReadOnlyList<" + Spin + ".EnsembleMember> Ensemble()");
        At(w, specPath, e.Line);
        w.Line("return " + Spin + ".EnsembleMember.Grid(" + Num(e.B1Low) + ", " + Num(e.B1High) + ", " + Int(e.B1Points) + ", " + Num(e.B0LowHz) + ", " + Num(e.B0HighHz) + ", " + Int(e.B0Points) + ");");
        w.Directive("#line default");
        w.Close();
    }

    /// <summary>The C# file of an optimize block.</summary>
    public static string EmitOptimize(OptimizeModel model, string ns, string specPath)
    {
        var w = new SourceWriter();
        Header(w, specPath, "optimize " + model.Name);
        w.Open("namespace " + ns);
        w.Summary("Optimisation " + model.Name + " of element " + Int(model.Element) + " of sequence " + model.Sequence + " (spec line " + Int(model.Line) + ")"
            + (model.Description is null ? "" : ": " + model.Description) + ".\nObjective: "
            + string.Join(" ", model.Terms.Select(t => (t.Suppress ? "− " : "+ ") + Num(t.Weight) + "·" + (t.Suppress ? "|Z(" + t.System + ")|²" : "area(" + t.System + ")") + " [" + Num(t.LowPpm) + ", " + Num(t.HighPpm) + "] ppm"))
            + " − " + Num(model.PenaltyWeight) + "·RF energy; limit " + Num(model.LimitHz) + " Hz; " + Int(model.Restarts) + " restarts × " + Int(model.Iterations) + " iterations, seed " + Int(model.Seed) + ".");
        w.Open("public sealed partial class " + model.Name + " : " + Runtime + ".ISpecJob");
        w.Summary("The block name, " + model.Name + ".");
        w.Line("public string Name => " + CSharpNames.StringLiteral(model.Name) + ";");
        w.Line();
        w.Summary("Runs GRAPE and writes pulse.csv/png, history.csv/png, spectrum_before/after.csv/png, comparison.csv/png, checkpoint.json and result.json.");
        w.Open("public " + Runtime + ".JobResult Run(" + Runtime + ".JobContext context)");
        w.Line("if (context is null) throw new global::System.ArgumentNullException(nameof(context));");
        w.Line("var terms = new global::System.Collections.Generic.List<" + Spin + ".ContrastTerm>();");
        foreach (var t in model.Terms)
        {
            At(w, specPath, t.Line);
            w.Line("terms.Add(new " + Spin + ".ContrastTerm(" + CSharpNames.StringLiteral(t.System) + ", new " + t.System + "(context.Overrides).System, " + Num(t.LowPpm) + ", " + Num(t.HighPpm) + ", " + Num(t.Weight) + ", " + (t.Suppress ? "true" : "false") + "));");
        }
        w.Directive("#line default");
        w.Line("var compare = new global::System.Collections.Generic.List<" + Spin + ".ComparedSequence>();");
        foreach (var c in model.Compare)
        {
            string label = c.Subtracted is null ? c.Sequence : c.Sequence + " - " + c.Subtracted;
            w.Line("compare.Add(new " + Spin + ".ComparedSequence(" + CSharpNames.StringLiteral(label) + ", " + c.Sequence + ".Create(), " + (c.Subtracted is null ? "null" : c.Subtracted + ".Create()") + "));");
        }
        At(w, specPath, model.Line);
        w.Line("var options = new " + Spin + ".PulseOptimizerOptions(" + Num(model.LimitHz) + ", Restarts: " + Int(model.Restarts) + ", MaxIterations: " + Int(model.Iterations) + ", Seed: " + Int(model.Seed) + ");");
        w.Line("var setup = new " + Spin + ".SpinOptimizationSetup(Name, " + model.Sequence + ".Create(), " + Int(model.Element - 1) + ", terms, " + Num(model.PenaltyWeight) + ", "
            + (model.Ensemble is null ? "null" : "Ensemble()") + ", options, compare);");
        w.Directive("#line default");
        w.Line("return " + Spin + ".SpinOptimizationReport.Run(context, setup);");
        w.Close();
        if (model.Ensemble is { } ensemble) EmitEnsemble(w, specPath, ensemble, "the objective averages over (robustness)");
        w.Close();
        w.Close();
        return w.ToString();
    }
}
