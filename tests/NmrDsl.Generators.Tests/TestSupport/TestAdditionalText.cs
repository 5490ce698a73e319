using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace NmrDsl.Generators.Tests.TestSupport;

/// <summary>An in-memory AdditionalFile (the StronglyTypedId test helper's shape).</summary>
public sealed class TestAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public TestAdditionalText(string path, string text)
        : this(path, SourceText.From(text, System.Text.Encoding.UTF8))
    {
    }

    public TestAdditionalText(string path, SourceText text)
    {
        Path = path;
        _text = text;
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
