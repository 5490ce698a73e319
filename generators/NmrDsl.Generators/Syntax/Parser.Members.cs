using System.Collections.Generic;
using NmrDsl.Generators.Diagnostics;

namespace NmrDsl.Generators.Syntax;

public sealed partial class Parser
{
    private MemberSyntax? ParseMember(string blockName)
    {
        var keyword = Current;
        if (keyword.Kind != TokenKind.Identifier)
        {
            Error(DiagnosticCatalog.ExpectedToken, keyword.Span, "a declaration", keyword.ToString());
            return null;
        }
        switch (keyword.Text)
        {
            case "geometry": return ParseGeometry();
            case "time": return ParseTime();
            case "parameter": return ParseParameter();
            case "unknown": return ParseUnknown();
            case "let": return ParseLet();
            case "region": return ParseRegion();
            case "material": return ParseMaterial();
            case "field": return ParseField();
            case "equation": return ParseEquation();
            case "initial": return ParseInitial();
            case "boundary": return ParseBoundary();
            case "interface": return ParseInterface();
            case "observable": return ParseObservable();
            case "solve": return ParseSolve();
            case "loss": return ParseLoss();
            case "data": return ParseData();
            default:
                Error(DiagnosticCatalog.UnknownMember, keyword.Span, keyword.Text, "problem", string.Join(", ", ProblemMembers));
                return null;
        }
    }

    private (ExpressionSyntax Lower, ExpressionSyntax Upper) ParseRange()
    {
        ExpectKeyword("in");
        var lower = ParseExpr();
        Expect(TokenKind.DotDot, "'..'");
        var upper = ParseExpr();
        return (lower, upper);
    }

    private GeometrySyntax ParseGeometry()
    {
        var start = Advance().Span;
        var shape = Current;
        if (shape.Kind == TokenKind.Identifier && (shape.Text is "slab" or "cylinder" or "sphere"))
        {
            Advance();
        }
        else
        {
            Error(DiagnosticCatalog.ExpectedToken, shape.Span, "'slab', 'cylinder' or 'sphere'", shape.ToString());
            if (shape.Kind == TokenKind.Identifier) Advance();
        }
        var coordinate = ExpectIdentifier("a coordinate name");
        var (lower, upper) = ParseRange();
        return new GeometrySyntax(shape.Text, shape.Span, coordinate.Text, coordinate.Span, lower, upper, SpanFrom(start));
    }

    private TimeSyntax ParseTime()
    {
        var start = Advance().Span;
        var variable = ExpectIdentifier("a time variable name");
        var (lower, upper) = ParseRange();
        return new TimeSyntax(variable.Text, variable.Span, lower, upper, SpanFrom(start));
    }

    private string? ParseOptionalDescription() => Current.Kind == TokenKind.String ? Advance().Text : null;

    private ParameterSyntax ParseParameter()
    {
        var start = Advance().Span;
        var name = ExpectIdentifier("a parameter name");
        Expect(TokenKind.Equals, "'='");
        var value = ParseExpr();
        var description = ParseOptionalDescription();
        return new ParameterSyntax(name.Text, name.Span, value, description, SpanFrom(start));
    }

    private UnknownSyntax ParseUnknown()
    {
        var start = Advance().Span;
        var name = ExpectIdentifier("an unknown's name");
        var (lower, upper) = ParseRange();
        bool log = false;
        ExpressionSyntax? initial = null;
        while (Current.Kind == TokenKind.Identifier && (Current.Text is "log" or "initial"))
        {
            if (Advance().Text == "log") log = true;
            else initial = ParseExpr();
        }
        var description = ParseOptionalDescription();
        return new UnknownSyntax(name.Text, name.Span, lower, upper, log, initial, description, SpanFrom(start));
    }

    private LetSyntax ParseLet()
    {
        var start = Advance().Span;
        var name = ExpectIdentifier("a name");
        Expect(TokenKind.Equals, "'='");
        var value = ParseExpr();
        return new LetSyntax(name.Text, name.Span, value, SpanFrom(start));
    }

    private RegionSyntax ParseRegion()
    {
        var start = Advance().Span;
        var name = ExpectIdentifier("a region name");
        var condition = ParseExpr();
        if (condition is not ComparisonSyntax comparison)
        {
            Error(DiagnosticCatalog.ExpectedToken, condition.Span, "a condition such as 'r < R' or 'R < r < Rp'", "an expression");
            comparison = new ComparisonSyntax(new[] { condition }, System.Array.Empty<TokenKind>(), condition.Span);
        }
        return new RegionSyntax(name.Text, name.Span, comparison, SpanFrom(start));
    }

    private MaterialSyntax ParseMaterial()
    {
        var start = Advance().Span;
        var region = ExpectIdentifier("a region name");
        var properties = new List<PropertySyntax>();
        do
        {
            var name = ExpectIdentifier("a property name such as 'D'");
            Expect(TokenKind.Equals, "'='");
            var value = ParseExpr();
            properties.Add(new PropertySyntax(name.Text, name.Span, value, name.Span.Cover(value.Span)));
        }
        while (Current.Kind == TokenKind.Identifier && !_lineFailed);
        return new MaterialSyntax(region.Text, region.Span, properties, SpanFrom(start));
    }

    private FieldSyntax ParseField()
    {
        var start = Advance().Span;
        var name = ExpectIdentifier("a field name");
        var arguments = new List<string>();
        Expect(TokenKind.OpenParen, "'('");
        do
        {
            arguments.Add(ExpectIdentifier("a coordinate name").Text);
        }
        while (Current.Kind == TokenKind.Comma && Advance().Kind == TokenKind.Comma);
        Expect(TokenKind.CloseParen, "')'");
        UnitSyntax? unit = null;
        if (IsKeyword("unit"))
        {
            Advance();
            unit = ParseUnit(requireFirst: true);
        }
        return new FieldSyntax(name.Text, name.Span, arguments, unit, SpanFrom(start));
    }

    private EquationSyntax ParseEquation()
    {
        var start = Advance().Span;
        var left = ParseExpr();
        var equals = Expect(TokenKind.Equals, "'='");
        var right = ParseExpr();
        return new EquationSyntax(left, right, equals.Span, SpanFrom(start));
    }

    private InitialSyntax ParseInitial()
    {
        var start = Advance().Span;
        var field = ExpectIdentifier("a field name");
        Expect(TokenKind.Equals, "'='");
        var value = ParseExpr();
        return new InitialSyntax(field.Text, field.Span, value, SpanFrom(start));
    }

    private BoundarySyntax ParseBoundary()
    {
        var start = Advance().Span;
        var coordinate = ExpectIdentifier("a coordinate name");
        Expect(TokenKind.Equals, "'='");
        var location = ParseExpr();
        Expect(TokenKind.Colon, "':'");
        var kind = BoundaryConditionKind.Value;
        Token field;
        if (Current.Kind == TokenKind.Identifier && (Current.Text is "flux" or "dn") && PeekToken(1).Kind == TokenKind.OpenParen)
        {
            kind = Advance().Text == "flux" ? BoundaryConditionKind.Flux : BoundaryConditionKind.NormalDerivative;
            Advance();
            field = ExpectIdentifier("a field name");
            Expect(TokenKind.CloseParen, "')'");
        }
        else
        {
            field = ExpectIdentifier("a field name, flux(field) or dn(field)");
        }
        Expect(TokenKind.Equals, "'='");
        var value = ParseExpr();
        return new BoundarySyntax(coordinate.Text, coordinate.Span, location, kind, field.Text, field.Span, value, SpanFrom(start));
    }

    private InterfaceSyntax ParseInterface()
    {
        var start = Advance().Span;
        var coordinate = ExpectIdentifier("a coordinate name");
        Expect(TokenKind.Equals, "'='");
        var location = ParseExpr();
        Expect(TokenKind.Colon, "':'");
        var conditions = new List<ExpressionSyntax> { ParseExpr() };
        while (Current.Kind == TokenKind.Comma)
        {
            Advance();
            conditions.Add(ParseExpr());
        }
        return new InterfaceSyntax(coordinate.Text, coordinate.Span, location, conditions, SpanFrom(start));
    }

    private ObservableSyntax ParseObservable()
    {
        var start = Advance().Span;
        var name = ExpectIdentifier("an observable name");
        Expect(TokenKind.OpenParen, "'('");
        var argument = ExpectIdentifier("the time variable");
        Expect(TokenKind.CloseParen, "')'");
        Expect(TokenKind.Equals, "'='");
        var value = ParseExpr();
        return new ObservableSyntax(name.Text, name.Span, argument.Text, value, SpanFrom(start));
    }

    private SolveSyntax ParseSolve()
    {
        var start = Advance().Span;
        var first = ExpectIdentifier("a solve method such as 'finite-volume'");
        string method = first.Text;
        var methodSpan = first.Span;
        // Hyphenated method names ("finite-volume") lex as identifier, '-', identifier.
        while (Current.Kind == TokenKind.Minus && PeekToken(1).Kind == TokenKind.Identifier && Current.Span.Start == methodSpan.End)
        {
            Advance();
            var part = Advance();
            method += "-" + part.Text;
            methodSpan = methodSpan.Cover(part.Span);
        }
        return new SolveSyntax(method, methodSpan, ParseOptions(), SpanFrom(start));
    }

    private DataSyntax ParseData()
    {
        var start = Advance().Span;
        var names = new List<Token> { ExpectIdentifier("an observable name") };
        while (Current.Kind == TokenKind.Comma && !_lineFailed)
        {
            Advance();
            names.Add(ExpectIdentifier("an observable name"));
        }
        ExpectKeyword("from");
        var path = Current;
        Expect(TokenKind.String, "a file name in quotes");
        return new DataSyntax(names, path.Text, path.Span, SpanFrom(start));
    }

    private LossSyntax ParseLoss()
    {
        var start = Advance().Span;
        return new LossSyntax(ParseOptions(), SpanFrom(start));
    }

    /// <summary><c>name value</c> pairs to the end of the line; a value is an expression or a keyword such as <c>auto</c>.</summary>
    private List<SolveOptionSyntax> ParseOptions()
    {
        var options = new List<SolveOptionSyntax>();
        while (Current.Kind == TokenKind.Identifier && !_lineFailed)
        {
            var name = Advance();
            var value = ParseExpr();
            options.Add(new SolveOptionSyntax(name.Text, name.Span, value, name.Span.Cover(value.Span)));
        }
        return options;
    }
}
