namespace NmrDsl.Generators.Syntax;

/// <summary>Kinds of tokens of the .nmr language.</summary>
public enum TokenKind
{
    EndOfFile,
    NewLine,
    Identifier,
    Number,
    String,
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    OpenParen,
    CloseParen,
    Comma,
    Colon,
    Semicolon,
    Equals,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    DotDot,
    Dot,
    Bad,
}
