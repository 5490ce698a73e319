using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using NmrDsl.Generators.Tests.TestSupport;

namespace NmrDsl.Generators.Tests.Properties;

/// <summary>
/// Property tests: whatever text it is given, NmrCompiler.Compile returns (never throws), never
/// reports an internal error (NMR3002), and locates every diagnostic inside the text.
/// Inputs are random token soups over the language's vocabulary, random character strings, and
/// random mutations (character and line deletes, inserts, duplicates, swaps) of the example specs.
/// </summary>
public sealed class CompilerNeverThrowsTests
{
    private static readonly string[] Vocabulary =
    {
        "problem", "geometry", "sphere", "slab", "cylinder", "r", "x", "in", "0", "1", "..", "R", "Rp", "time", "t", "600", "s",
        "parameter", "unknown", "log", "initial", "let", "region", "material", "solid", "field", "C", "P", "C(r, t)", "P(r, t)",
        "equation", "dt(C)", "div(", "grad(C)", "grad(", "dr(P)", "(", ")", "=", "*", "/", "+", "-", "^", "^2", ",", ":", ";", "<", ">", "<=",
        "boundary", "flux(C)", "dn(", "interface", "continuous(", "observable", "mean(", "over", "solve", "finite-volume", "cells", "outputs",
        "rtol", "1e-8", "1.5e-3", "500", "nm", "um", "nm^2/s", "mol/L", "K", "unit", "exp(", "cbrt(", "sqrt(", "pi", "\"text\"", "\"open",
        "//", "# c", "\n", "\n  ", "\n\n", "  ", "\t", "\r\n", "\r", "$", "@", "1e999", "1.2.3", ".5", "µm", "\u2212", "\0", "\uFEFF", "é",
    };

    private const string Characters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;=+-*/^()<>\"#\n\r\t_$µ\u2212\0";

    private static readonly Gen<string> TokenSoup =
        Gen.Int[0, Vocabulary.Length - 1].Array[0, 80].Select(Gen.Bool.Array[80], (indices, spaces) =>
        {
            var builder = new StringBuilder();
            for (int i = 0; i < indices.Length; i++)
            {
                builder.Append(Vocabulary[indices[i]]);
                if (spaces[i]) builder.Append(' ');
            }
            return builder.ToString();
        });

    private static readonly Gen<string> CharacterSoup =
        Gen.Int[0, Characters.Length - 1].Array[0, 200].Select(indices => new string(indices.Select(i => Characters[i]).ToArray()));

    private static readonly string[] Examples = RepoPaths.ExampleSpecs().Select(RepoPaths.ReadText).ToArray();

    /// <summary>One edit: kind, two positions (fractions of the text) and a vocabulary index.</summary>
    private static readonly Gen<(int Kind, double A, double B, int Token)> Mutation =
        Gen.Select(Gen.Int[0, 7], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Int[0, Vocabulary.Length - 1]);

    private static readonly Gen<string> MutatedExample =
        Gen.Select(Gen.Int[0, Examples.Length - 1], Mutation.Array[1, 8]).Select(pair => Mutate(Examples[pair.Item1], pair.Item2));

    private static string Mutate(string text, (int Kind, double A, double B, int Token)[] mutations)
    {
        foreach (var (kind, a, b, token) in mutations)
        {
            if (kind >= 4)
            {
                var lines = text.Split('\n').ToList();
                int i = (int)(a * lines.Count) % lines.Count, j = (int)(b * lines.Count) % lines.Count;
                switch (kind)
                {
                    case 4: lines.RemoveAt(i); break;
                    case 5: lines.Insert(j, lines[i]); break;
                    case 6: (lines[i], lines[j]) = (lines[j], lines[i]); break;
                    default: lines[i] = lines[i].Length == 0 ? Vocabulary[token] : lines[i].Insert((int)(b * lines[i].Length), Vocabulary[token]); break;
                }
                text = string.Join("\n", lines);
                continue;
            }
            if (text.Length == 0)
            {
                text = Vocabulary[token];
                continue;
            }
            int p = (int)(a * text.Length) % text.Length, q = (int)(b * text.Length) % text.Length;
            switch (kind)
            {
                case 0: text = text.Remove(p, Math.Min(1 + (q % 4), text.Length - p)); break;
                case 1: text = text.Insert(p, Vocabulary[token]); break;
                case 2: text = text.Insert(p, text.Substring(Math.Min(p, q), Math.Min(Math.Abs(p - q), 12))); break;
                default:
                    var chars = text.ToCharArray();
                    (chars[p], chars[q]) = (chars[q], chars[p]);
                    text = new string(chars);
                    break;
            }
        }
        return text;
    }

    private static int LineCount(string text)
    {
        int lines = 1;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))) lines++;
        }
        return lines;
    }

    private static void AssertWellBehaved(string text)
    {
        SpecCompilation result;
        try
        {
            result = NmrCompiler.Compile("fuzz.nmr", text);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException("Compile threw on:\n" + text, ex);
        }
        int lineCount = LineCount(text);
        foreach (var d in result.Diagnostics)
        {
            if (d.Id == "NMR3002") throw new InvalidOperationException("internal error " + d.Message + " on:\n" + text);
            var s = d.Span;
            if (s.Line < 1 || s.Line > lineCount + 1 || s.Column < 1 || s.EndLine < s.Line || s.Start < 0 || s.Length < 0 || s.End > text.Length)
            {
                throw new InvalidOperationException("diagnostic outside the text: " + d + " " + s + " (" + lineCount + " lines, " + text.Length + " chars) on:\n" + text);
            }
        }
        if (!result.HasErrors && result.Sources.Count > 0 && result.Jobs.Count == 0 && result.Declarations.Any(d => d.Kind is "problem" or "sequence"))
        {
            throw new InvalidOperationException("sources but no job for an error-free spec:\n" + text);
        }
    }

    [Fact]
    public void Property_TokenSoup_NeverThrows() => TokenSoup.Sample(AssertWellBehaved, iter: 3000, print: s => s);

    [Fact]
    public void Property_CharacterSoup_NeverThrows() => CharacterSoup.Sample(AssertWellBehaved, iter: 2000, print: s => s);

    [Fact]
    public void Property_MutatedExampleSpecs_NeverThrow() => MutatedExample.Sample(AssertWellBehaved, iter: 2000, print: s => s);

    /// <summary>Mutants that still compile cleanly give the same output twice (determinism under fuzzing).</summary>
    [Fact]
    public void Property_MutatedExampleSpecs_CompileDeterministically()
        => MutatedExample.Sample(text =>
        {
            var first = NmrCompiler.Compile("fuzz.nmr", text);
            var second = NmrCompiler.Compile("fuzz.nmr", text);
            Assert.Equal(first, second);
        }, iter: 300, print: s => s);

    [Fact]
    public void Mutate_ChangesTheText()
    {
        // The generator of mutants must actually mutate (or the properties above test little).
        var changed = MutatedExample.Array[50].Single().Count(m => !Examples.Contains(m));
        Assert.True(changed >= 40, changed + " of 50 mutants differ from every example");
    }
}
