using System;
using System.Collections.Generic;
using System.Linq;
using NmrDsl.Generators.Diagnostics;
using NmrDsl.Generators.Symbolic;
using NmrDsl.Generators.Syntax;
using NmrDsl.Generators.Units;

namespace NmrDsl.Generators.Binding;

/// <summary>The physical kinds of quantity a spin declaration takes, each with the unit values are converted to.</summary>
public enum SpinQuantityKind
{
    /// <summary>Chemical shift, converted to ppm (units ppm or ppb).</summary>
    Shift,

    /// <summary>Angle, converted to degrees (units deg or rad).</summary>
    Angle,

    /// <summary>Frequency, converted to Hz.</summary>
    Frequency,

    /// <summary>Time, converted to s.</summary>
    Time,

    /// <summary>Magnetic flux density, converted to T.</summary>
    Field,
}

/// <summary>
/// Reads one quantity of a spin declaration: binds it with the ordinary unit machinery (so unknown
/// units are NMR1003 and names are NMR1001), checks its kind (ppm and deg are both dimensionless, so
/// their unit symbols are checked too) and converts it to the kind's unit. A plain literal in that
/// unit keeps its exact decimal value (4.0974 ppm stays 4.0974, not 4.0974e-6 / 1e-6).
/// </summary>
public static class SpinQuantity
{
    private static readonly Dimension Tesla = Dimension.Mass / Dimension.Time.Pow(2) / Dimension.Current;

    /// <summary>Target unit symbol and its SI factor for each kind.</summary>
    public static (string Symbol, double Factor, Dimension Dimension) Target(SpinQuantityKind kind) => kind switch
    {
        SpinQuantityKind.Shift => ("ppm", 1e-6, Dimension.None),
        SpinQuantityKind.Angle => ("deg", Math.PI / 180.0, Dimension.None),
        SpinQuantityKind.Frequency => ("Hz", 1.0, Dimension.Time.Pow(-1)),
        SpinQuantityKind.Time => ("s", 1.0, Dimension.Time),
        _ => ("T", 1.0, Tesla),
    };

    /// <summary>Value in the kind's unit, or null after reporting a diagnostic. <paramref name="si"/> is the SI value.</summary>
    public static double? Read(string path, ExpressionSyntax syntax, SpinQuantityKind kind, string what, List<DiagnosticInfo> diagnostics, out double si)
    {
        si = double.NaN;
        if (syntax is MissingSyntax) return null;
        int before = diagnostics.Count;
        var binder = new ExpressionBinder(path, diagnostics, _ => null);
        var bound = binder.Bind(syntax, ExpressionContext.Value);
        if (diagnostics.Count > before || !bound.Ok) return null;
        var (symbol, factor, dimension) = Target(kind);
        var symbols = new List<string>();
        CollectUnits(syntax, symbols);
        bool unitsFit = kind switch
        {
            SpinQuantityKind.Shift => symbols.Count > 0 && symbols.All(s => s is "ppm" or "ppb"),
            SpinQuantityKind.Angle => symbols.Count > 0 && symbols.All(s => s is "deg" or "rad" or "mrad"),
            _ => true,
        };
        if (bound.Dimension != dimension || !unitsFit)
        {
            string expected = kind switch
            {
                SpinQuantityKind.Shift => "ppm (e.g. 4.0974 ppm)",
                SpinQuantityKind.Angle => "deg or rad (e.g. 90 deg)",
                SpinQuantityKind.Frequency => "a frequency unit (e.g. 6.933 Hz)",
                SpinQuantityKind.Time => "a time unit (e.g. 10 ms)",
                _ => "a magnetic-field unit (e.g. 2.89 T)",
            };
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.SpinQuantityUnit, path, syntax.Span, what, expected));
            return null;
        }
        si = ExprAnalysis.Evaluate(bound.Ir, _ => double.NaN);
        if (double.IsNaN(si) || double.IsInfinity(si))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.SpinValueOutOfRange, path, syntax.Span, what + " is not a finite number"));
            return null;
        }
        if (Literal(syntax) is { } literal && literal.Number.Unit is { Factors.Count: 1 } unit && unit.Factors[0].Power == 1
            && UnitCatalog.TryResolve(unit.Factors[0].Symbol, out var definition))
        {
            double value = definition.Symbol == symbol ? literal.Number.Value : literal.Number.Value * (definition.Factor / factor);
            return literal.Negative ? -value : value;
        }
        return si / factor;
    }

    private static (NumberSyntax Number, bool Negative)? Literal(ExpressionSyntax syntax) => syntax switch
    {
        NumberSyntax n => (n, false),
        UnarySyntax { Operator: TokenKind.Minus, Operand: NumberSyntax n } => (n, true),
        UnarySyntax { Operator: TokenKind.Plus, Operand: NumberSyntax n } => (n, false),
        _ => null,
    };

    private static void CollectUnits(ExpressionSyntax syntax, List<string> symbols)
    {
        switch (syntax)
        {
            case NumberSyntax { Unit: { } unit }:
                symbols.AddRange(unit.Factors.Select(f => f.Symbol));
                break;
            case UnarySyntax u:
                CollectUnits(u.Operand, symbols);
                break;
            case BinarySyntax b:
                CollectUnits(b.Left, symbols);
                CollectUnits(b.Right, symbols);
                break;
        }
    }
}
