using System;
using System.Text;

namespace NmrDsl.Generators.Emit;

/// <summary>
/// An indented text writer for generated C# (the shape of dotnet/runtime's SourceWriter): four
/// spaces per level, '\n' line endings on every OS so output is byte-identical everywhere.
/// </summary>
public sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public void Indent() => _indent++;

    public void Unindent() => _indent = Math.Max(0, _indent - 1);

    public void Line(string text = "")
    {
        if (text.Length > 0) _builder.Append(' ', 4 * _indent).Append(text);
        _builder.Append('\n');
    }

    /// <summary>A line that must start at column 1 (preprocessor directives such as #line).</summary>
    public void Directive(string text) => _builder.Append(text).Append('\n');

    public void Open(string header)
    {
        Line(header);
        Line("{");
        Indent();
    }

    public void Close(string suffix = "")
    {
        Unindent();
        Line("}" + suffix);
    }

    /// <summary>Writes an XML doc summary, escaping &lt; &gt; &amp;.</summary>
    public void Summary(string text)
    {
        Line("/// <summary>");
        foreach (var part in text.Split('\n')) Line("/// " + EscapeXml(part));
        Line("/// </summary>");
    }

    public static string EscapeXml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public override string ToString() => _builder.ToString();
}
