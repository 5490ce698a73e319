using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NmrDsl.Generators.Binding;
using NmrDsl.Generators.Diagnostics;
using NmrDsl.Generators.Model;
using NmrDsl.Generators.Symbolic;
using NmrDsl.Generators.Syntax;

namespace NmrDsl.Generators.Emit;

/// <summary>
/// Lowers a bound problem to the equatable <see cref="ProblemModel"/>: prints every IR expression
/// as C# (parameters as <c>Parameters.X</c>, derived quantities as properties, material properties
/// substituted region by region) and fixes the names of generated members.
/// </summary>
public static class ProblemLowering
{
    public static ProblemModel? Lower(BoundProblem problem, string ns, string specPath, List<DiagnosticInfo> diagnostics)
    {
        foreach (var symbol in problem.Symbols)
        {
            if ((symbol.Kind == SymbolKind.Let && CSharpNames.ProblemMembers.Contains(symbol.Name)) || symbol.Name == problem.Name)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InvalidIdentifier, specPath, symbol.Span, symbol.Name, "it collides with a member of the generated class " + problem.Name));
                return null;
            }
            if (CSharpNames.ReservedLocals.Contains(symbol.Name) || symbol.Name.StartsWith("__", StringComparison.Ordinal))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InvalidIdentifier, specPath, symbol.Span, symbol.Name, "the generated code uses this name for a local variable; rename it"));
                return null;
            }
        }
        if (problem.Field is null || problem.Equation is null || problem.Initial is null) return null;

        var symbols = problem.Symbols.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var materialParameters = MaterialParameters(problem);
        foreach (var m in materialParameters)
        {
            if (symbols.TryGetValue(m.CSharpName, out var clash))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.InvalidIdentifier, specPath, clash.Span, m.CSharpName, "the generated parameter for material value " + m.Key + " has this name; rename one of them"));
                return null;
            }
        }
        string Map(string name)
        {
            if (name.IndexOf('.') > 0) return "Parameters." + name.Replace('.', '_');
            if (!symbols.TryGetValue(name, out var symbol)) throw new InvalidOperationException("unbound symbol '" + name + "' reached the emitter");
            return symbol.Kind switch
            {
                SymbolKind.Parameter or SymbolKind.Unknown => "Parameters." + CSharpNames.Identifier(name),
                SymbolKind.Let when symbol.IsConstant => CSharpNames.Identifier(name),
                SymbolKind.Coordinate or SymbolKind.Time or SymbolKind.Field => CSharpNames.Identifier(name),
                _ => throw new InvalidOperationException("symbol '" + name + "' of kind " + symbol.Kind + " cannot appear in generated code here"),
            };
        }

        string Print(Expr e) => CSharpExpressionPrinter.Print(Simplifier.Simplify(e), Map);

        // A material value that is a plain number becomes an overridable parameter (solid.D);
        // one given by an expression (of position, time or parameters) is substituted as written.
        Dictionary<string, Expr> MaterialMap(int region) => problem.MaterialProperties.ToDictionary(
            p => p.Name,
            p => p.ValuesByRegion[region] is Number ? Expr.Sym(problem.Regions[region].Name + "." + p.Name) : p.ValuesByRegion[region],
            StringComparer.Ordinal);

        Expr WithMaterials(Expr e, int region) => problem.MaterialProperties.Count == 0 ? e : ExprAnalysis.Substitute(e, MaterialMap(region));

        CodeByRegion ByRegion(Expr e)
        {
            var codes = new List<string>();
            for (int region = 0; region < problem.Regions.Count; region++) codes.Add(Print(WithMaterials(e, region)));
            return new CodeByRegion(codes.ToEquatableArray());
        }

        var equation = problem.Equation;
        var derivative = new List<string>();
        for (int region = 0; region < problem.Regions.Count; region++)
        {
            derivative.Add(Print(Differentiator.Differentiate(Simplifier.Simplify(WithMaterials(equation.Diffusivity, region)), problem.Coordinate)));
        }
        var time = problem.TimeVariable;
        bool timeDependent = new[] { equation.Capacity, equation.Diffusivity, equation.SourceConstant, equation.SourceLinear }
            .Concat(problem.MaterialProperties.SelectMany(p => p.ValuesByRegion))
            .Concat(new[] { problem.StartBoundary?.Value, problem.EndBoundary?.Value }.Where(v => v is not null).Select(v => v!))
            .Any(e => ExprAnalysis.DependsOn(e, time));

        var parameters = problem.Symbols
            .Where(s => s.Kind is SymbolKind.Parameter or SymbolKind.Unknown)
            .Select(s => new ParameterModel(
                CSharpNames.Identifier(s.Name),
                s.Name,
                s.Kind == SymbolKind.Unknown ? "unknown" : "parameter",
                CSharpExpressionPrinter.Print(Expr.Num(s.SiValue ?? 0), Map),
                s.Dimension.ToSiUnitString(),
                SpecDefault(s),
                s.Description,
                s.Span.Line))
            .Concat(materialParameters.Select(m => new ParameterModel(
                m.CSharpName,
                m.Key,
                "material",
                CSharpExpressionPrinter.Print(Expr.Num(m.Value), Map),
                m.SiUnit,
                m.Value.ToString("R", CultureInfo.InvariantCulture),
                "Material property " + m.Property + " of region " + m.Region + ".",
                m.Line)))
            .ToEquatableArray();
        var lets = problem.ConstantLets
            .Select(s => new LetModel(CSharpNames.Identifier(s.Name), Print(s.Value!), s.Dimension.ToSiUnitString(), s.Name + " = " + ExprFormatter.Format(s.Value!), s.Span.Line))
            .ToEquatableArray();
        var regions = problem.Regions.Select(r => new RegionModel(r.Name, Print(r.Upper), r.Line)).ToEquatableArray();
        var observables = problem.Observables
            .Select(o => new ObservableModel(o.Name, "Observe" + CSharpNames.Pascal(o.Name), ByRegion(o.Integrand), o.RegionIndex ?? -1, o.Dimension.ToSiUnitString(), o.Text, o.Line))
            .ToEquatableArray();

        return new ProblemModel(
            ns,
            CSharpNames.Identifier(problem.Name),
            problem.Syntax.Description ?? problem.Name,
            specPath,
            problem.Shape switch { "sphere" => "Sphere", "cylinder" => "Cylinder", _ => "Slab" },
            CSharpNames.Identifier(problem.Coordinate),
            CSharpNames.Identifier(time),
            Print(problem.DomainStart),
            Print(problem.DomainEnd),
            Print(problem.EndTime),
            problem.GeometryLine,
            problem.TimeLine,
            parameters,
            lets,
            regions,
            new FieldModel(CSharpNames.Identifier(problem.Field.Name), problem.Field.Dimension.ToSiUnitString()),
            new EquationModel(
                equation.Text,
                equation.Line,
                ByRegion(equation.Capacity),
                ByRegion(equation.Diffusivity),
                new CodeByRegion(derivative.ToEquatableArray()),
                ByRegion(equation.SourceConstant),
                ByRegion(equation.SourceLinear),
                timeDependent,
                equation.FluxDimension.ToSiUnitString()),
            ByRegion(problem.Initial),
            problem.InitialLine,
            Boundary(problem.StartBoundary, Print, problem.GeometryLine),
            Boundary(problem.EndBoundary, Print, problem.GeometryLine),
            observables,
            problem.Cells,
            problem.Outputs,
            CSharpExpressionPrinter.Print(Expr.Num(problem.RelativeTolerance), Map),
            problem.SolveLine,
            problem.Symbols
                .Where(s => s.Kind == SymbolKind.Unknown)
                .Select(s => new UnknownModel(
                    CSharpNames.Identifier(s.Name),
                    s.Name,
                    CSharpExpressionPrinter.Print(Expr.Num(s.Lower ?? 0), Map),
                    CSharpExpressionPrinter.Print(Expr.Num(s.Upper ?? 0), Map),
                    s.LogScale,
                    s.Dimension.ToSiUnitString()))
                .ToEquatableArray(),
            problem.Pinn is null
                ? null
                : new PinnModel(problem.Pinn.Options.Select(o => new PinnOptionModel(o.Key, o.Value)).ToEquatableArray(), problem.Pinn.Line));
    }

    /// <summary>A constant material value of one region, exposed as parameter <c>region.property</c>.</summary>
    public sealed record MaterialParameter(string Key, string CSharpName, string Region, string Property, double Value, string SiUnit, int Line);

    /// <summary>The material values that are plain numbers, region by region (overridable with --set region.property=...).</summary>
    public static IReadOnlyList<MaterialParameter> MaterialParameters(BoundProblem problem)
    {
        var result = new List<MaterialParameter>();
        for (int region = 0; region < problem.Regions.Count; region++)
        {
            foreach (var property in problem.MaterialProperties)
            {
                if (property.ValuesByRegion[region] is not Number number) continue;
                string key = problem.Regions[region].Name + "." + property.Name;
                result.Add(new MaterialParameter(key, key.Replace('.', '_'), problem.Regions[region].Name, property.Name, number.Value, property.Dimension.ToSiUnitString(), property.LinesByRegion[region]));
            }
        }
        return result;
    }

    private static string SpecDefault(DeclaredSymbol symbol)
    {
        if (symbol.SiValue is not { } value) return "";
        string si = value.ToString("G", CultureInfo.InvariantCulture);
        return string.IsNullOrEmpty(symbol.DeclaredUnit) ? si : si + " " + symbol.Dimension.ToSiUnitString() + " (" + symbol.DeclaredUnit + " in the spec)";
    }

    private static BoundaryModel Boundary(BoundBoundary? boundary, Func<Expr, string> print, int geometryLine)
    {
        if (boundary is null) return new BoundaryModel("Regular", "0.0", geometryLine);
        string kind = boundary.Kind switch
        {
            BoundaryConditionKind.Flux => "Flux",
            BoundaryConditionKind.NormalDerivative => "Neumann",
            _ => "Dirichlet",
        };
        return new BoundaryModel(kind, print(boundary.Value), boundary.Line);
    }
}
