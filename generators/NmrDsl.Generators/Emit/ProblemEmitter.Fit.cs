using System.Linq;

namespace NmrDsl.Generators.Emit;

public static partial class ProblemEmitter
{
    /// <summary>
    /// The inverse-problem surface of a problem with <c>unknown</c>s (IFittableProblem): the unknowns with
    /// their bounds, the observable names, and Predict, which solves at given times for given values.
    /// </summary>
    private static void EmitFitSurface(SourceWriter w, ProblemModel model)
    {
        string cls = model.ClassName;
        const string List = "global::System.Collections.Generic.IReadOnlyList";
        w.Summary("The spec's unknowns (SI): starting values (this instance's parameter values, the spec's initial ones unless overridden), bounds and scale.");
        w.Open("public " + List + "<" + Fitting + ".FitParameter> Unknowns => new[]");
        foreach (var u in model.Unknowns)
        {
            w.Line("new " + Fitting + ".FitParameter(" + CSharpNames.StringLiteral(u.Key) + ", Parameters." + u.Name + ", " + u.LowerCode + ", " + u.UpperCode
                + ", LogScale: " + (u.LogScale ? "true" : "false") + ", SiUnit: " + CSharpNames.StringLiteral(u.SiUnit) + "),");
        }
        w.Close(";");
        w.Line();
        w.Summary("Names of the observables, in the order Predict returns them.");
        w.Line("public " + List + "<string> ObservableNames { get; } = new[] { " + string.Join(", ", model.Observables.Select(o => CSharpNames.StringLiteral(o.Name))) + " };");
        w.Line();
        w.Summary("Solves with the given values (SI; unknowns and any other parameters, keys as in the spec) and returns every observable at the given times (s).");
        w.Open("public double[][] Predict(" + List.Replace("IReadOnlyList", "IReadOnlyDictionary") + "<string, double> values, double[] times)");
        w.Line("if (values is null) throw new global::System.ArgumentNullException(nameof(values));");
        w.Line("if (times is null) throw new global::System.ArgumentNullException(nameof(times));");
        w.Line("var problem = new " + cls + "(Parameters.With(values)) { Options = Options with { OutputTimes = times } };");
        w.Line("var solution = problem.Solve();");
        w.Line("return new[] { " + string.Join(", ", model.Observables.Select(o => "problem." + o.MethodName + "(solution)")) + " };");
        w.Close();
        w.Line();
    }
}
