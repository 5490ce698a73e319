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
/// Binds expression syntax to the symbolic IR while checking names and physical dimensions.
/// Literals are converted to SI on the way (500 nm^2/s becomes 5e-16), so generated code works
/// in SI throughout. Every error is reported at the offending token, once.
/// </summary>
public sealed class ExpressionBinder
{
    private static readonly string[] Transcendental = { "exp", "log", "sin", "cos", "tan", "tanh", "sinh", "cosh", "atan" };

    private readonly string _path;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Func<string, DeclaredSymbol?> _lookup;

    public ExpressionBinder(string path, List<DiagnosticInfo> diagnostics, Func<string, DeclaredSymbol?> lookup)
    {
        _path = path;
        _diagnostics = diagnostics;
        _lookup = lookup;
    }

    /// <summary>Name of the field (for dt/grad/div), set while binding a problem.</summary>
    public string? FieldName { get; set; }

    /// <summary>Name of the space coordinate (d&lt;coordinate&gt;(u) is the 1-D gradient).</summary>
    public string? CoordinateName { get; set; }

    /// <summary>Arguments of div(...) met in the equation, in order ($div0, $div1…).</summary>
    public List<BoundExpression> Divergences { get; } = new();

    /// <summary>Integrands and regions of mean(...) met in an observable, in order ($mean0…).</summary>
    public List<(BoundExpression Integrand, string? Region, SourceSpan Span)> Means { get; } = new();

    /// <summary>Names referenced while binding (for dependency ordering of lets).</summary>
    public HashSet<string> References { get; } = new(StringComparer.Ordinal);

    public void Report(DiagnosticDescriptorInfo descriptor, SourceSpan span, params object?[] args)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor, _path, span, args));

    public BoundExpression Bind(ExpressionSyntax syntax, ExpressionContext context)
    {
        switch (syntax)
        {
            case NumberSyntax number: return BindNumber(number);
            case NameSyntax name: return BindName(name);
            case UnarySyntax unary:
            {
                var operand = Bind(unary.Operand, context);
                if (!operand.Ok) return BoundExpression.Error;
                return unary.Operator == TokenKind.Minus ? operand with { Ir = -operand.Ir } : operand;
            }
            case BinarySyntax binary: return BindBinary(binary, context);
            case CallSyntax call: return BindCall(call, context);
            case ComparisonSyntax comparison:
                Report(DiagnosticCatalog.OperatorMisuse, comparison.Span, "a comparison is only allowed as a region condition");
                return BoundExpression.Error;
            default:
                return BoundExpression.Error; // MissingSyntax: the parser already reported it
        }
    }

    private BoundExpression BindNumber(NumberSyntax number)
    {
        if (number.Unit is null)
        {
            return new BoundExpression(Expr.Num(number.Value), Dimension.None, true, number.Value == 0);
        }
        if (!TryResolveUnit(number.Unit, out var unit)) return BoundExpression.Error;
        return new BoundExpression(Expr.Num(ToSi(number.Value, unit.Factor)), unit.Dimension, true);
    }

    /// <summary>
    /// value × factor, correctly rounded for the usual sub-unit prefixes: dividing by the exact
    /// reciprocal (1e9 for nano) gives 250 nm = 2.5E-07 rather than 2.5000000000000004E-07.
    /// </summary>
    public static double ToSi(double value, double factor)
    {
        if (factor > 0 && factor < 1)
        {
            double reciprocal = Math.Round(1 / factor);
            if (reciprocal <= 1e22 && Math.Abs((1 / factor) - reciprocal) <= 1e-9 * reciprocal) return value / reciprocal;
        }
        return value * factor;
    }

    /// <summary>Resolves a unit such as nm^2/s to its SI factor and dimension, reporting unknown symbols.</summary>
    public bool TryResolveUnit(UnitSyntax syntax, out Unit unit)
    {
        unit = Unit.One;
        bool ok = true;
        foreach (var factor in syntax.Factors)
        {
            if (!UnitCatalog.TryResolve(factor.Symbol, out var definition))
            {
                Report(DiagnosticCatalog.UnknownUnit, factor.Span, factor.Symbol);
                ok = false;
                continue;
            }
            unit = unit * definition.ToUnit().Pow(factor.Power);
        }
        return ok;
    }

    private BoundExpression BindName(NameSyntax name)
    {
        var symbol = _lookup(name.Name);
        if (symbol is null)
        {
            if (name.Name == "pi") return new BoundExpression(Expr.Num(Math.PI), Dimension.None, true);
            // A bare unit symbol stands for one of that unit: "0.1 / s", "k = 2 * K".
            if (UnitCatalog.TryResolve(name.Name, out var unit))
            {
                return new BoundExpression(Expr.Num(unit.Factor), unit.Dimension, true);
            }
            Report(DiagnosticCatalog.UndefinedName, name.Span, name.Name, "");
            return BoundExpression.Error;
        }
        References.Add(symbol.Name);
        if (symbol.HasError) return BoundExpression.Error; // its declaration was reported
        if (symbol.Kind == SymbolKind.Region)
        {
            Report(DiagnosticCatalog.OperatorMisuse, name.Span, "region '" + name.Name + "' is not a value; use it as 'mean(... over " + name.Name + ")'");
            return BoundExpression.Error;
        }
        if (symbol.Kind == SymbolKind.Observable)
        {
            Report(DiagnosticCatalog.OperatorMisuse, name.Span, "observable '" + name.Name + "' cannot be used inside another expression");
            return BoundExpression.Error;
        }
        return new BoundExpression(Expr.Sym(symbol.Name), symbol.Dimension, true);
    }

    private BoundExpression BindBinary(BinarySyntax binary, ExpressionContext context)
    {
        var left = Bind(binary.Left, context);
        var right = Bind(binary.Right, context);
        if (!left.Ok || !right.Ok) return BoundExpression.Error;
        switch (binary.Operator)
        {
            case TokenKind.Plus:
            case TokenKind.Minus:
            {
                string verb = binary.Operator == TokenKind.Plus ? "add" : "subtract";
                if (!left.IsZero && !right.IsZero && left.Dimension != right.Dimension)
                {
                    Report(DiagnosticCatalog.IncompatibleSum, binary.OperatorSpan, verb, Show(left.Dimension), Show(right.Dimension));
                    return BoundExpression.Error;
                }
                var dimension = left.IsZero ? right.Dimension : left.Dimension;
                var ir = binary.Operator == TokenKind.Plus ? left.Ir + right.Ir : left.Ir - right.Ir;
                return new BoundExpression(ir, dimension, true, left.IsZero && right.IsZero);
            }
            case TokenKind.Star:
                return new BoundExpression(left.Ir * right.Ir, left.Dimension * right.Dimension, true, left.IsZero || right.IsZero);
            case TokenKind.Slash:
                return new BoundExpression(left.Ir / right.Ir, left.Dimension / right.Dimension, true, left.IsZero);
            case TokenKind.Caret:
                return BindPower(binary, left, right);
            default:
                return BoundExpression.Error;
        }
    }

    private BoundExpression BindPower(BinarySyntax binary, BoundExpression left, BoundExpression right)
    {
        if (!right.Dimension.IsDimensionless)
        {
            Report(DiagnosticCatalog.BadExponent, binary.Right.Span, "an exponent must be dimensionless, but this one is [" + Show(right.Dimension) + "]");
            return BoundExpression.Error;
        }
        if (left.Dimension.IsDimensionless)
        {
            return new BoundExpression(Expr.Pow(left.Ir, right.Ir), Dimension.None, true);
        }
        var exponent = Simplifier.Simplify(right.Ir) as Number;
        if (exponent is null || exponent.Value != Math.Round(exponent.Value) || Math.Abs(exponent.Value) > 64)
        {
            Report(DiagnosticCatalog.BadExponent, binary.Right.Span, "a quantity with a dimension ([" + Show(left.Dimension) + "]) can only be raised to a constant whole power");
            return BoundExpression.Error;
        }
        int n = (int)exponent.Value;
        return new BoundExpression(Expr.Pow(left.Ir, Expr.Num(n)), left.Dimension.Pow(n), true);
    }

    private BoundExpression BindCall(CallSyntax call, ExpressionContext context)
    {
        if (call.Over is not null && call.Name != "mean")
        {
            Report(DiagnosticCatalog.OperatorMisuse, call.OverSpan ?? call.Span, "'over region' is only allowed in mean(...)");
            return BoundExpression.Error;
        }
        switch (call.Name)
        {
            case "dt":
            case "grad":
                return BindFieldDerivative(call, context);
            case "div":
                return BindDivergence(call, context);
            case "mean":
                return BindMean(call, context);
            case "flux":
            case "dn":
            case "continuous":
                Report(DiagnosticCatalog.OperatorMisuse, call.NameSpan, call.Name + "(...) is only allowed on the left of a boundary or interface condition");
                return BoundExpression.Error;
        }
        if (CoordinateName is not null && call.Name == "d" + CoordinateName)
        {
            return BindFieldDerivative(call, context);
        }
        if (!KnownFunctions.TryGetArity(call.Name, out int arity))
        {
            Report(DiagnosticCatalog.UnknownFunction, call.NameSpan, "unknown function '" + call.Name + "'");
            return BoundExpression.Error;
        }
        if (call.Arguments.Count != arity)
        {
            Report(DiagnosticCatalog.UnknownFunction, call.NameSpan, string.Format(CultureInfo.InvariantCulture, "{0} takes {1} argument(s), not {2}", call.Name, arity, call.Arguments.Count));
            return BoundExpression.Error;
        }
        var args = call.Arguments.Select(a => Bind(a, context)).ToArray();
        if (args.Any(a => !a.Ok)) return BoundExpression.Error;
        var ir = Expr.Call(call.Name, args.Select(a => a.Ir).ToArray());
        if (Array.IndexOf(Transcendental, call.Name) >= 0)
        {
            if (!args[0].Dimension.IsDimensionless)
            {
                Report(DiagnosticCatalog.DimensionlessArgument, call.Arguments[0].Span, call.Name, Show(args[0].Dimension));
                return BoundExpression.Error;
            }
            return new BoundExpression(ir, Dimension.None, true);
        }
        switch (call.Name)
        {
            case "sqrt":
            case "cbrt":
            {
                int n = call.Name == "sqrt" ? 2 : 3;
                if (!args[0].Dimension.TryRoot(n, out var root))
                {
                    Report(DiagnosticCatalog.BadRoot, call.Arguments[0].Span, call.Name, Show(args[0].Dimension));
                    return BoundExpression.Error;
                }
                return new BoundExpression(ir, root, true);
            }
            case "min":
            case "max":
                if (!args[0].IsZero && !args[1].IsZero && args[0].Dimension != args[1].Dimension)
                {
                    Report(DiagnosticCatalog.IncompatibleSum, call.NameSpan, "compare", Show(args[0].Dimension), Show(args[1].Dimension));
                    return BoundExpression.Error;
                }
                return new BoundExpression(ir, args[0].IsZero ? args[1].Dimension : args[0].Dimension, true);
            case "abs":
                return new BoundExpression(ir, args[0].Dimension, true);
            default: // sign, heaviside: dimensionless results of any argument
                return new BoundExpression(ir, Dimension.None, true);
        }
    }

    private bool RequireEquation(CallSyntax call, ExpressionContext context)
    {
        if (context == ExpressionContext.Equation) return true;
        Report(DiagnosticCatalog.OperatorMisuse, call.NameSpan, call.Name + "(...) is only allowed in the equation");
        return false;
    }

    private BoundExpression BindFieldDerivative(CallSyntax call, ExpressionContext context)
    {
        if (!RequireEquation(call, context)) return BoundExpression.Error;
        if (call.Arguments.Count != 1 || call.Arguments[0] is not NameSyntax target || target.Name != FieldName)
        {
            string given = call.Arguments.Count == 1 ? ExpressionText(call.Arguments[0]) : call.Arguments.Count + " arguments";
            Report(DiagnosticCatalog.DerivativeOfNonField, call.Arguments.Count == 1 ? call.Arguments[0].Span : call.Span, call.Name, FieldName ?? "?", given);
            return BoundExpression.Error;
        }
        var field = _lookup(target.Name)!;
        References.Add(field.Name);
        if (field.HasError) return BoundExpression.Error;
        bool isTime = call.Name == "dt";
        var dimension = field.Dimension / (isTime ? Dimension.Time : Dimension.Length);
        return new BoundExpression(Expr.Sym(isTime ? PdeSymbols.TimeDerivative : PdeSymbols.Gradient), dimension, true);
    }

    private BoundExpression BindDivergence(CallSyntax call, ExpressionContext context)
    {
        if (!RequireEquation(call, context)) return BoundExpression.Error;
        if (call.Arguments.Count != 1)
        {
            Report(DiagnosticCatalog.UnknownFunction, call.NameSpan, "div takes 1 argument(s), not " + call.Arguments.Count.ToString(CultureInfo.InvariantCulture));
            return BoundExpression.Error;
        }
        var argument = Bind(call.Arguments[0], context);
        if (!argument.Ok) return BoundExpression.Error;
        string placeholder = PdeSymbols.DivergencePrefix + Divergences.Count.ToString(CultureInfo.InvariantCulture);
        Divergences.Add(argument);
        return new BoundExpression(Expr.Sym(placeholder), argument.Dimension / Dimension.Length, true);
    }

    private BoundExpression BindMean(CallSyntax call, ExpressionContext context)
    {
        if (context != ExpressionContext.Observable)
        {
            Report(DiagnosticCatalog.OperatorMisuse, call.NameSpan, "mean(...) is only allowed in an observable");
            return BoundExpression.Error;
        }
        if (call.Arguments.Count != 1)
        {
            Report(DiagnosticCatalog.UnknownFunction, call.NameSpan, "mean takes 1 argument(s), not " + call.Arguments.Count.ToString(CultureInfo.InvariantCulture));
            return BoundExpression.Error;
        }
        if (call.Over is not null)
        {
            var region = _lookup(call.Over);
            if (region is null || region.Kind != SymbolKind.Region)
            {
                Report(DiagnosticCatalog.UnknownRegion, call.OverSpan ?? call.Span, call.Over);
                return BoundExpression.Error;
            }
        }
        var integrand = Bind(call.Arguments[0], ExpressionContext.Value);
        if (!integrand.Ok) return BoundExpression.Error;
        string placeholder = PdeSymbols.MeanPrefix + Means.Count.ToString(CultureInfo.InvariantCulture);
        Means.Add((integrand, call.Over, call.Span));
        return new BoundExpression(Expr.Sym(placeholder), integrand.Dimension, true);
    }

    /// <summary>Dimension as shown in messages: its SI unit, or 1 when dimensionless.</summary>
    public static string Show(Dimension dimension) => dimension.IsDimensionless ? "1" : dimension.ToSiUnitString();

    private static string ExpressionText(ExpressionSyntax syntax) => syntax switch
    {
        NameSyntax n => n.Name,
        NumberSyntax n => n.Text,
        CallSyntax c => c.Name + "(...)",
        _ => "an expression",
    };
}
