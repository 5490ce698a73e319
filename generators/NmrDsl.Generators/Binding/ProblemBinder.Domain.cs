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
    private readonly Dictionary<string, (MaterialSyntax Line, Dictionary<string, (BoundExpression Value, PropertySyntax Syntax)> Values)> _materials = new(StringComparer.Ordinal);

    // A material line for an undeclared region (reported) probably meant one of the declared
    // regions, so the values "missing" there are not reported again.
    private bool _materialForUnknownRegion;

    private void DeclareRegionsAndMaterials()
    {
        foreach (var region in Members<RegionSyntax>())
        {
            Declare(new DeclaredSymbol(region.Name, SymbolKind.Region, Dimension.None, region.NameSpan));
        }
        // Property names are declared first (their values may use lets, which may use other properties).
        var declared = new Dictionary<string, DeclaredSymbol>(StringComparer.Ordinal);
        var materials = Members<MaterialSyntax>().ToList();
        foreach (var material in materials)
        {
            foreach (var property in material.Properties)
            {
                if (declared.ContainsKey(property.Name) || property.Name.Length == 0) continue;
                var symbol = new DeclaredSymbol(property.Name, SymbolKind.MaterialProperty, Dimension.None, property.NameSpan);
                if (Declare(symbol)) declared.Add(property.Name, symbol);
            }
        }
        foreach (var material in materials)
        {
            if (!_symbols.TryGetValue(material.Region, out var region) || region.Kind != SymbolKind.Region)
            {
                if (material.Region.Length > 0) Report(DiagnosticCatalog.UnknownRegion, material.RegionSpan, material.Region);
                _materialForUnknownRegion = true;
                continue;
            }
            if (_materials.TryGetValue(material.Region, out var earlier))
            {
                Report(DiagnosticCatalog.DuplicateDeclaration, material.RegionSpan, "material " + material.Region, earlier.Line.Span.Line.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            var values = new Dictionary<string, (BoundExpression, PropertySyntax)>(StringComparer.Ordinal);
            _materials.Add(material.Region, (material, values));
            foreach (var property in material.Properties)
            {
                if (values.ContainsKey(property.Name))
                {
                    Report(DiagnosticCatalog.DuplicateDeclaration, property.NameSpan, property.Name, property.NameSpan.Line.ToString(CultureInfo.InvariantCulture));
                    continue;
                }
                values.Add(property.Name, (_binder.Bind(property.Value, ExpressionContext.Value), property));
            }
        }
        // A property's dimension is that of its first value; the others must agree (checked in BindMaterials).
        // A property none of whose values bound (each error already reported) is poisoned, so that
        // its uses stay silent.
        foreach (var name in declared.Keys.ToList())
        {
            bool anyOk = false;
            DeclaredSymbol? resolved = null;
            foreach (var material in materials)
            {
                if (!_materials.TryGetValue(material.Region, out var entry) || !entry.Values.TryGetValue(name, out var value) || !value.Value.Ok) continue;
                anyOk = true;
                if (!value.Value.IsZero)
                {
                    resolved = declared[name] with { Dimension = value.Value.Dimension };
                    break;
                }
            }
            if (resolved is null && !anyOk) resolved = declared[name] with { HasError = true };
            if (resolved is null) continue;
            _symbols[name] = resolved;
            int index = _problem.Symbols.FindIndex(s => s.Name == name);
            if (index >= 0) _problem.Symbols[index] = resolved;
        }
    }

    private void DeclareField()
    {
        var fields = Members<FieldSyntax>().ToList();
        if (fields.Count != 1)
        {
            var span = fields.Count > 1 ? fields[1].NameSpan : _syntax.NameSpan;
            Report(DiagnosticCatalog.FieldCount, span, _syntax.Name, fields.Count.ToString(CultureInfo.InvariantCulture));
        }
        if (fields.Count == 0) return;
        var field = fields[0];
        var dimension = Dimension.None;
        string? unitText = null;
        bool unitFailed = field.Unit is not null && !_binder.TryResolveUnit(field.Unit, out _);
        if (field.Unit is not null && !unitFailed && _binder.TryResolveUnit(field.Unit, out var unit))
        {
            dimension = unit.Dimension;
            unitText = field.Unit.ToString();
            if (Math.Abs(unit.Factor - 1) > 1e-12)
            {
                // The field is computed in SI; a scaled unit would silently rescale conditions, so refuse it.
                Report(DiagnosticCatalog.FieldUnitNotCoherent, field.Unit.Span, field.Unit.ToString());
            }
        }
        foreach (var argument in field.Arguments)
        {
            // Without a geometry or time line (already reported) the names cannot be checked.
            bool coordinateKnown = _problem.GeometryLine > 0, timeKnown = _problem.TimeLine > 0;
            if (argument.Length > 0 && coordinateKnown && timeKnown && argument != _problem.Coordinate && argument != _problem.TimeVariable)
            {
                Report(DiagnosticCatalog.UndefinedName, field.NameSpan, argument, " as a coordinate or time variable of this problem");
            }
        }
        var symbol = new DeclaredSymbol(field.Name, SymbolKind.Field, dimension, field.NameSpan, DeclaredUnit: unitText) { HasError = unitFailed };
        if (Declare(symbol))
        {
            _problem.Field = symbol;
            _binder.FieldName = field.Name;
        }
    }

    private void BindDomain()
    {
        var geometry = Members<GeometrySyntax>().FirstOrDefault();
        if (geometry is not null)
        {
            var lower = BindBound(geometry.Lower, "coordinate", geometry.Coordinate, Dimension.Length);
            var upper = BindBound(geometry.Upper, "coordinate", geometry.Coordinate, Dimension.Length);
            if (lower is not null && upper is not null)
            {
                _problem.DomainStart = lower;
                _problem.DomainEnd = upper;
                double a = EvaluateDefault(lower), b = EvaluateDefault(upper);
                if (!(a < b)) Report(DiagnosticCatalog.EmptyDomain, geometry.Upper.Span, geometry.Coordinate, Format(a), Format(b));
                else if (geometry.Shape != "slab" && a < 0) Report(DiagnosticCatalog.RegularityOnSlab, geometry.Lower.Span, geometry.Shape);
                else _domainBound = true;
            }
        }
        var time = Members<TimeSyntax>().FirstOrDefault();
        if (time is not null)
        {
            var lower = BindBound(time.Lower, "time", time.Variable, Dimension.Time);
            var upper = BindBound(time.Upper, "time", time.Variable, Dimension.Time);
            if (lower is not null && EvaluateDefault(lower) != 0)
            {
                Report(DiagnosticCatalog.TimeStart, time.Lower.Span);
            }
            if (upper is not null)
            {
                _problem.EndTime = upper;
                double end = EvaluateDefault(upper);
                if (!(end > 0)) Report(DiagnosticCatalog.EmptyDomain, time.Upper.Span, time.Variable, "0", Format(end));
            }
        }
    }

    /// <summary>Binds a domain bound: constant (parameters, unknowns, constant lets) with the given dimension.</summary>
    private Expr? BindBound(ExpressionSyntax syntax, string what, string name, Dimension expected)
    {
        var bound = _binder.Bind(syntax, ExpressionContext.Value);
        if (!bound.Ok) return null;
        if (!bound.IsZero && bound.Dimension != expected)
        {
            Report(DiagnosticCatalog.DomainDimension, syntax.Span, what, name, ExpressionBinder.Show(expected), ExpressionBinder.Show(bound.Dimension));
            return null;
        }
        var ir = Simplifier.Simplify(bound.Ir);
        var notConstant = ExprAnalysis.FreeSymbols(ir).FirstOrDefault(s => !(_symbols.TryGetValue(s, out var d) && d.IsConstant));
        if (notConstant is not null)
        {
            Report(DiagnosticCatalog.OperatorMisuse, syntax.Span, "a bound must be constant, but it depends on '" + notConstant + "'");
            return null;
        }
        return ir;
    }

    /// <summary>True once the geometry's bounds have bound; checks against the domain are skipped otherwise (no cascades).</summary>
    private bool _domainBound;

    private void BindRegions()
    {
        var regions = Members<RegionSyntax>().ToList();
        if (!_domainBound) return; // missing or broken geometry: already reported
        if (regions.Count == 0)
        {
            _problem.Regions.Add(new BoundRegion("domain", _problem.DomainStart, _problem.DomainEnd, _problem.GeometryLine));
            return;
        }
        var bound = new List<(BoundRegion Region, double Lower, double Upper, RegionSyntax Syntax)>();
        foreach (var region in regions)
        {
            var interval = BindInterval(region.Condition);
            if (interval is null) continue;
            var (lo, hi) = interval.Value;
            bound.Add((new BoundRegion(region.Name, lo, hi, region.Span.Line), EvaluateDefault(lo), EvaluateDefault(hi), region));
        }
        if (bound.Count != regions.Count) return;
        bound.Sort((a, b) => a.Lower.CompareTo(b.Lower));
        double start = EvaluateDefault(_problem.DomainStart), end = EvaluateDefault(_problem.DomainEnd);
        double tolerance = 1e-12 * Math.Max(Math.Abs(start), Math.Abs(end));
        double expected = start;
        foreach (var (region, lower, upper, syntax) in bound)
        {
            if (Math.Abs(lower - expected) > tolerance)
            {
                string message = lower > expected
                    ? string.Format(CultureInfo.InvariantCulture, "no region covers {0} = {1} .. {2} m", _problem.Coordinate, Format(expected), Format(lower))
                    : string.Format(CultureInfo.InvariantCulture, "region '{0}' overlaps the region before it", region.Name);
                Report(DiagnosticCatalog.RegionTiling, syntax.NameSpan, message);
                return;
            }
            if (!(upper > lower))
            {
                Report(DiagnosticCatalog.EmptyDomain, syntax.NameSpan, region.Name, Format(lower), Format(upper));
                return;
            }
            expected = upper;
        }
        if (Math.Abs(expected - end) > tolerance)
        {
            Report(DiagnosticCatalog.RegionTiling, bound[bound.Count - 1].Syntax.NameSpan, string.Format(CultureInfo.InvariantCulture, "the regions end at {0} = {1} m but the domain ends at {2} m", _problem.Coordinate, Format(expected), Format(end)));
            return;
        }
        // Interior bounds are taken from the upper bound of each region (R of 'r < R'), the outer ones from the geometry.
        for (int i = 0; i < bound.Count; i++)
        {
            var lower = i == 0 ? _problem.DomainStart : bound[i - 1].Region.Upper;
            var upper = i == bound.Count - 1 ? _problem.DomainEnd : bound[i].Region.Upper;
            _problem.Regions.Add(bound[i].Region with { Lower = lower, Upper = upper });
        }
    }

    /// <summary>Reads <c>r &lt; R</c>, <c>R &lt; r &lt; Rp</c> or <c>r &gt; R</c> into [lower, upper] (missing ends are the domain's).</summary>
    private (Expr Lower, Expr Upper)? BindInterval(ComparisonSyntax condition)
    {
        int at = -1;
        for (int i = 0; i < condition.Operands.Count; i++)
        {
            if (condition.Operands[i] is NameSyntax n && n.Name == _problem.Coordinate) at = i;
        }
        if (at < 0 || condition.Operators.Count == 0 || condition.Operators.Count > 2)
        {
            Report(DiagnosticCatalog.OperatorMisuse, condition.Span, "a region condition compares the coordinate '" + _problem.Coordinate + "' with constants, e.g. '" + _problem.Coordinate + " < R' or 'R < " + _problem.Coordinate + " < Rp'");
            return null;
        }
        bool increasing = condition.Operators.All(o => o is TokenKind.Less or TokenKind.LessEqual);
        bool decreasing = condition.Operators.All(o => o is TokenKind.Greater or TokenKind.GreaterEqual);
        if (!increasing && !decreasing)
        {
            Report(DiagnosticCatalog.OperatorMisuse, condition.Span, "mixing '<' and '>' in one region condition");
            return null;
        }
        Expr lower = _problem.DomainStart, upper = _problem.DomainEnd;
        for (int i = 0; i < condition.Operands.Count; i++)
        {
            if (i == at) continue;
            var value = BindBound(condition.Operands[i], "region", _problem.Coordinate, Dimension.Length);
            if (value is null) return null;
            bool before = i < at;
            if (before == increasing) lower = value; else upper = value;
        }
        return (lower, upper);
    }

    private void BindMaterials()
    {
        foreach (var property in _problem.Symbols.Where(s => s.Kind == SymbolKind.MaterialProperty).ToList())
        {
            var values = new List<Expr>();
            var lines = new List<int>();
            string? firstRegion = null;
            foreach (var region in _problem.Regions)
            {
                if (!_materials.TryGetValue(region.Name, out var material) || !material.Values.TryGetValue(property.Name, out var value))
                {
                    if (_materialForUnknownRegion) { values.Add(Expr.Num(0)); lines.Add(property.Span.Line); continue; }
                    var span = _materials.TryGetValue(region.Name, out var m) ? m.Line.RegionSpan : property.Span;
                    Report(DiagnosticCatalog.MissingMaterialProperty, span, property.Name, region.Name);
                    values.Add(Expr.Num(0));
                    lines.Add(property.Span.Line);
                    continue;
                }
                if (value.Value.Ok && !value.Value.IsZero && value.Value.Dimension != property.Dimension)
                {
                    Report(DiagnosticCatalog.MaterialDimension, value.Syntax.Value.Span, property.Name, ExpressionBinder.Show(value.Value.Dimension), region.Name, ExpressionBinder.Show(property.Dimension), firstRegion ?? "?");
                }
                firstRegion ??= region.Name;
                values.Add(Expand(value.Value.Ir));
                lines.Add(value.Syntax.Span.Line);
            }
            _problem.MaterialProperties.Add(new BoundMaterialProperty(property.Name, property.Dimension, values, lines));
        }
    }
}
