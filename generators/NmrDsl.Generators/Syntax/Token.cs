namespace NmrDsl.Generators.Syntax;

/// <summary>
/// A token with its text and span. <see cref="StartsLine"/> marks the first token of a physical
/// line: the parser uses it with the column to tell block headers (column 1) from members.
/// </summary>
public readonly record struct Token(TokenKind Kind, string Text, SourceSpan Span, bool StartsLine)
{
    public override string ToString() => Kind switch
    {
        TokenKind.EndOfFile => "end of file",
        TokenKind.NewLine => "end of line",
        TokenKind.Identifier => "'" + Text + "'",
        TokenKind.Number => "number '" + Text + "'",
        TokenKind.String => "string",
        _ => "'" + Text + "'",
    };
}
