using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using NmrDsl.Generators.Diagnostics;
using NmrDsl.Generators.Tests.TestSupport;

namespace NmrDsl.Generators.Tests.Generator;

/// <summary>DiagnosticCatalog, docs/diagnostics.md and the malformed corpus stay in step.</summary>
public sealed partial class DiagnosticCatalogTests
{
    /// <summary>IDs no corpus file exercises, each with the reason.</summary>
    private static readonly Dictionary<string, string> NotInCorpus = new(StringComparer.Ordinal)
    {
        ["NMR0001"] = "reported by the CLI for a missing file",
        ["NMR3002"] = "internal errors: the property tests assert it never happens",
    };

    /// <summary>Driver diagnostics (NMR9xxx) are reported by the CLI; its tests exercise them.</summary>
    private static bool IsDriver(string id) => id.StartsWith("NMR9", StringComparison.Ordinal);

    [GeneratedRegex(@"^## (NMR\d{4}) — (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"NMR\d{4}")]
    private static partial Regex AnyId();

    private static string Docs => RepoPaths.ReadText("docs/diagnostics.md");

    [Fact]
    public void Catalog_AllListsEveryDescriptorOnce_InIdOrder()
    {
        var fields = typeof(DiagnosticCatalog).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptorInfo))
            .Select(f => (DiagnosticDescriptorInfo)f.GetValue(null)!)
            .ToList();
        Assert.Equal(fields.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal), DiagnosticCatalog.All.Select(d => d.Id));
        Assert.Equal(DiagnosticCatalog.All.Count, DiagnosticCatalog.All.Select(d => d.Id).Distinct().Count());
        Assert.All(DiagnosticCatalog.All, d => Assert.Matches(@"^NMR[0-49]\d{3}$", d.Id));
    }

    [Fact]
    public void Docs_HaveOneSectionPerCatalogId_WithItsTitleAndSeverity()
    {
        string docs = Docs;
        var sections = Heading().Matches(docs).Select(m => (Id: m.Groups[1].Value, Title: m.Groups[2].Value.Trim())).ToList();
        Assert.Equal(DiagnosticCatalog.All.Select(d => d.Id), sections.Select(s => s.Id));
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            Assert.Equal(descriptor.Title, sections.Single(s => s.Id == descriptor.Id).Title);
            int at = docs.IndexOf("## " + descriptor.Id + " ", StringComparison.Ordinal);
            string severity = descriptor.Severity.ToString().ToLowerInvariant();
            Assert.True(docs.IndexOf("Severity: " + severity, at, StringComparison.Ordinal) is int s && s > at && s < at + 200,
                descriptor.Id + ": the section does not say 'Severity: " + severity + "'");
        }
    }

    [Fact]
    public void Docs_MentionNoIdOutsideTheCatalog()
    {
        var known = DiagnosticCatalog.All.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = AnyId().Matches(Docs).Select(m => m.Value).Where(id => !known.Contains(id)).Distinct().ToList();
        Assert.True(unknown.Count == 0, "docs/diagnostics.md mentions IDs the catalog lacks: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Corpus_ExercisesEveryCatalogId_ExceptTheListedOnes()
    {
        var exercised = MalformedCorpus.Files().SelectMany(f => f.Expected).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var missing = DiagnosticCatalog.All.Select(d => d.Id).Where(id => !exercised.Contains(id) && !NotInCorpus.ContainsKey(id) && !IsDriver(id)).ToList();
        Assert.True(missing.Count == 0, "no malformed spec exercises " + string.Join(", ", missing));
        Assert.All(NotInCorpus.Keys, id => Assert.DoesNotContain(id, exercised));
    }
}
