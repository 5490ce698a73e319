using System.Collections.Generic;
using NmrDsl.Generators.Diagnostics;

namespace NmrDsl.Generators.Syntax;

/// <summary>The <c>echo</c> block (docs/language-echo.md): one declaration per indented line.</summary>
public sealed partial class Parser
{
    /// <summary>Declarations an echo block accepts.</summary>
    public static readonly string[] EchoMembers = { "lattice", "offsets", "kernel", "hamiltonian", "sequence", "parameter" };

    /// <summary>
    /// Parses <c>echo Name "description"</c> (the current token is <c>echo</c> at column 1) and its indented lines, up to
    /// the next line starting at column 1.
    /// </summary>
    private EchoSyntax ParseEchoBlock()
    {
        var header = Advance();
        var name = ExpectIdentifier("a block name");
        string blockName = name.Text.Length > 0 ? name.Text : "<missing>";
        string? description = Current.Kind == TokenKind.String ? Advance().Text : null;
        EndStatement();
        var members = new List<MemberSyntax>();
        while (Current.Kind != TokenKind.EndOfFile && Current.Span.Column != 1)
        {
            _lineFailed = false;
            while (true)
            {
                var member = ParseEchoMember();
                if (member is not null) members.Add(member);
                if (Current.Kind == TokenKind.Semicolon)
                {
                    Advance();
                    if (!AtLineEnd) continue;
                }
                EndStatement();
                break;
            }
        }
        return new EchoSyntax(blockName, name.Span, description, members, SpanFrom(header.Span));
    }

    private MemberSyntax? ParseEchoMember()
    {
        var keyword = Current;
        if (keyword.Kind != TokenKind.Identifier)
        {
            Error(DiagnosticCatalog.ExpectedToken, keyword.Span, "a declaration", keyword.ToString());
            return null;
        }
        switch (keyword.Text)
        {
            case "lattice":
            {
                var start = Advance().Span;
                var shape = ExpectIdentifier("a lattice shape (square)");
                var size = ParseExpr();
                return new EchoLatticeSyntax(shape.Text, shape.Span, size, SpanFrom(start));
            }
            case "offsets":
            {
                var start = Advance().Span;
                var distribution = ExpectIdentifier("an offset distribution (lorentzian)");
                return new EchoOffsetsSyntax(distribution.Text, distribution.Span, ParseEchoOptions(), SpanFrom(start));
            }
            case "kernel":
            {
                var start = Advance().Span;
                var shape = ExpectIdentifier("a kernel shape (powerlaw, inversepower, gaussian or uniform)");
                string? normalisation = null;
                var normalisationSpan = shape.Span;
                if (Current.Kind == TokenKind.Identifier)
                {
                    normalisationSpan = Current.Span;
                    normalisation = Advance().Text;
                }
                return new EchoKernelSyntax(shape.Text, shape.Span, normalisation, normalisationSpan, SpanFrom(start));
            }
            case "hamiltonian":
            {
                var start = Advance().Span;
                var form = ExpectIdentifier("a Hamiltonian form (full or secular)");
                return new EchoHamiltonianSyntax(form.Text, form.Span, SpanFrom(start));
            }
            case "sequence":
            {
                var start = Advance().Span;
                var kind = ExpectIdentifier("a sequence (hahn)");
                return new EchoSequenceSyntax(kind.Text, kind.Span, ParseEchoOptions(), SpanFrom(start));
            }
            case "parameter":
                return ParseEchoParameter();
            default:
                Error(DiagnosticCatalog.UnknownEchoMember, keyword.Span, keyword.Text, string.Join(", ", EchoMembers));
                return null;
        }
    }

    /// <summary><c>name value name value …</c> up to the end of the line.</summary>
    private List<SolveOptionSyntax> ParseEchoOptions()
    {
        var options = new List<SolveOptionSyntax>();
        while (!AtLineEnd && !_lineFailed)
        {
            var name = ExpectIdentifier("an option name");
            if (_lineFailed) break;
            var value = ParseExpr();
            options.Add(new SolveOptionSyntax(name.Text, name.Span, value, SpanFrom(name.Span)));
        }
        return options;
    }

    private EchoParameterSyntax ParseEchoParameter()
    {
        var start = Advance().Span;
        var name = ExpectIdentifier("a parameter name (alpha, xi, p or d)");
        // The distribution comes before the range: after a bare number a word would be read as its unit.
        var distribution = ExpectIdentifier("a sampling distribution (uniform)");
        var (lower, upper) = ParseRange();
        ExpressionSyntax? defaultValue = null;
        if (IsKeyword("default"))
        {
            Advance();
            defaultValue = ParseExpr();
        }
        string? description = ParseOptionalDescription();
        return new EchoParameterSyntax(name.Text, name.Span, lower, upper, distribution.Text, distribution.Span, defaultValue, description, SpanFrom(start));
    }
}
