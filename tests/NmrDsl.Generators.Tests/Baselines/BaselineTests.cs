using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NmrDsl.Generators.Tests.TestSupport;

namespace NmrDsl.Generators.Tests.Baselines;

/// <summary>
/// Snapshot tests: every source the generator emits for every example spec (specs/**/*.nmr) is
/// compared byte for byte with a checked-in baseline,
/// <c>tests/NmrDsl.Generators.Tests/Baselines/&lt;spec file name&gt;/&lt;hint name&gt;.txt</c>.
/// Specs are passed by repo-relative path with forward slashes, so the <c>#line</c> paths in the
/// output are the same on every machine.
/// <para>
/// To accept an intended change of the generated code, run
/// <c>NMRDSL_UPDATE_BASELINES=1 dotnet test tests/NmrDsl.Generators.Tests --filter Baseline</c>:
/// the tests then rewrite the baselines (and delete stale ones) instead of asserting. Review the
/// diff with git and commit it with the generator change. See README.md in this folder.
/// </para>
/// </summary>
public sealed class BaselineTests
{
    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        foreach (var spec in RepoPaths.ExampleSpecs()) data.Add(spec);
        return data;
    }

    private static string BaselineRoot => Path.Combine(RepoPaths.TestProjectDirectory, "Baselines");

    private static string BaselineDirectory(string specPath) => Path.Combine(BaselineRoot, Path.GetFileNameWithoutExtension(specPath));

    [Theory]
    [MemberData(nameof(Specs))]
    public void Baseline_GeneratedSourcesMatch(string specPath)
    {
        var run = GeneratorHarness.Run(specPath, RepoPaths.ReadText(specPath));
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var sources = run.Sources;
        Assert.NotEmpty(sources);
        string directory = BaselineDirectory(specPath);

        if (BaselineComparer.UpdateRequested)
        {
            Directory.CreateDirectory(directory);
            foreach (var (hint, text) in sources) File.WriteAllText(Path.Combine(directory, hint + ".txt"), text);
            var expectedFiles = sources.Select(s => s.HintName + ".txt").ToHashSet(StringComparer.Ordinal);
            foreach (var stale in Directory.EnumerateFiles(directory, "*.txt").Where(f => !expectedFiles.Contains(Path.GetFileName(f))))
            {
                File.Delete(stale);
            }
            return;
        }

        var failures = new List<string>();
        foreach (var (hint, text) in sources)
        {
            string file = Path.Combine(directory, hint + ".txt");
            if (!File.Exists(file))
            {
                failures.Add("no baseline " + RepoPaths.Relative(file) + " for generated source " + hint + ". Create it with:\n  " + BaselineComparer.UpdateCommand);
                continue;
            }
            var difference = BaselineComparer.Difference(RepoPaths.Relative(file), File.ReadAllText(file), text);
            if (difference is not null) failures.Add(difference);
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>A baseline file for which nothing is generated any more fails the run (it would hide a lost output).</summary>
    [Fact]
    public void Baseline_NoStaleBaselineFiles()
    {
        var generated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in RepoPaths.ExampleSpecs())
        {
            var run = GeneratorHarness.Run(spec, RepoPaths.ReadText(spec));
            foreach (var (hint, _) in run.Sources)
            {
                generated.Add(Path.Combine(BaselineDirectory(spec), hint + ".txt"));
            }
        }
        var stale = Directory.EnumerateFiles(BaselineRoot, "*.txt", SearchOption.AllDirectories)
            .Where(f => !generated.Contains(f))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        if (BaselineComparer.UpdateRequested)
        {
            foreach (var file in stale) File.Delete(file);
            foreach (var dir in Directory.EnumerateDirectories(BaselineRoot).Where(d => !Directory.EnumerateFileSystemEntries(d).Any())) Directory.Delete(dir);
            return;
        }
        Assert.True(stale.Count == 0, "baseline files with no generated source:\n  " + string.Join("\n  ", stale.Select(RepoPaths.Relative)) + "\nDelete them with:\n  " + BaselineComparer.UpdateCommand);
    }

    [Fact]
    public void Baseline_SpecFileNamesAreUnique()
    {
        var names = RepoPaths.ExampleSpecs().Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>The comparison must bite: an altered text is reported with its line, both versions and the update command.</summary>
    [Fact]
    public void Baseline_ComparisonReportsAlteredText()
    {
        string spec = RepoPaths.ExampleSpecs()[0];
        var (hint, text) = GeneratorHarness.Run(spec, RepoPaths.ReadText(spec)).Sources[0];
        var lines = text.Split('\n');
        int target = lines.Length / 2;
        string original = lines[target];
        lines[target] = original + " // altered";
        string altered = string.Join("\n", lines);

        Assert.Null(BaselineComparer.Difference(hint, text, text));
        var message = BaselineComparer.Difference(hint, text, altered);
        Assert.NotNull(message);
        Assert.Contains("at line " + (target + 1) + ":", message, StringComparison.Ordinal);
        Assert.Contains("expected: \"" + original + "\"", message, StringComparison.Ordinal);
        Assert.Contains("actual:   \"" + original + " // altered\"", message, StringComparison.Ordinal);
        Assert.Contains(BaselineComparer.UpdateCommand, message, StringComparison.Ordinal);

        // Invisible differences count too: a trailing space, a CR, a missing final newline.
        Assert.NotNull(BaselineComparer.Difference(hint, text, text.Replace("\n", "\r\n")));
        Assert.NotNull(BaselineComparer.Difference(hint, text, text.TrimEnd('\n')));
        var spaced = text.Split('\n');
        spaced[0] += " ";
        Assert.Contains("at line 1:", BaselineComparer.Difference(hint, text, string.Join("\n", spaced)), StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_OutputIsDeterministicAndCultureInvariant()
    {
        foreach (var spec in RepoPaths.ExampleSpecs())
        {
            string text = RepoPaths.ReadText(spec);
            var first = GeneratorHarness.Run(spec, text).Sources;
            IReadOnlyList<(string, string)> finnish;
            using (NmrDsl.Generators.Tests.Units.CultureScope.Finnish())
            {
                finnish = GeneratorHarness.Run(spec, text).Sources;
            }
            Assert.Equal(first, finnish);
        }
    }
}
