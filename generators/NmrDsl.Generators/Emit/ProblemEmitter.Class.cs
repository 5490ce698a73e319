namespace NmrDsl.Generators.Emit;

public static partial class ProblemEmitter
{
    private static void EmitProblemClass(SourceWriter w, ProblemModel model)
    {
        string cls = model.ClassName;
        string plain = cls.TrimStart('@');
        string parameters = plain + "Parameters";
        w.Summary(model.Description);
        w.Line("/// <remarks>");
        w.Line("/// Generated from " + SourceWriter.EscapeXml(FileName(model.SpecPath)) + ". Equation (line " + Int(model.Equation.Line) + "): <c>" + SourceWriter.EscapeXml(model.Equation.Text) + "</c>,");
        w.Line("/// solved in the conservative form A du/dt = x^-k d/dx(x^k K du/dx) + S0 + S1 u (k = " + Int(MetricExponent(model)) + ", " + model.Geometry.ToLowerInvariant() + ")");
        w.Line("/// by finite volumes in space and TR-BDF2 in time. All quantities are in SI units.");
        w.Line("/// </remarks>");
        string fittable = model.Unknowns.Count > 0 ? ", " + Pinn + ".IPinnProblem" : "";
        w.Open("public sealed partial class " + cls + " : " + Runtime + ".ISpecJob, " + Pde + ".IDiffusionReactionProblem" + fittable);
        w.Summary("Creates the problem with the spec's default parameters.");
        w.Line("public " + cls + "()");
        w.Line("    : this(new " + parameters + "())");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Summary("Creates the problem with the given parameters (SI units).");
        w.Open("public " + cls + "(" + parameters + " parameters)");
        w.Line("Parameters = parameters ?? throw new global::System.ArgumentNullException(nameof(parameters));");
        foreach (var let in model.Lets)
        {
            LineDirective(w, model, let.Line);
            w.Line(let.Name + " = " + let.Code + ";");
            DefaultLine(w, let.Line);
        }
        w.Close();
        w.Line();
        w.Summary("The parameters this instance was built with, in SI units.");
        w.Line("public " + parameters + " Parameters { get; }");
        w.Line();
        foreach (var let in model.Lets)
        {
            w.Summary(let.SpecText + " (spec line " + Int(let.Line) + "). Unit: " + (let.SiUnit.Length == 0 ? "1" : let.SiUnit) + ".");
            w.Line("public double " + let.Name + " { get; }");
            w.Line();
        }
        w.Summary("The spec block's name.");
        w.Line("public string Name => " + CSharpNames.StringLiteral(plain) + ";");
        w.Line();
        w.Summary("Region names in order of increasing " + model.Coordinate.TrimStart('@') + "; region indices passed to the coefficient methods refer to this list.");
        w.Line("public global::System.Collections.Generic.IReadOnlyList<string> RegionNames { get; } = new[] { " + string.Join(", ", System.Linq.Enumerable.Select(model.Regions, r => CSharpNames.StringLiteral(r.Name))) + " };");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public " + Pde + ".Geometry Geometry => " + Pde + ".Geometry." + model.Geometry + ";");
        w.Line();
        EmitGetter(w, model, "Start", "Left end of the domain, m.", model.StartCode, model.GeometryLine);
        EmitGetter(w, model, "End", "Right end of the domain, m.", model.EndCode, model.GeometryLine);
        EmitGetter(w, model, "EndTime", "Final time, s.", model.EndTimeCode, model.TimeLine);
        w.Line("/// <inheritdoc />");
        w.Open("public global::System.Collections.Generic.IReadOnlyList<double> Interfaces");
        w.Open("get");
        var interfaces = new System.Collections.Generic.List<string>();
        for (int i = 0; i + 1 < model.Regions.Count; i++) interfaces.Add(model.Regions[i].UpperCode);
        if (interfaces.Count > 0) LineDirective(w, model, model.Regions[0].Line);
        w.Line(interfaces.Count == 0 ? "return global::System.Array.Empty<double>();" : "return new[] { " + string.Join(", ", interfaces) + " };");
        if (interfaces.Count > 0) DefaultLine(w, model.Regions[0].Line);
        w.Close();
        w.Close();
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public bool IsTimeDependent => " + (model.Equation.IsTimeDependent ? "true" : "false") + ";");
        w.Line();
        string x = model.Coordinate, t = model.TimeVariable;
        EmitCoefficient(w, model, "Capacity", "Capacity A (multiplies du/dt).", model.Equation.Capacity);
        EmitCoefficient(w, model, "Diffusivity", "Diffusivity K of the flux -K du/d" + x.TrimStart('@') + "; flux unit " + model.Equation.FluxSiUnit + ".", model.Equation.Diffusivity);
        EmitCoefficient(w, model, "SourceConstant", "Constant part S0 of the source.", model.Equation.SourceConstant);
        EmitCoefficient(w, model, "SourceLinear", "Coefficient S1 of " + model.Field.Name.TrimStart('@') + " in the source.", model.Equation.SourceLinear);
        w.Summary("Initial value of " + model.Field.Name.TrimStart('@') + " (spec line " + Int(model.InitialLine) + ").");
        w.Open("public double Initial(double " + x + ", int region)");
        LineDirective(w, model, model.InitialLine);
        ReturnByRegion(w, model, model.Initial);
        DefaultLine(w, model.InitialLine);
        w.Close();
        w.Line();
        EmitBoundary(w, model, "StartBoundary", model.StartBoundary, t);
        EmitBoundary(w, model, "EndBoundary", model.EndBoundary, t);
        EmitSolveAndRun(w, model);
        foreach (var observable in model.Observables) EmitObservable(w, model, observable);
        if (model.Unknowns.Count > 0) EmitFitSurface(w, model);
        w.Close();
    }

    private static int MetricExponent(ProblemModel model) => model.Geometry switch { "Sphere" => 2, "Cylinder" => 1, _ => 0 };

    private static void EmitGetter(SourceWriter w, ProblemModel model, string name, string doc, string code, int line)
    {
        w.Summary(doc);
        w.Open("public double " + name);
        w.Open("get");
        LineDirective(w, model, line);
        w.Line("return " + code + ";");
        DefaultLine(w, line);
        w.Close();
        w.Close();
        w.Line();
    }

    private static void EmitCoefficient(SourceWriter w, ProblemModel model, string name, string doc, CodeByRegion code)
    {
        w.Summary(doc + " From the equation on spec line " + Int(model.Equation.Line) + ".");
        w.Open("public double " + name + "(double " + model.Coordinate + ", double " + model.TimeVariable + ", int region)");
        LineDirective(w, model, model.Equation.Line);
        ReturnByRegion(w, model, code);
        DefaultLine(w, model.Equation.Line);
        w.Close();
        w.Line();
    }

    private static void EmitBoundary(SourceWriter w, ProblemModel model, string name, BoundaryModel boundary, string t)
    {
        string where = name == "StartBoundary" ? "left" : "right";
        if (boundary.Kind == "Regular")
        {
            w.Summary("Condition at the " + where + " end: the centre of the " + model.Geometry.ToLowerInvariant() + ", where regularity (du/dr = 0) holds by symmetry.");
            w.Line("public " + Pde + ".BoundaryCondition " + name + "(double " + t + ") => " + Pde + ".BoundaryCondition.Regular;");
            w.Line();
            return;
        }
        w.Summary("Condition at the " + where + " end (" + boundary.Kind + ", spec line " + Int(boundary.Line) + ").");
        w.Open("public " + Pde + ".BoundaryCondition " + name + "(double " + t + ")");
        LineDirective(w, model, boundary.Line);
        w.Line("return " + Pde + ".BoundaryCondition." + boundary.Kind + "(" + boundary.ValueCode + ");");
        DefaultLine(w, boundary.Line);
        w.Close();
        w.Line();
    }
}
