using System;
using System.Linq;
using NmrDsl.Generators.Tests.TestSupport;

namespace NmrDsl.Generators.Tests.Malformed;

/// <summary>
/// The malformed-spec corpus: every file's header lists the diagnostics it must produce
/// (<c>// expect: NMR1004 9:24</c>), and the front end must report exactly those errors — no
/// fewer, and no follow-on errors (warnings count only when the header names their ID).
/// </summary>
public sealed class MalformedSpecTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var spec in MalformedCorpus.Files()) data.Add(spec.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Malformed_ReportsExactlyTheExpectedDiagnostics(string name)
    {
        var spec = MalformedCorpus.Files().Single(f => f.Name == name);
        Assert.NotEmpty(spec.Expected);
        var result = NmrCompiler.Compile(spec.RelativePath, spec.Text);
        var expectedIds = spec.Expected.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var actual = result.Diagnostics
            .Where(d => d.IsError || expectedIds.Contains(d.Id))
            .Select(d => new ExpectedDiagnostic(d.Id, d.Span.Line, d.Span.Column))
            .OrderBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        var expected = spec.Expected.OrderBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
        Assert.True(
            expected.SequenceEqual(actual),
            name + ":\n  expected: " + string.Join(", ", expected) + "\n  actual:   " + string.Join(", ", actual)
            + "\n  messages:\n    " + string.Join("\n    ", result.Diagnostics.Select(d => d.ToCompilerString())));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "NMR3002");
        Assert.All(result.Diagnostics, d => Assert.Equal(spec.RelativePath, d.FilePath));
    }

    [Fact]
    public void Malformed_CorpusIsLargeAndCoversEveryPhase()
    {
        var files = MalformedCorpus.Files();
        Assert.True(files.Count >= 25, "only " + files.Count + " malformed specs");
        var ids = files.SelectMany(f => f.Expected).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var prefix in new[] { "NMR0", "NMR1", "NMR2" }) Assert.Contains(ids, id => id.StartsWith(prefix, StringComparison.Ordinal));
        Assert.Contains(files, f => f.Expected.Count >= 3);
    }

    /// <summary>The header format must be recognised, or a file with a typo would silently expect nothing.</summary>
    [Fact]
    public void Malformed_EveryHeaderLineMentioningExpectIsParsed()
    {
        foreach (var file in MalformedCorpus.Files())
        {
            int headerLines = file.Text.Split('\n').TakeWhile(l => l.StartsWith("//", StringComparison.Ordinal)).Count(l => l.Contains("expect", StringComparison.OrdinalIgnoreCase));
            Assert.True(headerLines == file.Expected.Count, file.Name + ": " + headerLines + " expect lines but " + file.Expected.Count + " parsed");
        }
    }
}
