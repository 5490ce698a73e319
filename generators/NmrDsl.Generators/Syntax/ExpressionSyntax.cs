using System.Collections.Generic;

namespace NmrDsl.Generators.Syntax;

/// <summary>An expression of the spec language. Every node carries the span it was parsed from.</summary>
public abstract record ExpressionSyntax(SourceSpan Span);

/// <summary>A numeric literal with an optional unit, e.g. <c>500 nm^2/s</c>.</summary>
public sealed record NumberSyntax(double Value, string Text, UnitSyntax? Unit, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>A reference to a declared name, a coordinate or a constant such as <c>pi</c>.</summary>
public sealed record NameSyntax(string Name, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>Unary minus or plus.</summary>
public sealed record UnarySyntax(TokenKind Operator, ExpressionSyntax Operand, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>A binary arithmetic operation (+ - * / ^); <paramref name="OperatorSpan"/> locates the operator for diagnostics.</summary>
public sealed record BinarySyntax(TokenKind Operator, ExpressionSyntax Left, ExpressionSyntax Right, SourceSpan OperatorSpan, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>
/// A function or operator application, e.g. <c>exp(-t / T1)</c>, <c>div(D * grad(P))</c>, or
/// <c>mean(P over solid)</c> (then <paramref name="Over"/> names the region).
/// </summary>
public sealed record CallSyntax(string Name, SourceSpan NameSpan, IReadOnlyList<ExpressionSyntax> Arguments, string? Over, SourceSpan? OverSpan, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>A chain of comparisons such as <c>R &lt; r &lt; Rp</c> (region conditions).</summary>
public sealed record ComparisonSyntax(IReadOnlyList<ExpressionSyntax> Operands, IReadOnlyList<TokenKind> Operators, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>Placeholder for an expression that failed to parse (a diagnostic has been reported).</summary>
public sealed record MissingSyntax(SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>A unit such as <c>nm^2/s</c>: symbols with signed integer powers (division gives negative powers).</summary>
public sealed record UnitSyntax(IReadOnlyList<UnitFactorSyntax> Factors, SourceSpan Span)
{
    public override string ToString()
    {
        var parts = new List<string>();
        foreach (var f in Factors)
        {
            parts.Add(f.Power == 1 ? f.Symbol : f.Symbol + "^" + f.Power.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return string.Join(" ", parts);
    }
}

/// <summary>One unit symbol raised to a power.</summary>
public sealed record UnitFactorSyntax(string Symbol, int Power, SourceSpan Span);
