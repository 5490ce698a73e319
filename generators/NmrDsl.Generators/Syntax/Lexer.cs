using System.Collections.Generic;
using System.Globalization;
using NmrDsl.Generators.Diagnostics;

namespace NmrDsl.Generators.Syntax;

/// <summary>
/// Hand-written lexer for .nmr specs. Line-oriented: newlines are tokens (a declaration ends at
/// the end of its line); comments start with <c>//</c> or <c>#</c>. It never throws: bad
/// characters become <see cref="TokenKind.Bad"/> tokens plus a diagnostic, and lexing goes on.
/// </summary>
public sealed class Lexer
{
    private readonly string _text;
    private readonly string _path;
    private readonly List<DiagnosticInfo> _diagnostics;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private bool _atLineStart = true;

    private Lexer(string path, string text, List<DiagnosticInfo> diagnostics)
    {
        _path = path;
        _text = text;
        _diagnostics = diagnostics;
    }

    /// <summary>Tokenises <paramref name="text"/>; always ends with one EndOfFile token.</summary>
    public static List<Token> Tokenize(string path, string text, List<DiagnosticInfo> diagnostics)
    {
        var lexer = new Lexer(path, text, diagnostics);
        var tokens = new List<Token>();
        while (true)
        {
            var token = lexer.Next();
            if (token.Kind == TokenKind.NewLine && (tokens.Count == 0 || tokens[tokens.Count - 1].Kind == TokenKind.NewLine))
            {
                continue; // collapse blank lines
            }
            tokens.Add(token);
            if (token.Kind == TokenKind.EndOfFile) break;
        }
        return tokens;
    }

    private char Peek(int offset = 0) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private SourceSpan SpanFrom(int start, int startLine, int startColumn)
        => new(start, _pos - start, startLine, startColumn, _line, _pos - _lineStart + 1);

    private Token Next()
    {
        SkipTrivia();
        int start = _pos;
        int line = _line;
        int column = _pos - _lineStart + 1;
        bool startsLine = _atLineStart;
        _atLineStart = false;
        if (_pos >= _text.Length)
        {
            return new Token(TokenKind.EndOfFile, "", new SourceSpan(start, 0, line, column, line, column), startsLine);
        }

        char c = _text[_pos];
        if (c == '\n' || c == '\r')
        {
            _pos += c == '\r' && Peek(1) == '\n' ? 2 : 1;
            var span = new SourceSpan(start, _pos - start, line, column, line, column + 1);
            _line++;
            _lineStart = _pos;
            _atLineStart = true;
            return new Token(TokenKind.NewLine, "\n", span, startsLine);
        }

        if (IsIdentifierStart(c))
        {
            while (_pos < _text.Length && IsIdentifierPart(_text[_pos])) _pos++;
            return Make(TokenKind.Identifier, start, line, column, startsLine);
        }

        if (char.IsDigit(c) || (c == '.' && char.IsDigit(Peek(1))))
        {
            return LexNumber(start, line, column, startsLine);
        }

        if (c == '"')
        {
            return LexString(start, line, column, startsLine);
        }

        _pos++;
        TokenKind kind;
        switch (c)
        {
            case '+': kind = TokenKind.Plus; break;
            case '-': kind = TokenKind.Minus; break;
            case '*': kind = TokenKind.Star; break;
            case '/': kind = TokenKind.Slash; break;
            case '^': kind = TokenKind.Caret; break;
            case '(': kind = TokenKind.OpenParen; break;
            case ')': kind = TokenKind.CloseParen; break;
            case ',': kind = TokenKind.Comma; break;
            case ':': kind = TokenKind.Colon; break;
            case ';': kind = TokenKind.Semicolon; break;
            case '=': kind = TokenKind.Equals; break;
            case '<':
                if (Peek() == '=') { _pos++; kind = TokenKind.LessEqual; } else kind = TokenKind.Less;
                break;
            case '>':
                if (Peek() == '=') { _pos++; kind = TokenKind.GreaterEqual; } else kind = TokenKind.Greater;
                break;
            case '.':
                if (Peek() == '.') { _pos++; kind = TokenKind.DotDot; } else kind = TokenKind.Dot;
                break;
            default:
                kind = TokenKind.Bad;
                var bad = Make(kind, start, line, column, startsLine);
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.UnexpectedCharacter, _path, bad.Span, Printable(c)));
                return bad;
        }
        return Make(kind, start, line, column, startsLine);
    }

    private static string Printable(char c)
        => char.IsControl(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString();

    private Token Make(TokenKind kind, int start, int line, int column, bool startsLine)
        => new(kind, _text.Substring(start, _pos - start), SpanFrom(start, line, column), startsLine);

    private void SkipTrivia()
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\uFEFF')
            {
                _pos++;
            }
            else if ((c == '/' && Peek(1) == '/') || c == '#')
            {
                while (_pos < _text.Length && _text[_pos] != '\n' && _text[_pos] != '\r') _pos++;
            }
            else
            {
                break;
            }
        }
    }

    private Token LexNumber(int start, int line, int column, bool startsLine)
    {
        while (char.IsDigit(Peek())) _pos++;
        // A '.' belongs to the number unless it starts a '..' range operator.
        if (Peek() == '.' && Peek(1) != '.')
        {
            _pos++;
            while (char.IsDigit(Peek())) _pos++;
        }
        if ((Peek() == 'e' || Peek() == 'E') && (char.IsDigit(Peek(1)) || ((Peek(1) == '+' || Peek(1) == '-') && char.IsDigit(Peek(2)))))
        {
            _pos += 2;
            while (char.IsDigit(Peek())) _pos++;
        }
        // "1.2.5": a second decimal point makes the whole run one malformed number.
        bool extraPoint = false;
        while (Peek() == '.' && char.IsDigit(Peek(1)))
        {
            extraPoint = true;
            _pos++;
            while (char.IsDigit(Peek())) _pos++;
        }
        var token = Make(TokenKind.Number, start, line, column, startsLine);
        // Digits running straight into letters (e.g. "1x2") is a malformed number, not a unit:
        // units are separated by a space ("1 nm"), except directly after the number they may touch ("1nm").
        if (extraPoint || !double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsInfinity(value))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.MalformedNumber, _path, token.Span, token.Text));
            return new Token(TokenKind.Bad, token.Text, token.Span, startsLine);
        }
        return token;
    }

    private Token LexString(int start, int line, int column, bool startsLine)
    {
        _pos++; // opening quote
        var builder = new System.Text.StringBuilder();
        while (_pos < _text.Length && _text[_pos] != '"' && _text[_pos] != '\n' && _text[_pos] != '\r')
        {
            if (_text[_pos] == '\\' && _pos + 1 < _text.Length && (_text[_pos + 1] == '"' || _text[_pos + 1] == '\\'))
            {
                _pos++;
            }
            builder.Append(_text[_pos]);
            _pos++;
        }
        if (Peek() != '"')
        {
            var span = SpanFrom(start, line, column);
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.UnterminatedString, _path, span));
            return new Token(TokenKind.String, builder.ToString(), span, startsLine);
        }
        _pos++;
        return new Token(TokenKind.String, builder.ToString(), SpanFrom(start, line, column), startsLine);
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_' || c == 'µ';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == 'µ';
}
