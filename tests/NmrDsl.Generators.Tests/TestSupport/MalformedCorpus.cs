using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace NmrDsl.Generators.Tests.TestSupport;

/// <summary>One expected diagnostic: ID and 1-based line and column.</summary>
public readonly record struct ExpectedDiagnostic(string Id, int Line, int Column)
{
    public override string ToString() => Id + " " + Line.ToString(CultureInfo.InvariantCulture) + ":" + Column.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A file of the malformed-spec corpus with the diagnostics its header expects.</summary>
public sealed record MalformedSpec(string RelativePath, string Text, IReadOnlyList<ExpectedDiagnostic> Expected)
{
    public string Name => Path.GetFileNameWithoutExtension(RelativePath);
}

/// <summary>
/// The corpus in tests/NmrDsl.Generators.Tests/Malformed/*.nmr, read from the repository (not
/// copied to the output folder). Each file starts with header lines
/// <c>// expect: NMR1004 9:24</c> (ID line:column, 1-based).
/// </summary>
public static partial class MalformedCorpus
{
    [GeneratedRegex(@"^//\s*expect:\s*(NMR\d{4})\s+(\d+):(\d+)\s*$")]
    private static partial Regex ExpectLine();

    public static string Directory => Path.Combine(RepoPaths.TestProjectDirectory, "Malformed");

    public static IReadOnlyList<MalformedSpec> Files()
        => System.IO.Directory.EnumerateFiles(Directory, "*.nmr")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(Load)
            .ToList();

    public static MalformedSpec Load(string path)
    {
        string text = File.ReadAllText(path);
        var expected = new List<ExpectedDiagnostic>();
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith("//", StringComparison.Ordinal)) break;
            var match = ExpectLine().Match(line.TrimEnd('\r'));
            if (match.Success)
            {
                expected.Add(new ExpectedDiagnostic(match.Groups[1].Value, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture)));
            }
        }
        return new MalformedSpec(RepoPaths.Relative(path), text, expected);
    }
}
