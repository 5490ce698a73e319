using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NmrDsl.Generators.Diagnostics;
using NmrDsl.Generators.Symbolic;
using NmrDsl.Generators.Syntax;
using NmrDsl.Generators.Units;

namespace NmrDsl.Generators.Binding;

public sealed partial class ProblemBinder
{
    private void BindEquation()
    {
        var equations = Members<EquationSyntax>().ToList();
        if (equations.Count == 0)
        {
            Report(DiagnosticCatalog.MissingEquation, _syntax.NameSpan, _syntax.Name);
            return;
        }
        foreach (var extra in equations.Skip(1)) Report(DiagnosticCatalog.DuplicateDeclaration, extra.Span, "equation", equations[0].Span.Line.ToString(CultureInfo.InvariantCulture));
        if (_problem.Field is null) return;
        var equation = equations[0];
        _binder.Divergences.Clear();
        var left = _binder.Bind(equation.Left, ExpressionContext.Equation);
        var right = _binder.Bind(equation.Right, ExpressionContext.Equation);
        if (!left.Ok || !right.Ok) return;
        if (!left.IsZero && !right.IsZero && left.Dimension != right.Dimension)
        {
            Report(DiagnosticCatalog.EquationDimension, equation.EqualsSpan, "equation", ExpressionBinder.Show(left.Dimension), ExpressionBinder.Show(right.Dimension));
            return;
        }
        var field = _problem.Field.Name;
        var arguments = _binder.Divergences.Select(d => Expand(d.Ir)).ToList();
        var result = PdeAnalyzer.Analyze(Expand(left.Ir - right.Ir), arguments, field);
        switch (result.Problem)
        {
            case PdeAnalyzer.PdeProblemKind.NoTimeDerivative:
                Report(DiagnosticCatalog.NoTimeDerivative, equation.EqualsSpan, field);
                return;
            case PdeAnalyzer.PdeProblemKind.NonlinearTimeDerivative:
                Report(DiagnosticCatalog.NonlinearTimeDerivative, equation.Left.Span, field);
                return;
            case PdeAnalyzer.PdeProblemKind.DivergenceCoefficient:
                Report(DiagnosticCatalog.DivergenceCoefficient, equation.Right.Span, result.Detail);
                return;
            case PdeAnalyzer.PdeProblemKind.FluxForm:
                Report(DiagnosticCatalog.FluxForm, equation.Right.Span, field, result.Detail);
                return;
            case PdeAnalyzer.PdeProblemKind.NonlinearSource:
                Report(DiagnosticCatalog.NonlinearSource, equation.Right.Span, field, result.Detail);
                return;
        }
        var fluxDimension = _binder.Divergences.Count > 0 ? _binder.Divergences[0].Dimension : _problem.Field.Dimension * Dimension.Length / Dimension.Time;
        string text = SourceText(equation.Span);
        _problem.Equation = new BoundEquation(result.Capacity!, result.Diffusivity!, result.SourceConstant!, result.SourceLinear!, fluxDimension, text, equation.Span.Line);
    }

    private string SourceText(SourceSpan span) => _sourceText is null || span.End > _sourceText.Length ? "" : _sourceText.Substring(span.Start, span.Length);

    private string? _sourceText;

    /// <summary>Binds with access to the spec text (for quoting declarations in generated comments).</summary>
    public static BoundProblem Bind(string path, string text, ProblemSyntax syntax, List<DiagnosticInfo> diagnostics)
    {
        var binder = new ProblemBinder(path, syntax, diagnostics) { _sourceText = text };
        binder.Run();
        return binder._problem;
    }

    private void BindInitial()
    {
        var initials = Members<InitialSyntax>().ToList();
        if (_problem.Field is null) return;
        if (initials.Count == 0)
        {
            Report(DiagnosticCatalog.MissingInitial, _syntax.NameSpan, _problem.Field.Name);
            return;
        }
        foreach (var extra in initials.Skip(1)) Report(DiagnosticCatalog.DuplicateDeclaration, extra.Span, "initial", initials[0].Span.Line.ToString(CultureInfo.InvariantCulture));
        var initial = initials[0];
        if (initial.Field != _problem.Field.Name)
        {
            Report(DiagnosticCatalog.UndefinedName, initial.FieldSpan, initial.Field, " as a field");
            return;
        }
        var value = BindCondition(initial.Value, "the initial value", _problem.Field.Name, _problem.Field.Dimension, allowCoordinate: true, allowTime: false);
        if (value is null) return;
        _problem.Initial = value;
        _problem.InitialLine = initial.Span.Line;
    }

    /// <summary>Binds a condition value and checks its dimension and what it may depend on.</summary>
    private Expr? BindCondition(ExpressionSyntax syntax, string what, string ofWhat, Dimension expected, bool allowCoordinate, bool allowTime)
    {
        var bound = _binder.Bind(syntax, ExpressionContext.Value);
        if (!bound.Ok) return null;
        if (!bound.IsZero && bound.Dimension != expected)
        {
            Report(DiagnosticCatalog.FieldDimension, syntax.Span, what, ofWhat, ExpressionBinder.Show(expected), ExpressionBinder.Show(bound.Dimension));
            return null;
        }
        var ir = Expand(bound.Ir);
        foreach (var symbol in ExprAnalysis.FreeSymbols(ir))
        {
            var kind = _symbols.TryGetValue(symbol, out var d) ? d.Kind : SymbolKind.Constant;
            bool allowed = d is { IsConstant: true }
                || (kind == SymbolKind.Coordinate && allowCoordinate)
                || (kind == SymbolKind.Time && allowTime)
                || (kind == SymbolKind.MaterialProperty && allowCoordinate);
            if (!allowed)
            {
                Report(DiagnosticCatalog.OperatorMisuse, syntax.Span, what + " must not depend on '" + symbol + "'");
                return null;
            }
        }
        return ir;
    }

    private void BindBoundaries()
    {
        if (!_domainBound) return; // no usable geometry (already reported): nothing to check positions against
        var boundaries = Members<BoundarySyntax>().ToList();
        bool radial = _problem.Shape != "slab";
        double start = EvaluateDefault(_problem.DomainStart), end = EvaluateDefault(_problem.DomainEnd);
        double tolerance = 1e-9 * Math.Max(Math.Abs(start), Math.Abs(end));
        int? startLine = null, endLine = null;
        foreach (var boundary in boundaries)
        {
            if (boundary.Coordinate != _problem.Coordinate)
            {
                Report(DiagnosticCatalog.UndefinedName, boundary.CoordinateSpan, boundary.Coordinate, " as the coordinate of this problem ('" + _problem.Coordinate + "')");
                continue;
            }
            var location = BindBound(boundary.Location, "boundary", boundary.Coordinate, Dimension.Length);
            if (location is null) continue;
            double at = EvaluateDefault(location);
            bool atStart = Math.Abs(at - start) <= tolerance, atEnd = Math.Abs(at - end) <= tolerance;
            if (!atStart && !atEnd)
            {
                Report(DiagnosticCatalog.BoundaryNotAtEnd, boundary.Location.Span, _problem.Coordinate, ExprFormatter.Format(_problem.DomainStart), ExprFormatter.Format(_problem.DomainEnd));
                continue;
            }
            if (atStart && radial && start == 0)
            {
                Report(DiagnosticCatalog.BoundaryAtRegularPoint, boundary.Location.Span, _problem.Coordinate, _problem.Shape, _problem.Field?.Name ?? "u");
                continue;
            }
            var previous = atStart ? startLine : endLine;
            if (previous is not null)
            {
                Report(DiagnosticCatalog.DuplicateBoundary, boundary.Span, _problem.Coordinate, ExprFormatter.Format(location), previous.Value.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            if (atStart) startLine = boundary.Span.Line; else endLine = boundary.Span.Line;
            if (_problem.Field is null) continue;
            if (boundary.Field != _problem.Field.Name)
            {
                Report(DiagnosticCatalog.UndefinedName, boundary.FieldSpan, boundary.Field, " as a field");
                continue;
            }
            var fieldDimension = _problem.Field.Dimension;
            var (expected, what) = boundary.Kind switch
            {
                BoundaryConditionKind.Flux => (_problem.Equation?.FluxDimension ?? fieldDimension * Dimension.Length / Dimension.Time, "flux(" + boundary.Field + ")"),
                BoundaryConditionKind.NormalDerivative => (fieldDimension / Dimension.Length, "dn(" + boundary.Field + ")"),
                _ => (fieldDimension, "the boundary value"),
            };
            var value = BindCondition(boundary.Value, what, boundary.Field, expected, allowCoordinate: false, allowTime: true);
            if (value is null) continue;
            var bound = new BoundBoundary(boundary.Kind, value, boundary.Span.Line, boundary.Span);
            if (atStart) _problem.StartBoundary = bound; else _problem.EndBoundary = bound;
        }
        var geometry = Members<GeometrySyntax>().FirstOrDefault();
        if (geometry is null || _problem.Field is null) return;
        if (startLine is null && !(radial && start == 0))
        {
            Report(DiagnosticCatalog.MissingBoundary, geometry.Lower.Span, _problem.Coordinate, ExprFormatter.Format(_problem.DomainStart));
        }
        if (endLine is null)
        {
            Report(DiagnosticCatalog.MissingBoundary, geometry.Upper.Span, _problem.Coordinate, ExprFormatter.Format(_problem.DomainEnd));
        }
    }

    private void BindInterfaces()
    {
        if (!_domainBound || _problem.Regions.Count == 0) return; // geometry or regions failed (already reported)
        foreach (var item in Members<InterfaceSyntax>())
        {
            var location = BindBound(item.Location, "interface", item.Coordinate, Dimension.Length);
            if (location is null) continue;
            double at = EvaluateDefault(location);
            bool isInterface = _problem.Regions.Skip(1).Any(r => Math.Abs(EvaluateDefault(r.Lower) - at) <= 1e-9 * Math.Abs(at));
            if (!isInterface)
            {
                Report(DiagnosticCatalog.OperatorMisuse, item.Location.Span, "there is no region interface at " + item.Coordinate + " = " + ExprFormatter.Format(location));
                continue;
            }
            foreach (var condition in item.Conditions)
            {
                if (condition is not CallSyntax { Name: "continuous", Arguments.Count: 1 })
                {
                    Report(DiagnosticCatalog.OperatorMisuse, condition.Span, "an interface condition is continuous(field) or continuous(flux); the finite-volume method enforces both");
                }
            }
        }
    }

    private void BindObservables()
    {
        foreach (var observable in Members<ObservableSyntax>())
        {
            if (_problem.TimeLine > 0 && observable.Argument != _problem.TimeVariable)
            {
                Report(DiagnosticCatalog.UndefinedName, observable.NameSpan, observable.Argument, " as the time variable ('" + _problem.TimeVariable + "')");
                continue;
            }
            _binder.Means.Clear();
            var bound = _binder.Bind(observable.Value, ExpressionContext.Observable);
            if (!bound.Ok) continue;
            if (bound.Ir is not Symbol { Name: PdeSymbols.MeanPrefix + "0" } || _binder.Means.Count != 1)
            {
                Report(DiagnosticCatalog.OperatorMisuse, observable.Value.Span, "an observable is mean(expression) or mean(expression over region)");
                continue;
            }
            var (integrand, region, _) = _binder.Means[0];
            int? regionIndex = region is null ? null : _problem.Regions.FindIndex(r => r.Name == region);
            if (regionIndex < 0) regionIndex = null;
            _problem.Observables.Add(new BoundObservable(observable.Name, Expand(integrand.Ir), regionIndex, integrand.Dimension, SourceText(observable.Span), observable.Span.Line));
        }
    }

    /// <summary><c>data y, z from "file"</c>: every name must be an observable; the file is checked by nmrdsl fit, not here.</summary>
    private void BindData()
    {
        foreach (var data in Members<DataSyntax>())
        {
            foreach (var name in data.Observables)
            {
                if (name.Kind != TokenKind.Identifier) continue;
                if (!_problem.Observables.Any(o => o.Name == name.Text))
                {
                    Report(DiagnosticCatalog.DataForUnknownObservable, name.Span, name.Text,
                        _problem.Observables.Count == 0 ? "(none declared)" : string.Join(", ", _problem.Observables.Select(o => o.Name)));
                }
            }
            _problem.DataFiles.Add(data);
        }
    }

    private void BindSolve()
    {
        foreach (var loss in Members<LossSyntax>()) BindPinn(loss.Options, loss.Span.Line);
        var solves = Members<SolveSyntax>().ToList();
        if (solves.Count == 0 || solves.All(s => s.Method == "pinn"))
        {
            Report(DiagnosticCatalog.NoSolve, _syntax.NameSpan, _syntax.Name);
        }
        foreach (var solve in solves)
        {
            if (solve.Method == "pinn")
            {
                BindPinn(solve.Options, solve.Span.Line);
                continue;
            }
            if (solve.Method != "finite-volume")
            {
                Report(DiagnosticCatalog.UnknownSolver, solve.MethodSpan, solve.Method);
                continue;
            }
            _problem.SolveLine = solve.Span.Line;
            foreach (var option in solve.Options)
            {
                var value = BindConstant(option.Value, option.Name);
                if (value is null) continue;
                double v = value.Value.Si;
                bool isCount = v == Math.Round(v);
                switch (option.Name)
                {
                    case "cells" when isCount && v >= 4 && v <= 1_000_000:
                        _problem.Cells = (int)v;
                        break;
                    case "outputs" when isCount && v >= 2 && v <= 100_000:
                        _problem.Outputs = (int)v;
                        break;
                    case "rtol" when v > 0 && v < 1:
                        _problem.RelativeTolerance = v;
                        break;
                    case "cells":
                    case "outputs":
                    case "rtol":
                        Report(DiagnosticCatalog.BadSolverOption, option.Value.Span, string.Format(CultureInfo.InvariantCulture, "'{0}' is out of range: cells is a whole number 4 .. 1000000, outputs 2 .. 100000, rtol in (0, 1)", option.Name));
                        break;
                    default:
                        Report(DiagnosticCatalog.BadSolverOption, option.NameSpan, "unknown option '" + option.Name + "' of finite-volume; expected cells, outputs or rtol");
                        break;
                }
            }
        }
    }
}
