using System;
using System.Collections.Generic;

namespace NmrDsl.Generators.Emit;

/// <summary>Turns spec names into C# identifiers (keywords get '@') and names generated members.</summary>
public static class CSharpNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>Members of a generated problem class; a let with one of these names would collide.</summary>
    public static readonly HashSet<string> ProblemMembers = new(StringComparer.Ordinal)
    {
        "Name", "Run", "Solve", "Parameters", "Geometry", "Start", "End", "EndTime", "Interfaces", "IsTimeDependent",
        "Capacity", "Diffusivity", "SourceConstant", "SourceLinear", "Initial", "StartBoundary", "EndBoundary",
        "RegionNames", "SpecPath", "Options", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
        "Residual", "DiffusivityGradient",
    };

    /// <summary>Locals and parameters of generated methods; no spec name may be one of them.</summary>
    public static readonly HashSet<string> ReservedLocals = new(StringComparer.Ordinal)
    {
        "region", "mesh", "averages", "n", "total", "volume", "i", "integrand", "capacity", "diffusivity", "diffusivityGradient",
        "transport", "radial", "problem", "clock", "solution", "wallTime", "observables", "files", "summary", "observable",
        "unit", "context", "parameters", "overrides", "result", "entry", "progress", "cancellationToken", "global",
    };

    public static string Identifier(string name) => Keywords.Contains(name) ? "@" + name : name;

    /// <summary>A PascalCase suffix for method names: <c>y</c> → <c>Y</c>, <c>avg_solid</c> → <c>Avg_solid</c>.</summary>
    public static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);

    /// <summary>Escapes text for a C# regular string literal.</summary>
    public static string StringLiteral(string text)
    {
        var builder = new System.Text.StringBuilder("\"");
        foreach (char c in text)
        {
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c)) builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    else builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }
}
