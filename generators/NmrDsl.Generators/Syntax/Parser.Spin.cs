using System.Collections.Generic;
using System.Globalization;
using NmrDsl.Generators.Diagnostics;

namespace NmrDsl.Generators.Syntax;

/// <summary>
/// Parsing of <c>spinsystem</c> and <c>sequence</c> blocks. Same line discipline as problem blocks:
/// one declaration per line (or several separated by ';'; field and reference may share a line),
/// one diagnostic per line, recovery at the next line.
/// </summary>
public sealed partial class Parser
{
    /// <summary>Declarations a spinsystem block accepts.</summary>
    public static readonly string[] SpinSystemMembers = { "field", "reference", "spin", "coupling", "relaxation" };

    /// <summary>Declarations a sequence block accepts.</summary>
    public static readonly string[] SequenceMembers = { "pulse", "delay", "shaped", "edit", "filter", "ensemble", "acquire" };

    // Words that follow a quantity inside a spin declaration: a number right before one of them has no unit.
    private static readonly string[] SpinOptionWords = { "phase", "duration", "lobes", "steps", "points", "sw", "lb", "T1", "T2", "reference", "field", "at", "limit", "weight" };

    private static bool IsSpinBlockKeyword(string word) => word is "spinsystem" or "sequence" or "optimize";

    private BlockSyntax ParseSpinBlock()
    {
        var header = Advance();
        bool isOptimize = header.Text == "optimize";
        bool isSequence = header.Text == "sequence" || isOptimize;
        var name = ExpectIdentifier("a block name");
        string system = "";
        SourceSpan systemSpan = name.Span;
        if (isSequence && !_lineFailed)
        {
            ExpectKeyword("on");
            var target = ExpectIdentifier(isOptimize ? "the name of the sequence to optimise" : "the name of the spin system the sequence acts on");
            system = target.Text;
            systemSpan = target.Span;
        }
        string? description = _lineFailed ? null : ParseOptionalDescription();
        EndStatement();
        var members = new List<MemberSyntax>();
        var allowed = isOptimize ? OptimizeMembers : isSequence ? SequenceMembers : SpinSystemMembers;
        while (Current.Kind != TokenKind.EndOfFile && Current.Span.Column != 1)
        {
            _lineFailed = false;
            while (true)
            {
                var member = ParseSpinMember(header.Text, allowed);
                if (member is not null) members.Add(member);
                if (Current.Kind == TokenKind.Semicolon)
                {
                    Advance();
                    if (!AtLineEnd) continue;
                }
                else if (!_lineFailed && Current.Kind == TokenKind.Identifier && System.Array.IndexOf(allowed, Current.Text) >= 0)
                {
                    continue; // "field 2.89 T reference 4.65 ppm"
                }
                EndStatement();
                break;
            }
        }
        string blockName = name.Text.Length > 0 ? name.Text : "<missing>";
        var span = SpanFrom(header.Span);
        if (isOptimize) return new OptimizeSyntax(blockName, name.Span, system, systemSpan, description, members, span);
        return isSequence
            ? new SequenceSyntax(blockName, name.Span, system, systemSpan, description, members, span)
            : new SpinSystemSyntax(blockName, name.Span, description, members, span);
    }

    private MemberSyntax? ParseSpinMember(string block, string[] allowed)
    {
        var keyword = Current;
        if (keyword.Kind != TokenKind.Identifier || System.Array.IndexOf(allowed, keyword.Text) < 0)
        {
            if (keyword.Kind == TokenKind.Identifier) Error(DiagnosticCatalog.UnknownMember, keyword.Span, keyword.Text, block, string.Join(", ", allowed));
            else Error(DiagnosticCatalog.ExpectedToken, keyword.Span, "a declaration", keyword.ToString());
            return null;
        }
        var start = Advance().Span;
        switch (keyword.Text)
        {
            case "field":
            case "reference":
                return new SpinQuantitySyntax(keyword.Text, ParseSpinQuantity(), SpanFrom(start));
            case "spin":
            {
                var name = ExpectIdentifier("a spin name");
                var (isotope, isotopeSpan) = ParseIsotope();
                var shift = ParseSpinQuantity();
                return new SpinSiteSyntax(name.Text, name.Span, isotope, isotopeSpan, shift, SpanFrom(start));
            }
            case "coupling":
            {
                var first = ExpectIdentifier("a spin name");
                var second = ExpectIdentifier("a second spin name");
                var value = ParseSpinQuantity();
                return new CouplingSyntax(first.Text, first.Span, second.Text, second.Span, value, SpanFrom(start));
            }
            case "relaxation":
                return new RelaxationSyntax(ParseSpinOptions("T1", "T2"), SpanFrom(start));
            case "pulse":
            {
                var flip = ParseSpinQuantity();
                var phase = ParseOptionalPhase();
                return new PulseSyntax(flip, phase, SpanFrom(start));
            }
            case "delay":
                return new DelaySyntax(ParseSpinQuantity(), SpanFrom(start));
            case "shaped":
            {
                var (shape, shapeSpan) = ParseHyphenatedWord("a pulse shape such as 'sinc-gaussian'");
                var flip = ParseSpinQuantity();
                var options = ParseSpinOptions("duration", "lobes", "steps");
                var phase = ParseOptionalPhase();
                return new ShapedPulseSyntax(shape, shapeSpan, flip, options, phase, SpanFrom(start));
            }
            case "filter":
            {
                ExpectKeyword("coherence");
                var orderStart = Current.Span;
                bool negative = false;
                if (Current.Kind is TokenKind.Minus or TokenKind.Plus) negative = Advance().Kind == TokenKind.Minus;
                int order = ParseInteger("a coherence order such as -1");
                return new FilterSyntax(negative ? -order : order, SpanFrom(orderStart), SpanFrom(start));
            }
            case "acquire":
            {
                var pointsSpan = Current.Span;
                int points = ParseInteger("the number of points");
                ExpectKeyword("points");
                return new AcquireSyntax(points, pointsSpan, ParseSpinOptions("sw", "lb", "phase"), SpanFrom(start));
            }
            default:
                return ParseSpinOptimizeMember(keyword.Text, start);
        }
    }

    /// <summary>A quantity; a bare number right before an option word is unitless (the binder then asks for a unit).</summary>
    private ExpressionSyntax ParseSpinQuantity()
    {
        int sign = Current.Kind == TokenKind.Minus && PeekToken(1).Kind == TokenKind.Number ? 1 : 0;
        var number = PeekToken(sign);
        var after = PeekToken(sign + 1);
        if (number.Kind == TokenKind.Number && after.Kind == TokenKind.Identifier && System.Array.IndexOf(SpinOptionWords, after.Text) >= 0)
        {
            var minus = sign == 1 ? Advance() : default;
            Advance();
            var literal = new NumberSyntax(double.Parse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture), number.Text, null, number.Span);
            return sign == 1 ? new UnarySyntax(TokenKind.Minus, literal, minus.Span.Cover(number.Span)) : literal;
        }
        return ParseExpr();
    }

    private int ParseInteger(string description)
    {
        var token = Current;
        if (token.Kind == TokenKind.Number && int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
        {
            Advance();
            return value;
        }
        Error(DiagnosticCatalog.ExpectedToken, token.Span, description, token.ToString());
        return 0;
    }

    private (string Symbol, SourceSpan Span) ParseIsotope()
    {
        var first = Current;
        if (first.Kind == TokenKind.Number && PeekToken(1).Kind == TokenKind.Identifier && PeekToken(1).Span.Start == first.Span.End)
        {
            Advance();
            var element = Advance();
            return (first.Text + element.Text, first.Span.Cover(element.Span));
        }
        if (first.Kind == TokenKind.Identifier)
        {
            Advance();
            return (first.Text, first.Span);
        }
        Error(DiagnosticCatalog.ExpectedToken, first.Span, "an isotope such as 1H or 13C", first.ToString());
        return ("", first.Span);
    }

    private (string Word, SourceSpan Span) ParseHyphenatedWord(string description)
    {
        var first = ExpectIdentifier(description);
        string word = first.Text;
        var span = first.Span;
        while (Current.Kind == TokenKind.Minus && PeekToken(1).Kind == TokenKind.Identifier
            && Current.Span.Start == span.End && PeekToken(1).Span.Start == Current.Span.End)
        {
            Advance();
            var next = Advance();
            word += "-" + next.Text;
            span = span.Cover(next.Span);
        }
        return (word, span);
    }

    private List<SolveOptionSyntax> ParseSpinOptions(params string[] names)
    {
        var options = new List<SolveOptionSyntax>();
        while (Current.Kind == TokenKind.Identifier && System.Array.IndexOf(names, Current.Text) >= 0)
        {
            var name = Advance();
            ExpressionSyntax value;
            if (name.Text is "lobes" or "steps")
            {
                var number = Current;
                value = new NumberSyntax(ParseInteger("a whole number"), number.Text, null, number.Span);
            }
            else
            {
                value = ParseSpinQuantity();
            }
            options.Add(new SolveOptionSyntax(name.Text, name.Span, value, name.Span.Cover(value.Span)));
        }
        return options;
    }

    private PhaseSyntax? ParseOptionalPhase()
    {
        if (!IsKeyword("phase")) return null;
        var start = Advance().Span;
        bool negative = Current.Kind == TokenKind.Minus && PeekToken(1).Kind == TokenKind.Identifier;
        var axis = negative ? PeekToken(1) : Current;
        if (axis.Kind == TokenKind.Identifier && axis.Text is "x" or "y")
        {
            if (negative) Advance();
            Advance();
            return new PhaseSyntax((negative ? "-" : "") + axis.Text, null, SpanFrom(start));
        }
        var angle = ParseSpinQuantity();
        return new PhaseSyntax(null, angle, SpanFrom(start));
    }
}
