using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NmrDsl.Generators.Tests.Symbolic;

/// <summary>
/// Compiles many printed C# expressions in one Roslyn compilation (one static method
/// <c>double F{i}(double x, double y)</c> each) into a collectible in-memory assembly, so that a
/// property test pays for the compiler once per batch rather than once per expression.
/// </summary>
internal static class RoslynBatch
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        string dir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return new[] { typeof(object).Assembly.Location, Path.Combine(dir, "System.Runtime.dll") }
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
    });

    public static Func<double, double, double>[] Compile(IReadOnlyList<string> bodies)
    {
        var source = new StringBuilder("public static class Batch\n{\n");
        for (int i = 0; i < bodies.Count; i++)
        {
            source.Append("    public static double F").Append(i.ToString(CultureInfo.InvariantCulture))
                .Append("(double x, double y) => ").Append(bodies[i]).Append(";\n");
        }
        source.Append("}\n");

        var compilation = CSharpCompilation.Create(
            "PrintedExpressions" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(source.ToString(), new CSharpParseOptions(LanguageVersion.Latest)) },
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)
                .Select(d => d.ToString() + "\n    in: " + LineOf(source.ToString(), d));
            throw new InvalidOperationException("Printed C# does not compile:\n" + string.Join("\n", errors));
        }
        stream.Position = 0;
        var context = new AssemblyLoadContext("PrintedExpressions", isCollectible: true);
        Assembly assembly = context.LoadFromStream(stream);
        Type batch = assembly.GetType("Batch")!;
        return Enumerable.Range(0, bodies.Count)
            .Select(i => batch.GetMethod("F" + i.ToString(CultureInfo.InvariantCulture))!.CreateDelegate<Func<double, double, double>>())
            .ToArray();
    }

    private static string LineOf(string source, Diagnostic d)
    {
        int line = d.Location.GetLineSpan().StartLinePosition.Line;
        return source.Split('\n')[line].Trim();
    }
}
