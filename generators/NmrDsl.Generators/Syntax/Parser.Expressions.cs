using System.Collections.Generic;
using System.Globalization;
using NmrDsl.Generators.Diagnostics;
using NmrDsl.Generators.Units;

namespace NmrDsl.Generators.Syntax;

public sealed partial class Parser
{
    // expr       := comparison
    // comparison := additive (('<' | '<=' | '>' | '>=') additive)*
    // additive   := term (('+' | '-') term)*
    // term       := unary (('*' | '/') unary)*
    // unary      := ('-' | '+') unary | power
    // power      := primary ('^' unary)?          (right associative: -x^2 = -(x^2))
    // primary    := number unit? | name | name '(' args ')' | '(' expr ')'
    // args       := expr (',' expr)* ('over' name)?
    private ExpressionSyntax ParseExpr()
    {
        var first = ParseAdditive();
        if (!IsComparison(Current.Kind)) return first;
        var operands = new List<ExpressionSyntax> { first };
        var operators = new List<TokenKind>();
        while (IsComparison(Current.Kind))
        {
            operators.Add(Advance().Kind);
            operands.Add(ParseAdditive());
        }
        return new ComparisonSyntax(operands, operators, first.Span.Cover(operands[operands.Count - 1].Span));
    }

    private static bool IsComparison(TokenKind kind)
        => kind is TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual;

    private ExpressionSyntax ParseAdditive()
    {
        var left = ParseTerm();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            var right = ParseTerm();
            left = new BinarySyntax(op.Kind, left, right, op.Span, left.Span.Cover(right.Span));
        }
        return left;
    }

    private ExpressionSyntax ParseTerm()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Advance();
            var right = ParseUnary();
            left = new BinarySyntax(op.Kind, left, right, op.Span, left.Span.Cover(right.Span));
        }
        return left;
    }

    private ExpressionSyntax ParseUnary()
    {
        if (Current.Kind is TokenKind.Minus or TokenKind.Plus)
        {
            var op = Advance();
            var operand = ParseUnary();
            return new UnarySyntax(op.Kind, operand, op.Span.Cover(operand.Span));
        }
        return ParsePower();
    }

    private ExpressionSyntax ParsePower()
    {
        var baseExpr = ParsePrimary();
        if (Current.Kind != TokenKind.Caret) return baseExpr;
        var op = Advance();
        var exponent = ParseUnary();
        return new BinarySyntax(TokenKind.Caret, baseExpr, exponent, op.Span, baseExpr.Span.Cover(exponent.Span));
    }

    private ExpressionSyntax ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
            {
                Advance();
                double value = double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
                UnitSyntax? unit = Current.Kind == TokenKind.Identifier ? ParseUnit(requireFirst: false) : null;
                var span = unit is null ? token.Span : token.Span.Cover(unit.Span);
                return new NumberSyntax(value, token.Text, unit, span);
            }
            case TokenKind.Identifier:
            {
                Advance();
                if (Current.Kind != TokenKind.OpenParen) return new NameSyntax(token.Text, token.Span);
                var open = Advance();
                var arguments = new List<ExpressionSyntax>();
                string? over = null;
                SourceSpan? overSpan = null;
                if (Current.Kind != TokenKind.CloseParen)
                {
                    arguments.Add(ParseExpr());
                    while (Current.Kind == TokenKind.Comma)
                    {
                        Advance();
                        arguments.Add(ParseExpr());
                    }
                    if (IsKeyword("over"))
                    {
                        Advance();
                        var region = ExpectIdentifier("a region name");
                        over = region.Text;
                        overSpan = region.Span;
                    }
                }
                if (Current.Kind != TokenKind.CloseParen)
                {
                    if (AtLineEnd) Error(DiagnosticCatalog.UnbalancedParenthesis, open.Span);
                    else Error(DiagnosticCatalog.ExpectedToken, Current.Span, "')'", Current.ToString());
                    return new CallSyntax(token.Text, token.Span, arguments, over, overSpan, SpanFrom(token.Span));
                }
                var close = Advance();
                return new CallSyntax(token.Text, token.Span, arguments, over, overSpan, token.Span.Cover(close.Span));
            }
            case TokenKind.OpenParen:
            {
                Advance();
                var inner = ParseExpr();
                if (Current.Kind != TokenKind.CloseParen)
                {
                    if (AtLineEnd) Error(DiagnosticCatalog.UnbalancedParenthesis, token.Span);
                    else Error(DiagnosticCatalog.ExpectedToken, Current.Span, "')'", Current.ToString());
                    return inner;
                }
                Advance();
                return inner;
            }
            default:
                Error(DiagnosticCatalog.ExpectedExpression, token.Span, token.ToString());
                return new MissingSyntax(token.Span);
        }
    }

    /// <summary>
    /// A unit after a number: <c>nm</c>, <c>nm^2/s</c>, <c>mol/L</c>, <c>m^2 s^-1</c>. The first symbol
    /// is taken whatever it is (nothing else may follow a number directly; an unknown symbol is a
    /// binder error NMR1003). Further symbols continue the unit only when they are known unit
    /// symbols, so <c>1 um / R</c> divides by the name R; write <c>(2 s) / L</c> when a declared
    /// name clashes with a unit symbol.
    /// </summary>
    private UnitSyntax? ParseUnit(bool requireFirst)
    {
        var factors = new List<UnitFactorSyntax>();
        var firstToken = Current;
        if (firstToken.Kind != TokenKind.Identifier)
        {
            if (requireFirst) Error(DiagnosticCatalog.ExpectedToken, firstToken.Span, "a unit", firstToken.ToString());
            return null;
        }
        if (!requireFirst && !StartsUnit()) return null;
        factors.Add(ParseUnitFactor(1));
        while (true)
        {
            if ((Current.Kind is TokenKind.Slash or TokenKind.Star) && PeekToken(1).Kind == TokenKind.Identifier && UnitCatalog.IsUnitSymbol(PeekToken(1).Text))
            {
                int sign = Advance().Kind == TokenKind.Slash ? -1 : 1;
                factors.Add(ParseUnitFactor(sign));
            }
            else if (Current.Kind == TokenKind.Identifier && UnitCatalog.IsUnitSymbol(Current.Text) && factors.Count > 0 && ContinuesProduct())
            {
                factors.Add(ParseUnitFactor(1));
            }
            else
            {
                break;
            }
        }
        return new UnitSyntax(factors, firstToken.Span.Cover(factors[factors.Count - 1].Span));
    }

    // "m^2 s^-1": a space-separated product continues only right after an explicit power.
    private bool ContinuesProduct() => _tokens[_index - 1].Kind == TokenKind.Number && _tokens[_index - 2].Kind is TokenKind.Caret or TokenKind.Minus;

    private static bool IsDeclarationWord(string word) => word is "log" or "initial" or "over" or "in" or "unit";

    /// <summary>
    /// Whether the identifier after a number is its unit. Not when it names the next property or
    /// option (<c>C = 75 mol/L D = 500 nm^2/s</c>, <c>cells 200 outputs 101</c>: followed by '=' or
    /// a number) or is a declaration word; otherwise yes, known or not (an unknown symbol is then
    /// reported as an unknown unit rather than as a confusing syntax error).
    /// </summary>
    private bool StartsUnit()
    {
        var next = PeekToken(1).Kind;
        if (next is TokenKind.Equals or TokenKind.Number) return false;
        return !IsDeclarationWord(Current.Text);
    }

    private UnitFactorSyntax ParseUnitFactor(int sign)
    {
        var symbol = Advance();
        int power = 1;
        var span = symbol.Span;
        if (Current.Kind == TokenKind.Caret)
        {
            Advance();
            int exponentSign = 1;
            if (Current.Kind == TokenKind.Minus)
            {
                Advance();
                exponentSign = -1;
            }
            var number = Current;
            if (number.Kind == TokenKind.Number && int.TryParse(number.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed))
            {
                Advance();
                power = exponentSign * parsed;
                span = span.Cover(number.Span);
            }
            else
            {
                Error(DiagnosticCatalog.ExpectedToken, number.Span, "an integer unit power", number.ToString());
            }
        }
        return new UnitFactorSyntax(symbol.Text, sign * power, span);
    }
}
