using System.CommandLine;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NmrDsl.Generators;

namespace NmrDsl.Cli;

/// <summary>
/// <c>nmrdsl describe SPEC</c>: every declaration (name, kind, unit, default, line…), the runnable
/// jobs and the diagnostics, as indented JSON on standard output. Field order is fixed and the
/// output is byte-identical for the same spec (culture-invariant numbers, <c>\n</c> line ends).
/// </summary>
internal static class DescribeCommand
{
    public static Command Create(CliContext context)
    {
        var spec = new Argument<string>("SPEC") { Description = "The spec file (.nmr) to describe." };
        var command = new Command("describe",
            "Print every declaration of a spec (name, kind, block, SI unit, declared unit, default, description, " +
            "line, column, whether --set may override it), its runnable jobs and its diagnostics as JSON on " +
            "standard output. Diagnostics are also printed to standard error. Exits 1 if the spec has errors " +
            "(the JSON is still printed) or cannot be read (nothing is printed on standard output).")
        {
            spec,
        };
        command.SetAction(parseResult => Execute(context, parseResult.GetValue(spec)!));
        return command;
    }

    public static int Execute(CliContext context, string path)
    {
        if (!SpecFiles.TryRead(path, out var text, out var readError))
        {
            context.Error.WriteLine(DiagnosticPrinter.Format(readError!));
            return ExitCodes.UserError;
        }
        var compilation = context.Compile(path, text);
        DiagnosticPrinter.Print(context.Error, compilation.Diagnostics, new DiagnosticCounts());
        context.Out.Write(ToJson(path, compilation));
        context.Out.Write('\n');
        return compilation.HasErrors ? ExitCodes.UserError : ExitCodes.Success;
    }

    /// <summary>The describe document for a compiled spec (without a trailing newline).</summary>
    internal static string ToJson(string specPath, SpecCompilation compilation)
    {
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            // Units such as µs, Å or nm^2/s stay readable; this is data, not HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            json.WriteStartObject();
            json.WriteString("spec", specPath);

            json.WriteStartArray("declarations");
            foreach (var d in compilation.Declarations)
            {
                json.WriteStartObject();
                json.WriteString("name", d.Name);
                json.WriteString("kind", d.Kind);
                json.WriteString("block", d.Block);
                json.WriteString("siUnit", d.SiUnit);
                WriteStringOrNull(json, "declaredUnit", d.DeclaredUnit);
                WriteNumberOrNull(json, "default", d.DefaultSi);
                WriteStringOrNull(json, "defaultText", d.DefaultText);
                WriteStringOrNull(json, "description", d.Description);
                json.WriteNumber("line", d.Line);
                json.WriteNumber("column", d.Column);
                json.WriteBoolean("canOverride", d.CanOverride);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("jobs");
            foreach (var job in compilation.Jobs)
            {
                json.WriteStartObject();
                json.WriteString("block", job.Block);
                json.WriteString("kind", job.Kind);
                json.WriteString("typeName", job.TypeName);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("diagnostics");
            foreach (var d in compilation.Diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("id", d.Id);
                json.WriteString("severity", DiagnosticPrinter.SeverityText(d.Severity));
                json.WriteString("message", d.Message);
                json.WriteString("path", d.FilePath);
                json.WriteNumber("line", d.Span.Line);
                json.WriteNumber("column", d.Span.Column);
                json.WriteNumber("endLine", d.Span.EndLine);
                json.WriteNumber("endColumn", d.Span.EndColumn);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        // JSON has no NaN or infinity: a non-finite default is written as null.
        if (value is double v && double.IsFinite(v)) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }
}
