using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NmrDsl.Generators.Units;

namespace NmrDsl.Generators.Tests.Units;

/// <summary>Keeps the unit table in docs/units.md identical to the catalog the compiler uses.</summary>
public class UnitsDocumentationTests
{
    private const string Begin = "<!-- unit-table:begin -->";
    private const string End = "<!-- unit-table:end -->";

    [Fact]
    public void Docs_unit_table_matches_the_catalog()
    {
        string path = FindRepoFile(Path.Combine("docs", "units.md"));
        string text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        int start = text.IndexOf(Begin, StringComparison.Ordinal);
        int end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/units.md lacks the unit-table markers");
        string actual = text.Substring(start + Begin.Length, end - start - Begin.Length).Trim('\n');
        string expected = Table();
        Assert.True(expected == actual, "docs/units.md is out of date; the table should be:\n" + expected);
    }

    internal static string Table()
    {
        var sb = new StringBuilder();
        sb.Append("| symbol | name | factor to SI | SI dimension |\n");
        sb.Append("|---|---|---|---|\n");
        foreach (var d in UnitCatalog.All)
        {
            sb.Append("| `").Append(d.Symbol).Append("` | ").Append(d.Name).Append(" | ")
                .Append(d.Factor.ToString("R", CultureInfo.InvariantCulture)).Append(" | ")
                .Append(d.Dimension.IsDimensionless ? "1" : d.Dimension.ToSiUnitString()).Append(" |\n");
        }
        return sb.ToString().TrimEnd('\n');
    }

    private static string FindRepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("cannot find " + relative + " above " + AppContext.BaseDirectory);
    }
}
