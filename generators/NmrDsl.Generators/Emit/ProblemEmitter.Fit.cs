using System.Collections.Generic;
using System.Linq;

namespace NmrDsl.Generators.Emit;

public static partial class ProblemEmitter
{
    /// <summary>
    /// The inverse-problem surface of a problem with <c>unknown</c>s (IFittableProblem, IPinnProblem): the unknowns with
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
        w.Line("public " + List + "<string> ObservableNames { get; } = new string[] { " + string.Join(", ", model.Observables.Select(o => CSharpNames.StringLiteral(o.Name))) + " };");
        w.Line();
        w.Summary("Solves with the given values (SI; unknowns and any other parameters, keys as in the spec) and returns every observable at the given times (s).");
        w.Open("public double[][] Predict(" + List.Replace("IReadOnlyList", "IReadOnlyDictionary") + "<string, double> values, double[] times)");
        w.Line("if (values is null) throw new global::System.ArgumentNullException(nameof(values));");
        w.Line("if (times is null) throw new global::System.ArgumentNullException(nameof(times));");
        w.Line("var problem = new " + cls + "(Parameters.With(values)) { Options = Options with { OutputTimes = times } };");
        w.Line("var solution = problem.Solve();");
        w.Line("return new double[][] { " + string.Join(", ", model.Observables.Select(o => "problem." + o.MethodName + "(solution)")) + " };");
        w.Close();
        w.Line();
        EmitPinnSurface(w, model);
    }

    /// <summary>
    /// What the PINN needs besides IFittableProblem: the problem at other parameter values, the observables that are
    /// plain region averages of the field (the ones it can evaluate by quadrature of its networks), and the settings of
    /// the spec's <c>solve pinn</c> line.
    /// </summary>
    private static void EmitPinnSurface(SourceWriter w, ProblemModel model)
    {
        w.Summary("The problem with the given values (SI; keys as in the spec) replacing this instance's, for the PINN.");
        w.Open("public global::NmrDsl.Runtime.Pde.IDiffusionReactionProblem Instantiate(global::System.Collections.Generic.IReadOnlyDictionary<string, double> values)");
        w.Line("if (values is null) throw new global::System.ArgumentNullException(nameof(values));");
        w.Line("return new " + model.ClassName + "(Parameters.With(values)) { Options = Options };");
        w.Close();
        w.Line();
        var averages = model.Observables
            .Where(o => o.Integrand.IsUniform && string.Equals(o.Integrand.Codes[0], model.Field.Name, System.StringComparison.Ordinal))
            .ToList();
        w.Summary("Observables that are volume averages of " + model.Field.Name + " over a region (-1: the whole domain): the PINN fits these.");
        w.Line("public global::System.Collections.Generic.IReadOnlyList<" + Pinn + ".RegionAverage> RegionAverages { get; } = new " + Pinn + ".RegionAverage[] { "
            + string.Join(", ", averages.Select(o => "new(" + CSharpNames.StringLiteral(o.Name) + ", " + o.Region.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")")) + " };");
        w.Line();
        w.Summary("Settings of the spec's 'solve pinn' line (null: none, defaults apply).");
        w.Line("public " + Pinn + ".PinnOptions? PinnSettings => " + (model.Pinn is null ? "null" : PinnOptionsCode(model.Pinn)) + ";");
        w.Line();
    }

    /// <summary>The C# object initializer of PinnOptions for the spec's settings (the runtime's defaults for the rest).</summary>
    private static string PinnOptionsCode(PinnModel pinn)
    {
        var weights = new List<string>();
        var settings = new List<string>();
        foreach (var option in pinn.Options)
        {
            string v = option.Value;
            switch (option.Name)
            {
                case "layers": settings.Add("Layers = " + Whole(v)); break;
                case "width": settings.Add("Width = " + Whole(v)); break;
                case "radii": settings.Add("Radii = " + Whole(v)); break;
                case "times": settings.Add("Times = " + Whole(v)); break;
                case "adam": settings.Add("AdamIterations = " + Whole(v)); break;
                case "lbfgs": settings.Add("LbfgsIterations = " + Whole(v)); break;
                case "lr": settings.Add("LearningRate = " + Real(v)); break;
                case "lr_unknowns": settings.Add("UnknownLearningRate = " + Real(v)); break;
                case "seed": settings.Add("Seed = " + Whole(v)); break;
                case "nodes": settings.Add("QuadratureNodes = " + Whole(v)); break;
                case "datatimes": settings.Add("MaxDataTimes = " + Whole(v)); break;
                case "sampling": settings.Add("TimeSampling = " + Pinn + ".TimeSampling." + char.ToUpperInvariant(v[0]) + v.Substring(1)); break;
                case "derivatives": settings.Add("Derivatives = " + Pinn + ".DerivativeMode." + (v == "jet" ? "TaylorJet" : "Autograd")); break;
                case "precision": settings.Add("SinglePrecision = " + (v == "float32" ? "true" : "false")); break;
                case "balance": settings.Add("AutomaticWeights = " + (v == "auto" ? "true" : "false")); break;
                case "represent": settings.Add("RunningAverage = " + (v == "average" ? "true" : "false")); break;
                case "augment": settings.Add("AugmentStretchedExponential = " + (v == "stretched" ? "true" : "false")); break;
                case "pde": weights.Add("Pde = " + Real(v)); break;
                case "data": weights.Add("Data = " + Real(v)); break;
                case "interface": weights.Add("Interface = " + Real(v)); break;
                case "boundary": weights.Add("Boundary = " + Real(v)); break;
                case "initial": weights.Add("Initial = " + Real(v)); break;
            }
        }
        if (weights.Count > 0) settings.Add("Weights = new " + Pinn + ".PinnLossWeights { " + string.Join(", ", weights) + " }");
        return "new " + Pinn + ".PinnOptions { " + string.Join(", ", settings) + " }";
    }

    private static string Whole(string value) => ((long)double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Real(string value)
    {
        string r = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return r.Contains('.') || r.Contains('E') ? r : r + ".0";
    }
}
