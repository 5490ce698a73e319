using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NmrDsl.Generators.Diagnostics;
using NmrDsl.Generators.Symbolic;
using NmrDsl.Generators.Syntax;
using NmrDsl.Generators.Units;

namespace NmrDsl.Generators.Binding;

/// <summary>
/// Binds one problem block: declares every name, checks units, resolves lets in dependency
/// order, and hands the equation to <see cref="PdeAnalyzer"/>. Reports diagnostics and carries on,
/// so that one spec shows all its independent mistakes at once.
/// </summary>
public sealed partial class ProblemBinder
{
    private readonly string _path;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly ProblemSyntax _syntax;
    private readonly BoundProblem _problem;
    private readonly Dictionary<string, DeclaredSymbol> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LetSyntax> _letSyntax = new(StringComparer.Ordinal);
    private readonly HashSet<string> _lettingNow = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Expr> _nonConstantLets = new(StringComparer.Ordinal);
    private readonly ExpressionBinder _binder;

    private ProblemBinder(string path, ProblemSyntax syntax, List<DiagnosticInfo> diagnostics)
    {
        _path = path;
        _syntax = syntax;
        _diagnostics = diagnostics;
        _problem = new BoundProblem(syntax);
        _binder = new ExpressionBinder(path, diagnostics, Lookup);
    }

    /// <summary>Binds <paramref name="syntax"/>; the result is meaningful only if no error was added.</summary>
    public static BoundProblem Bind(string path, ProblemSyntax syntax, List<DiagnosticInfo> diagnostics)
    {
        var binder = new ProblemBinder(path, syntax, diagnostics);
        binder.Run();
        return binder._problem;
    }

    private void Report(DiagnosticDescriptorInfo descriptor, SourceSpan span, params object?[] args)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor, _path, span, args));

    private DeclaredSymbol? Lookup(string name)
    {
        if (_letSyntax.ContainsKey(name) && !_symbols.ContainsKey(name)) ResolveLet(name);
        return _symbols.TryGetValue(name, out var symbol) ? symbol : null;
    }

    private bool Declare(DeclaredSymbol symbol)
    {
        if (_symbols.TryGetValue(symbol.Name, out var existing))
        {
            Report(DiagnosticCatalog.DuplicateDeclaration, symbol.Span, symbol.Name, existing.Span.Line.ToString(CultureInfo.InvariantCulture));
            return false;
        }
        _symbols.Add(symbol.Name, symbol);
        _problem.Symbols.Add(symbol);
        return true;
    }

    private IEnumerable<T> Members<T>() where T : MemberSyntax => _syntax.Members.OfType<T>();

    private void Run()
    {
        DeclareCoordinates();
        DeclareParameters();
        DeclareLets();
        DeclareRegionsAndMaterials();
        DeclareField();
        foreach (var observable in Members<ObservableSyntax>())
        {
            if (_letSyntax.ContainsKey(observable.Name)) { ReportDuplicateLet(observable.Name, observable.NameSpan); continue; }
            Declare(new DeclaredSymbol(observable.Name, SymbolKind.Observable, Dimension.None, observable.NameSpan));
        }

        foreach (var name in _letSyntax.Keys.ToList()) ResolveLet(name);
        BindDomain();
        BindRegions();
        BindMaterials();
        BindEquation();
        BindInitial();
        BindBoundaries();
        BindInterfaces();
        BindObservables();
        BindData();
        BindSolve();
    }

    private void ReportDuplicateLet(string name, SourceSpan span)
        => Report(DiagnosticCatalog.DuplicateDeclaration, span, name, _letSyntax[name].NameSpan.Line.ToString(CultureInfo.InvariantCulture));

    private void DeclareCoordinates()
    {
        var geometries = Members<GeometrySyntax>().ToList();
        if (geometries.Count == 0) Report(DiagnosticCatalog.MissingGeometry, _syntax.NameSpan, _syntax.Name);
        foreach (var extra in geometries.Skip(1)) Report(DiagnosticCatalog.DuplicateDeclaration, extra.Span, "geometry", geometries[0].Span.Line.ToString(CultureInfo.InvariantCulture));
        if (geometries.Count > 0)
        {
            var g = geometries[0];
            _problem.Shape = g.Shape;
            _problem.Coordinate = g.Coordinate;
            _problem.GeometryLine = g.Span.Line;
            _binder.CoordinateName = g.Coordinate;
            Declare(new DeclaredSymbol(g.Coordinate, SymbolKind.Coordinate, Dimension.Length, g.CoordinateSpan));
        }

        var times = Members<TimeSyntax>().ToList();
        if (times.Count == 0) Report(DiagnosticCatalog.MissingTime, _syntax.NameSpan, _syntax.Name);
        foreach (var extra in times.Skip(1)) Report(DiagnosticCatalog.DuplicateDeclaration, extra.Span, "time", times[0].Span.Line.ToString(CultureInfo.InvariantCulture));
        if (times.Count > 0)
        {
            _problem.TimeVariable = times[0].Variable;
            _problem.TimeLine = times[0].Span.Line;
            Declare(new DeclaredSymbol(times[0].Variable, SymbolKind.Time, Dimension.Time, times[0].VariableSpan));
        }
    }

    private void DeclareParameters()
    {
        foreach (var p in Members<ParameterSyntax>())
        {
            var value = BindConstant(p.Value, p.Name);
            if (value is null) { Declare(new DeclaredSymbol(p.Name, SymbolKind.Parameter, Dimension.None, p.NameSpan) { IsConstant = true, HasError = true }); continue; }
            Declare(new DeclaredSymbol(p.Name, SymbolKind.Parameter, value.Value.Dimension, p.NameSpan, null, value.Value.Si, UnitText(p.Value), p.Description) { IsConstant = true });
        }
        foreach (var u in Members<UnknownSyntax>())
        {
            var lower = BindConstant(u.Lower, u.Name);
            var upper = BindConstant(u.Upper, u.Name);
            var initial = u.Initial is null ? null : BindConstant(u.Initial, u.Name);
            var dimension = lower?.Dimension ?? upper?.Dimension ?? Dimension.None;
            if (lower is { } lo && upper is { } hi)
            {
                if (lo.Dimension != hi.Dimension) Report(DiagnosticCatalog.IncompatibleSum, u.Upper.Span, "use as bounds", ExpressionBinder.Show(lo.Dimension), ExpressionBinder.Show(hi.Dimension));
                if (!(lo.Si < hi.Si)) Report(DiagnosticCatalog.EmptyDomain, u.Lower.Span, u.Name, Format(lo.Si), Format(hi.Si));
                if (u.LogScale && !(lo.Si > 0)) Report(DiagnosticCatalog.LogScaleBound, u.Lower.Span);
            }
            if (initial is { } init && lower is { } l0 && init.Dimension != l0.Dimension)
            {
                Report(DiagnosticCatalog.IncompatibleSum, u.Initial!.Span, "use as the initial value", ExpressionBinder.Show(init.Dimension), ExpressionBinder.Show(l0.Dimension));
            }
            double? start = initial?.Si;
            if (start is null && lower is { } a && upper is { } b)
            {
                start = u.LogScale && a.Si > 0 ? Math.Sqrt(a.Si * b.Si) : 0.5 * (a.Si + b.Si);
            }
            bool failed = lower is null || upper is null || (u.Initial is not null && initial is null);
            Declare(new DeclaredSymbol(u.Name, SymbolKind.Unknown, dimension, u.NameSpan, null, start, UnitText(u.Initial ?? u.Lower), u.Description) { IsConstant = true, HasError = failed, Lower = lower?.Si, Upper = upper?.Si, LogScale = u.LogScale });
        }
    }

    private void DeclareLets()
    {
        foreach (var let in Members<LetSyntax>())
        {
            if (_symbols.TryGetValue(let.Name, out var existing))
            {
                Report(DiagnosticCatalog.DuplicateDeclaration, let.NameSpan, let.Name, existing.Span.Line.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            if (_letSyntax.ContainsKey(let.Name)) { ReportDuplicateLet(let.Name, let.NameSpan); continue; }
            _letSyntax.Add(let.Name, let);
        }
    }

    /// <summary>Binds a let on first use, so lets may refer to each other in any order; cycles are reported.</summary>
    private void ResolveLet(string name)
    {
        if (_symbols.ContainsKey(name)) return;
        var let = _letSyntax[name];
        if (!_lettingNow.Add(name))
        {
            Report(DiagnosticCatalog.CyclicDefinition, let.NameSpan, name, string.Join(" -> ", _lettingNow) + " -> " + name);
            Declare(new DeclaredSymbol(name, SymbolKind.Let, Dimension.None, let.NameSpan) { IsConstant = true, HasError = true });
            return;
        }
        var bound = _binder.Bind(let.Value, ExpressionContext.Value);
        _lettingNow.Remove(name);
        if (_symbols.ContainsKey(name)) return; // a cycle declared it meanwhile
        var ir = bound.Ok ? Simplifier.Simplify(bound.Ir) : Expr.Num(0);
        bool constant = ExprAnalysis.FreeSymbols(ir).All(s => _symbols.TryGetValue(s, out var d) && d.IsConstant);
        var symbol = new DeclaredSymbol(name, SymbolKind.Let, bound.Dimension, let.NameSpan, ir) { IsConstant = constant, HasError = !bound.Ok };
        Declare(symbol);
        if (!bound.Ok) return;
        if (constant) _problem.ConstantLets.Add(symbol);
        else _nonConstantLets[name] = ir;
    }

    /// <summary>Replaces non-constant lets (those that vary with position, time or the field) by their definitions.</summary>
    private Expr Expand(Expr ir)
    {
        for (int i = 0; i <= _nonConstantLets.Count; i++)
        {
            if (!ExprAnalysis.FreeSymbols(ir).Any(_nonConstantLets.ContainsKey)) break;
            ir = ExprAnalysis.Substitute(ir, _nonConstantLets);
        }
        return Simplifier.Simplify(ir);
    }

    private readonly record struct ConstantValue(double Si, Dimension Dimension);

    /// <summary>Binds a literal constant expression (numbers, units, pi); declared names are not allowed.</summary>
    private ConstantValue? BindConstant(ExpressionSyntax syntax, string owner)
    {
        _binder.References.Clear();
        var bound = _binder.Bind(syntax, ExpressionContext.Value);
        if (!bound.Ok) return null;
        if (_binder.References.Count > 0)
        {
            Report(DiagnosticCatalog.NonConstantParameter, syntax.Span, owner, _binder.References.OrderBy(s => s, StringComparer.Ordinal).First());
            return null;
        }
        double value = ExprAnalysis.Evaluate(bound.Ir, _ => double.NaN);
        return new ConstantValue(value, bound.Dimension);
    }

    /// <summary>Numeric value of a constant IR with every parameter at its default (for compile-time checks).</summary>
    private double EvaluateDefault(Expr ir)
    {
        try
        {
            return ExprAnalysis.Evaluate(ir, name =>
            {
                if (!_symbols.TryGetValue(name, out var symbol)) return double.NaN;
                if (symbol.SiValue is { } v) return v;
                if (symbol.Kind == SymbolKind.Let && symbol.IsConstant && symbol.Value is not null) return EvaluateDefault(symbol.Value);
                return double.NaN;
            });
        }
        catch (ArgumentException)
        {
            return double.NaN;
        }
    }

    private static string UnitText(ExpressionSyntax syntax) => syntax is NumberSyntax { Unit: { } unit } ? unit.ToString() : "";

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
