using System;

namespace NmrDsl.Generators.Tests.TestSupport;

/// <summary>Byte-for-byte comparison of generated text against a baseline, with a readable report.</summary>
public static class BaselineComparer
{
    public const string UpdateVariable = "NMRDSL_UPDATE_BASELINES";

    public const string UpdateCommand = "NMRDSL_UPDATE_BASELINES=1 dotnet test tests/NmrDsl.Generators.Tests --filter Baseline";

    /// <summary>True when baselines are to be rewritten rather than asserted.</summary>
    public static bool UpdateRequested => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>
    /// Null when <paramref name="actual"/> equals <paramref name="expected"/> exactly (ordinal,
    /// line endings included); otherwise a message naming the first differing line (1-based),
    /// the expected and the actual line, and how to update the baseline.
    /// </summary>
    public static string? Difference(string name, string expected, string actual)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal)) return null;
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        int count = Math.Max(e.Length, a.Length);
        int line = 0;
        while (line < count && line < e.Length && line < a.Length && string.Equals(e[line], a[line], StringComparison.Ordinal)) line++;
        string expectedLine = line < e.Length ? Show(e[line]) : "<end of file>";
        string actualLine = line < a.Length ? Show(a[line]) : "<end of file>";
        return string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            "{0} differs from its baseline at line {1}:\n  expected: {2}\n  actual:   {3}\nIf the change is intended, update the baselines with:\n  {4}",
            name, line + 1, expectedLine, actualLine, UpdateCommand);
    }

    // Makes invisible differences (trailing spaces, CR) visible.
    private static string Show(string line) => "\"" + line.Replace("\r", "\\r").Replace("\t", "\\t") + "\"";
}
