using System;

namespace NmrDsl.Generators.Syntax;

/// <summary>
/// A region of a spec file: character offset and length, plus 1-based line and column of its
/// start and end (end is exclusive). Every AST node and every diagnostic carries one.
/// </summary>
public readonly record struct SourceSpan(int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    public int End => Start + Length;

    /// <summary>The smallest span that covers both spans.</summary>
    public SourceSpan Cover(SourceSpan other)
    {
        var first = other.Start < Start ? other : this;
        var last = other.End > End ? other : this;
        return new SourceSpan(first.Start, last.End - first.Start, first.Line, first.Column, last.EndLine, last.EndColumn);
    }

    public override string ToString() => FormattableString.Invariant($"({Line},{Column})-({EndLine},{EndColumn})");
}
