using System.Collections.Generic;
using NmrDsl.Generators.Diagnostics;

namespace NmrDsl.Generators.Syntax;

/// <summary>
/// Recursive-descent parser for .nmr specs. Blocks start at column 1; their declarations are
/// indented, one per line (or separated by ';'). Error recovery is per line: the first error on a
/// line is reported, the rest of that line is skipped, and parsing resumes on the next line, so a
/// file with several mistakes gets one diagnostic per mistake and no cascades. Never throws.
/// </summary>
public sealed partial class Parser
{
    /// <summary>Declarations a problem block accepts, for error messages and recovery.</summary>
    public static readonly string[] ProblemMembers =
    {
        "geometry", "time", "parameter", "unknown", "let", "region", "material", "field",
        "equation", "initial", "boundary", "interface", "observable", "solve", "loss", "data",
    };

    private static readonly string[] BlockKeywords = { "problem", "spinsystem", "sequence", "echo", "optimize" };

    private readonly List<Token> _tokens;
    private readonly string _path;
    private readonly List<DiagnosticInfo> _diagnostics;
    private int _index;
    private bool _lineFailed;

    private Parser(string path, List<Token> tokens, List<DiagnosticInfo> diagnostics)
    {
        _path = path;
        _tokens = tokens;
        _diagnostics = diagnostics;
    }

    /// <summary>Lexes and parses a whole spec, appending diagnostics.</summary>
    public static SpecSyntax Parse(string path, string text, List<DiagnosticInfo> diagnostics)
    {
        var tokens = Lexer.Tokenize(path, text, diagnostics);
        var parser = new Parser(path, tokens, diagnostics);
        return parser.ParseSpec();
    }

    /// <summary>Parses a lone expression (used for <c>--set name=value</c> values).</summary>
    public static ExpressionSyntax ParseExpression(string path, string text, List<DiagnosticInfo> diagnostics)
    {
        var tokens = Lexer.Tokenize(path, text, diagnostics);
        var parser = new Parser(path, tokens, diagnostics);
        parser.SkipNewLines();
        var expression = parser.ParseExpr();
        parser.SkipNewLines();
        if (parser.Current.Kind != TokenKind.EndOfFile)
        {
            parser.Error(DiagnosticCatalog.UnexpectedTrailing, parser.Current.Span, parser.Current.ToString());
        }
        return expression;
    }

    private Token Current => _tokens[_index];

    private Token PeekToken(int offset) => _tokens[System.Math.Min(_index + offset, _tokens.Count - 1)];

    private Token Advance()
    {
        var token = _tokens[_index];
        if (_index < _tokens.Count - 1) _index++;
        return token;
    }

    private bool AtLineEnd => Current.Kind is TokenKind.NewLine or TokenKind.EndOfFile or TokenKind.Semicolon;

    private void SkipNewLines()
    {
        while (Current.Kind == TokenKind.NewLine) Advance();
    }

    private void Error(DiagnosticDescriptorInfo descriptor, SourceSpan span, params object?[] args)
    {
        if (_lineFailed) return; // one diagnostic per line: no cascades
        _lineFailed = true;
        if (Current.Kind == TokenKind.Bad) return; // the lexer has reported this token already
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, _path, span, args));
    }

    private void SkipRestOfLine()
    {
        while (Current.Kind is not (TokenKind.NewLine or TokenKind.EndOfFile)) Advance();
    }

    private bool IsKeyword(string keyword) => Current.Kind == TokenKind.Identifier && Current.Text == keyword;

    private Token Expect(TokenKind kind, string description)
    {
        if (Current.Kind == kind) return Advance();
        Error(DiagnosticCatalog.ExpectedToken, Current.Span, description, Current.ToString());
        return new Token(kind, "", Current.Span, false);
    }

    private Token ExpectIdentifier(string description) => Expect(TokenKind.Identifier, description);

    private void ExpectKeyword(string keyword)
    {
        if (IsKeyword(keyword)) { Advance(); return; }
        Error(DiagnosticCatalog.ExpectedToken, Current.Span, "'" + keyword + "'", Current.ToString());
    }

    private SourceSpan SpanFrom(SourceSpan start)
    {
        var last = _tokens[System.Math.Max(0, _index - 1)];
        return last.Span.End >= start.Start ? start.Cover(last.Span) : start;
    }

    private SpecSyntax ParseSpec()
    {
        var blocks = new List<BlockSyntax>();
        List<MemberSyntax>? members = null;
        Token blockHeader = default;
        string? blockName = null;
        SourceSpan blockNameSpan = default;
        string? blockDescription = null;
        bool skippingUnknownBlock = false;
        bool reportedOutside = false;

        void CloseBlock()
        {
            if (members is not null && blockName is not null)
            {
                blocks.Add(new ProblemSyntax(blockName, blockNameSpan, blockDescription, members, SpanFrom(blockHeader.Span)));
            }
            members = null;
            blockName = null;
        }

        SkipNewLines();
        while (Current.Kind != TokenKind.EndOfFile)
        {
            _lineFailed = false;
            var first = Current;
            bool atColumnOne = first.Span.Column == 1;
            if (atColumnOne && first.Kind == TokenKind.Identifier && System.Array.IndexOf(BlockKeywords, first.Text) >= 0)
            {
                CloseBlock();
                skippingUnknownBlock = false;
                if (IsSpinBlockKeyword(first.Text)) { blocks.Add(ParseSpinBlock()); continue; }
                if (first.Text == "echo") { blocks.Add(ParseEchoBlock()); continue; }
                blockHeader = Advance();
                var name = ExpectIdentifier("a block name");
                blockName = name.Text.Length > 0 ? name.Text : "<missing>";
                blockNameSpan = name.Span;
                blockDescription = Current.Kind == TokenKind.String ? Advance().Text : null;
                members = new List<MemberSyntax>();
                EndStatement();
                continue;
            }

            if (atColumnOne && !(first.Kind == TokenKind.Identifier && System.Array.IndexOf(ProblemMembers, first.Text) >= 0 && members is not null))
            {
                CloseBlock();
                skippingUnknownBlock = true;
                Error(DiagnosticCatalog.UnknownBlock, first.Span, first.Text);
                SkipRestOfLine();
                SkipNewLines();
                continue;
            }

            if (members is null)
            {
                if (!skippingUnknownBlock && !reportedOutside)
                {
                    reportedOutside = true;
                    Error(DiagnosticCatalog.MemberOutsideBlock, first.Span, first.Text);
                }
                SkipRestOfLine();
                SkipNewLines();
                continue;
            }

            if (atColumnOne)
            {
                Error(DiagnosticCatalog.BlockNotIndented, first.Span, first.Text);
                _lineFailed = false; // still parse (and check) the declaration itself
            }

            ParseMemberStatements(members, blockName ?? "problem");
        }
        CloseBlock();
        return new SpecSyntax(_path, blocks);
    }

    private void ParseMemberStatements(List<MemberSyntax> members, string blockName)
    {
        while (true)
        {
            var member = ParseMember(blockName);
            if (member is not null) members.Add(member);
            if (Current.Kind == TokenKind.Semicolon)
            {
                Advance();
                if (!AtLineEnd) continue;
            }
            EndStatement();
            return;
        }
    }

    private void EndStatement()
    {
        if (!AtLineEnd)
        {
            Error(DiagnosticCatalog.UnexpectedTrailing, Current.Span, Current.ToString());
        }
        SkipRestOfLine();
        SkipNewLines();
        _lineFailed = false;
    }
}
