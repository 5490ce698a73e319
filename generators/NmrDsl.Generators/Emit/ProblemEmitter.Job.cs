namespace NmrDsl.Generators.Emit;

public static partial class ProblemEmitter
{
    private static void EmitSolveAndRun(SourceWriter w, ProblemModel model)
    {
        string cls = model.ClassName;
        w.Summary("Solver settings from the spec's solve line (line " + Int(model.SolveLine) + ").");
        w.Line("public " + Pde + ".FiniteVolumeOptions Options { get; init; } = new " + Pde + ".FiniteVolumeOptions");
        w.Line("{");
        w.Indent();
        w.Line("Cells = " + Int(model.Cells) + ",");
        w.Line("OutputCount = " + Int(model.Outputs) + ",");
        w.Line("RelativeTolerance = " + model.RelativeToleranceCode + ",");
        w.Unindent();
        w.Line("};");
        w.Line();
        w.Summary("Solves the problem by finite volumes (conservative, faces aligned with region interfaces) and TR-BDF2.");
        w.Open("public " + Pde + ".PdeSolution Solve(global::System.IProgress<" + Runtime + ".JobProgress>? progress = null, global::System.Threading.CancellationToken cancellationToken = default)");
        w.Line("return " + Pde + ".FiniteVolumeSolver.Solve(this, Options, progress, cancellationToken);");
        w.Close();
        w.Line();
        w.Summary("Runs the spec's job: applies overrides, solves, and writes result.json, CSV files and PNG plots.");
        w.Open("public " + Runtime + ".JobResult Run(" + Runtime + ".JobContext context)");
        w.Line("if (context is null) throw new global::System.ArgumentNullException(nameof(context));");
        w.Line("var problem = context.Overrides.Count == 0 ? this : new " + cls + "(Parameters.With(context.Overrides)) { Options = Options };");
        w.Line("var clock = global::System.Diagnostics.Stopwatch.StartNew();");
        w.Line("var solution = problem.Solve(context.Progress, context.CancellationToken);");
        w.Line("double wallTime = clock.Elapsed.TotalSeconds;");
        w.Line("var observables = new[]");
        w.Line("{");
        w.Indent();
        foreach (var o in model.Observables)
        {
            w.Line("new " + Pde + ".ObservableSeries(" + CSharpNames.StringLiteral(o.Name) + ", " + CSharpNames.StringLiteral(o.SiUnit) + ", problem." + o.MethodName + "(solution)),");
        }
        w.Unindent();
        w.Line("};");
        w.Line("var files = " + Pde + ".PdeReport.Write(context.OutputDirectory, Name, solution, observables, "
            + CSharpNames.StringLiteral(model.Field.Name.TrimStart('@')) + ", " + CSharpNames.StringLiteral(model.Field.SiUnit) + ", " + CSharpNames.StringLiteral(model.Coordinate.TrimStart('@')) + ");");
        w.Line("var summary = new global::System.Collections.Generic.SortedDictionary<string, double>(global::System.StringComparer.Ordinal)");
        w.Line("{");
        w.Indent();
        w.Line("[\"cells\"] = solution.Mesh.CellCount,");
        w.Line("[\"steps\"] = solution.Statistics.AcceptedSteps,");
        w.Line("[\"wall_time_s\"] = wallTime,");
        w.Unindent();
        w.Line("};");
        w.Open("foreach (var observable in observables)");
        w.Line("string unit = observable.Unit.Length == 0 ? \"\" : \" [\" + observable.Unit + \"]\";");
        w.Line("summary[observable.Name + \"(t_end)\" + unit] = observable.Values[observable.Values.Length - 1];");
        w.Close();
        w.Line("return new " + Runtime + ".JobResult(Name, summary, files);");
        w.Close();
        w.Line();
    }

    private static void EmitObservable(SourceWriter w, ProblemModel model, ObservableModel o)
    {
        string where = o.Region < 0 ? "the whole domain" : "region " + model.Regions[o.Region].Name;
        w.Summary(o.SpecText + " (spec line " + Int(o.Line) + "): volume average over " + where + " at every output time. Unit: " + (o.SiUnit.Length == 0 ? "1" : o.SiUnit) + ".");
        w.Open("public double[] " + o.MethodName + "(" + Pde + ".PdeSolution solution)");
        w.Line("if (solution is null) throw new global::System.ArgumentNullException(nameof(solution));");
        w.Line("var mesh = solution.Mesh;");
        w.Line("var averages = new double[solution.Times.Length];");
        w.Open("for (int n = 0; n < averages.Length; n++)");
        w.Line("double " + model.TimeVariable + " = solution.Times[n];");
        w.Line("double total = 0.0, volume = 0.0;");
        w.Open("for (int i = 0; i < mesh.CellCount; i++)");
        w.Line("int region = mesh.CellRegion[i];");
        if (o.Region >= 0)
        {
            w.Line("if (region != " + Int(o.Region) + ") continue;");
        }
        w.Line("double " + model.Coordinate + " = mesh.Centres[i];");
        w.Line("double " + model.Field.Name + " = solution.Values[n][i];");
        w.Line("double integrand = Integrand(" + model.Coordinate + ", " + model.TimeVariable + ", region, " + model.Field.Name + ");");
        w.Line("total += mesh.Volumes[i] * integrand;");
        w.Line("volume += mesh.Volumes[i];");
        w.Close();
        w.Line("averages[n] = total / volume;");
        w.Close();
        w.Line("return averages;");
        w.Line();
        w.Open("double Integrand(double " + model.Coordinate + ", double " + model.TimeVariable + ", int region, double " + model.Field.Name + ")");
        LineDirective(w, model, o.Line);
        ReturnByRegion(w, model, o.Integrand);
        DefaultLine(w, o.Line);
        w.Close();
        w.Close();
        w.Line();
    }

    private static string EmitResidual(ProblemModel model)
    {
        var w = new SourceWriter();
        Header(w, model, "strong-form residual");
        string u = model.Field.Name, x = model.Coordinate, t = model.TimeVariable;
        string plainU = u.TrimStart('@'), plainX = x.TrimStart('@');
        int k = MetricExponent(model);
        w.Open("namespace " + model.Namespace);
        w.Open("public sealed partial class " + model.ClassName);
        w.Summary("Residual of the equation in strong form (spec line " + Int(model.Equation.Line) + "), zero for an exact solution:\n"
            + "A " + plainU + "_t - (K " + plainU + "_" + plainX + plainX + " + (k/" + plainX + ") K " + plainU + "_" + plainX + " + dK/d" + plainX + " " + plainU + "_" + plainX + ") - S0 - S1 " + plainU + ", with k = " + Int(k) + ".\n"
            + "Used to train physics-informed networks and to verify solutions; dK/d" + plainX + " comes from symbolic differentiation.");
        w.Line("/// <param name=\"" + plainX + "\">Position, m.</param>");
        w.Line("/// <param name=\"" + t.TrimStart('@') + "\">Time, s.</param>");
        w.Line("/// <param name=\"region\">Region index (see RegionNames).</param>");
        w.Line("/// <param name=\"" + plainU + "\">Field value.</param>");
        w.Line("/// <param name=\"" + plainU + "_" + t.TrimStart('@') + "\">Time derivative of the field.</param>");
        w.Line("/// <param name=\"" + plainU + "_" + plainX + "\">First space derivative.</param>");
        w.Line("/// <param name=\"" + plainU + "_" + plainX + plainX + "\">Second space derivative.</param>");
        string ut = u + "_" + t.TrimStart('@'), ux = u + "_" + plainX, uxx = u + "_" + plainX + plainX;
        w.Open("public double Residual(double " + x + ", double " + t + ", int region, double " + u + ", double " + ut + ", double " + ux + ", double " + uxx + ")");
        w.Line("double capacity = Capacity(" + x + ", " + t + ", region);");
        w.Line("double diffusivity = Diffusivity(" + x + ", " + t + ", region);");
        w.Line("double diffusivityGradient = DiffusivityGradient(" + x + ", " + t + ", region);");
        if (k == 0)
        {
            w.Line("double transport = diffusivity * " + uxx + " + diffusivityGradient * " + ux + ";");
        }
        else
        {
            w.Line("// At the centre, regularity gives " + plainU + "_" + plainX + " = 0 and (k/" + plainX + ") " + plainU + "_" + plainX + " -> k " + plainU + "_" + plainX + plainX + " (l'Hopital).");
            w.Line("double radial = " + x + " == 0.0 ? " + Int(k) + ".0 * diffusivity * " + uxx + " : " + Int(k) + ".0 / " + x + " * diffusivity * " + ux + ";");
            w.Line("double transport = diffusivity * " + uxx + " + radial + diffusivityGradient * " + ux + ";");
        }
        w.Line("return capacity * " + ut + " - transport - SourceConstant(" + x + ", " + t + ", region) - SourceLinear(" + x + ", " + t + ", region) * " + u + ";");
        w.Close();
        w.Line();
        w.Summary("dK/d" + plainX + ", the space derivative of the diffusivity within a region (symbolic).");
        w.Open("public double DiffusivityGradient(double " + x + ", double " + t + ", int region)");
        LineDirective(w, model, model.Equation.Line);
        ReturnByRegion(w, model, model.Equation.DiffusivityDerivative);
        DefaultLine(w, model.Equation.Line);
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }
}
