using System.Collections.Generic;

namespace NmrDsl.Generators.Syntax;

/// <summary>
/// Parsing of the spin workload's editing pulses, ensembles and <c>optimize</c> blocks (issue 4). The block
/// header and line discipline are those of <c>sequence</c> blocks (<see cref="ParseSpinBlock"/>).
/// </summary>
public sealed partial class Parser
{
    /// <summary>Declarations an optimize block accepts.</summary>
    public static readonly string[] OptimizeMembers = { "control", "maximize", "suppress", "penalty", "ensemble", "restarts", "iterations", "seed", "compare" };

    private MemberSyntax ParseSpinOptimizeMember(string keyword, SourceSpan start)
    {
        switch (keyword)
        {
            case "edit":
            {
                var (shape, shapeSpan) = ParseHyphenatedWord("a pulse shape such as 'gaussian'");
                var flip = ParseSpinQuantity();
                var options = ParseSpinOptions("at", "duration", "steps");
                var phase = ParseOptionalPhase();
                return new EditPulseSyntax(shape, shapeSpan, flip, options, phase, SpanFrom(start));
            }
            case "ensemble":
            {
                var axis = ExpectIdentifier("an ensemble axis, b0 or b1");
                var (low, high) = ParseSpinRange();
                ExpectKeyword("points");
                var pointsSpan = Current.Span;
                int points = ParseInteger("the number of ensemble points");
                return new EnsembleSyntax(axis.Text, axis.Span, low, high, points, pointsSpan, SpanFrom(start));
            }
            case "control":
            {
                var elementSpan = Current.Span;
                int element = ParseInteger("the number of the sequence element to optimise (as nmrdsl describe numbers it)");
                return new ControlSyntax(element, elementSpan, ParseSpinOptions("limit"), SpanFrom(start));
            }
            case "maximize":
            case "suppress":
            {
                var system = ExpectIdentifier("the name of a spin system");
                var (low, high) = ParseSpinRange();
                return new ContrastTermSyntax(keyword, system.Text, system.Span, low, high, ParseSpinOptions("weight"), SpanFrom(start));
            }
            case "penalty":
                ExpectKeyword("rf");
                return new PenaltySyntax(ParseSpinQuantity(), SpanFrom(start));
            case "compare":
            {
                var entries = new List<CompareEntrySyntax>();
                while (true)
                {
                    var first = ExpectIdentifier("the name of a sequence");
                    string? subtracted = null;
                    var subtractedSpan = first.Span;
                    if (Current.Kind == TokenKind.Minus)
                    {
                        Advance();
                        var second = ExpectIdentifier("the name of the sequence to subtract");
                        subtracted = second.Text;
                        subtractedSpan = second.Span;
                    }
                    entries.Add(new CompareEntrySyntax(first.Text, first.Span, subtracted, subtractedSpan));
                    if (_lineFailed || Current.Kind != TokenKind.Comma) break;
                    Advance();
                }
                return new CompareSyntax(entries, SpanFrom(start));
            }
            default: // restarts, iterations, seed
            {
                var valueSpan = Current.Span;
                int value = ParseInteger("a whole number");
                return new OptimizerSettingSyntax(keyword, value, valueSpan, SpanFrom(start));
            }
        }
    }

    // "-10 Hz .. 10 Hz" or "0.9 .. 1.1"
    private (ExpressionSyntax Low, ExpressionSyntax High) ParseSpinRange()
    {
        var low = ParseSpinQuantity();
        if (_lineFailed) return (low, low);
        if (Current.Kind != TokenKind.DotDot)
        {
            Error(Diagnostics.DiagnosticCatalog.ExpectedToken, Current.Span, "'..' between the ends of a range", Current.ToString());
            return (low, low);
        }
        Advance();
        return (low, ParseSpinQuantity());
    }
}
