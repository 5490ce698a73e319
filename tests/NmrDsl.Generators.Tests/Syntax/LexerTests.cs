using System.Collections.Generic;
using System.Linq;
using NmrDsl.Generators.Diagnostics;
using NmrDsl.Generators.Syntax;

namespace NmrDsl.Generators.Tests.Syntax;

public sealed class LexerTests
{
    private static List<Token> Lex(string text, out List<DiagnosticInfo> diagnostics)
    {
        diagnostics = new List<DiagnosticInfo>();
        return Lexer.Tokenize("t.nmr", text, diagnostics);
    }

    private static List<Token> Lex(string text)
    {
        var tokens = Lex(text, out var diagnostics);
        Assert.Empty(diagnostics);
        return tokens;
    }

    private static TokenKind[] Kinds(IEnumerable<Token> tokens) => tokens.Select(t => t.Kind).ToArray();

    [Fact]
    public void Spans_AreOneBasedLinesAndColumns_WithOffsets()
    {
        var tokens = Lex("problem P\n  time t");
        Assert.Equal(new[] { TokenKind.Identifier, TokenKind.Identifier, TokenKind.NewLine, TokenKind.Identifier, TokenKind.Identifier, TokenKind.EndOfFile }, Kinds(tokens));
        Assert.Equal(new SourceSpan(0, 7, 1, 1, 1, 8), tokens[0].Span);
        Assert.Equal(new SourceSpan(8, 1, 1, 9, 1, 10), tokens[1].Span);
        Assert.Equal(new SourceSpan(12, 4, 2, 3, 2, 7), tokens[3].Span);
        Assert.Equal(new SourceSpan(17, 1, 2, 8, 2, 9), tokens[4].Span);
        Assert.True(tokens[0].StartsLine);
        Assert.False(tokens[1].StartsLine);
        Assert.True(tokens[3].StartsLine);
    }

    [Theory]
    [InlineData("0 .. R")]
    [InlineData("0..R")]
    public void Range_LexesAsNumberDotDotName(string text)
    {
        var tokens = Lex(text);
        Assert.Equal(new[] { TokenKind.Number, TokenKind.DotDot, TokenKind.Identifier, TokenKind.EndOfFile }, Kinds(tokens));
        Assert.Equal("0", tokens[0].Text);
        Assert.Equal("R", tokens[2].Text);
    }

    [Theory]
    [InlineData("1.5e-3")]
    [InlineData("1.5E+3")]
    [InlineData("2e10")]
    [InlineData(".5")]
    [InlineData("250")]
    public void Numbers_WithFractionAndExponent_AreOneToken(string text)
    {
        var tokens = Lex(text);
        Assert.Equal(new[] { TokenKind.Number, TokenKind.EndOfFile }, Kinds(tokens));
        Assert.Equal(text, tokens[0].Text);
        Assert.Equal(text.Length, tokens[0].Span.Length);
    }

    [Fact]
    public void Number_FollowedByUnit_AndRangeAfterFraction()
    {
        Assert.Equal(new[] { TokenKind.Number, TokenKind.Identifier, TokenKind.EndOfFile }, Kinds(Lex("1nm")));
        Assert.Equal(new[] { TokenKind.Number, TokenKind.DotDot, TokenKind.Number, TokenKind.EndOfFile }, Kinds(Lex("1.5..2.5")));
        // 'e' without digits is not an exponent: 2 e (a unit or name follows the number).
        Assert.Equal(new[] { TokenKind.Number, TokenKind.Identifier, TokenKind.EndOfFile }, Kinds(Lex("2e")));
    }

    [Fact]
    public void Comments_AndBlankLines_AreSkipped()
    {
        var tokens = Lex("// header\n\n# hash comment\nproblem P // trailing\n\n\n  time t # again\n");
        Assert.Equal(
            new[] { TokenKind.Identifier, TokenKind.Identifier, TokenKind.NewLine, TokenKind.Identifier, TokenKind.Identifier, TokenKind.NewLine, TokenKind.EndOfFile },
            Kinds(tokens));
        Assert.Equal(4, tokens[0].Span.Line);
        Assert.Equal(7, tokens[3].Span.Line);
        Assert.Equal(3, tokens[3].Span.Column);
    }

    [Fact]
    public void Operators_AreRecognised()
    {
        Assert.Equal(
            new[] { TokenKind.Plus, TokenKind.Minus, TokenKind.Star, TokenKind.Slash, TokenKind.Caret, TokenKind.OpenParen, TokenKind.CloseParen, TokenKind.Comma, TokenKind.Colon, TokenKind.Semicolon, TokenKind.Equals, TokenKind.LessEqual, TokenKind.Less, TokenKind.GreaterEqual, TokenKind.Greater, TokenKind.DotDot, TokenKind.EndOfFile },
            Kinds(Lex("+ - * / ^ ( ) , : ; = <= < >= > ..")));
    }

    [Fact]
    public void CrLfAndLoneCr_CountAsOneLineBreak()
    {
        var tokens = Lex("a\r\nb\rc");
        Assert.Equal(new[] { 1, 1, 2, 2, 3 }, tokens.Take(5).Select(t => t.Span.Line));
        Assert.Equal(1, tokens[4].Span.Column);
    }

    [Fact]
    public void String_IsUnescaped_AndSpansItsQuotes()
    {
        var tokens = Lex("\"a \\\"b\\\" c\"");
        Assert.Equal(TokenKind.String, tokens[0].Kind);
        Assert.Equal("a \"b\" c", tokens[0].Text);
        Assert.Equal(11, tokens[0].Span.Length);
    }

    [Fact]
    public void BadCharacter_IsOneTokenAndOneLocatedDiagnostic()
    {
        var tokens = Lex("a $ b", out var diagnostics);
        Assert.Equal(new[] { TokenKind.Identifier, TokenKind.Bad, TokenKind.Identifier, TokenKind.EndOfFile }, Kinds(tokens));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("NMR0002", diagnostic.Id);
        Assert.Equal(new SourceSpan(2, 1, 1, 3, 1, 4), diagnostic.Span);
        Assert.Equal("unexpected character '$'", diagnostic.Message);
    }

    [Fact]
    public void ControlCharacter_IsShownEscaped()
    {
        Lex("a \u0001", out var diagnostics);
        Assert.Equal("unexpected character '\\u0001'", Assert.Single(diagnostics).Message);
    }

    [Theory]
    [InlineData("1e999")]
    [InlineData("1.2.3")]
    public void MalformedNumber_IsReportedOnce(string text)
    {
        var tokens = Lex(text, out var diagnostics);
        Assert.Equal(new[] { TokenKind.Bad, TokenKind.EndOfFile }, Kinds(tokens));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("NMR0004", diagnostic.Id);
        Assert.Equal(text.Length, diagnostic.Span.Length);
    }

    [Fact]
    public void UnterminatedString_StopsAtTheEndOfTheLine()
    {
        var tokens = Lex("\"abc\nnext", out var diagnostics);
        Assert.Equal(new[] { TokenKind.String, TokenKind.NewLine, TokenKind.Identifier, TokenKind.EndOfFile }, Kinds(tokens));
        Assert.Equal("NMR0003", Assert.Single(diagnostics).Id);
        Assert.Equal(2, tokens[2].Span.Line);
    }
}
