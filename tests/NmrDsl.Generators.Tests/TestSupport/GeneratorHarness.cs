using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NmrDsl.Generators.Tests.TestSupport;

/// <summary>The result of one generator run over a compilation and some spec files.</summary>
public sealed record GeneratorRun(
    GeneratorDriver Driver,
    GeneratorDriverRunResult Result,
    Compilation OutputCompilation,
    ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>The NmrSpecGenerator's own result (the driver runs only that generator).</summary>
    public GeneratorRunResult Single => Result.Results.Single();

    /// <summary>Generated sources as (hint name, text), ordered by hint name.</summary>
    public IReadOnlyList<(string HintName, string Text)> Sources
        => Single.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();
}

/// <summary>
/// Runs <see cref="NmrSpecGenerator"/> the way the compiler does (CSharpGeneratorDriver with
/// AdditionalFiles, step tracking on) and compiles its output against the runtime.
/// </summary>
public static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<IReadOnlyList<MetadataReference>> LazyReferences = new(BuildReferences);

    /// <summary>
    /// Trusted platform assemblies (the framework and this test host's dependencies) plus
    /// NmrDsl.Runtime and the assemblies it references that sit in the test bin folder.
    /// </summary>
    public static IReadOnlyList<MetadataReference> References => LazyReferences.Value;

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> texts, AnalyzerConfigOptionsProvider? options = null)
    {
        var generator = new NmrSpecGenerator().AsSourceGenerator();
        return CSharpGeneratorDriver.Create(
            generators: new[] { generator },
            additionalTexts: texts,
            parseOptions: ParseOptions,
            optionsProvider: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>A library compilation of <paramref name="sources"/> with nullable on and every warning.</summary>
    public static CSharpCompilation CreateCompilation(params string[] sources)
        => CSharpCompilation.Create(
            "NmrDslGeneratorTests" + Guid.NewGuid().ToString("N"),
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: "User" + i + ".cs")),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                deterministic: true));

    /// <summary>Runs the generator over the given specs (path, text) and an optional user C# source.</summary>
    public static GeneratorRun Run(IEnumerable<(string Path, string Text)> specs, string? userSource = null, AnalyzerConfigOptionsProvider? options = null)
    {
        var texts = specs.Select(s => (AdditionalText)new TestAdditionalText(s.Path, s.Text)).ToList();
        var compilation = userSource is null ? CreateCompilation() : CreateCompilation(userSource);
        var driver = CreateDriver(texts, options);
        return Run(driver, compilation);
    }

    public static GeneratorRun Run(string path, string text, string? userSource = null)
        => Run(new[] { (path, text) }, userSource);

    /// <summary>Runs (or re-runs) a driver over a compilation.</summary>
    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, driver.GetRunResult(), output, diagnostics);
    }

    /// <summary>Every example spec (repo-relative path, text).</summary>
    public static IReadOnlyList<(string Path, string Text)> ExampleSpecs()
        => RepoPaths.ExampleSpecs().Select(p => (p, RepoPaths.ReadText(p))).ToList();

    private static IReadOnlyList<MetadataReference> BuildReferences()
    {
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Add(string path)
        {
            string name = Path.GetFileNameWithoutExtension(path);
            if (!paths.ContainsKey(name) && File.Exists(path)) paths.Add(name, path);
        }

        var runtime = typeof(NmrDsl.Runtime.ISpecJob).Assembly;
        Add(runtime.Location);
        string bin = Path.GetDirectoryName(runtime.Location)!;
        foreach (var reference in runtime.GetReferencedAssemblies())
        {
            Add(Path.Combine(bin, reference.Name + ".dll"));
        }
        string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        foreach (var path in tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            Add(path);
        }
        return paths.Values.OrderBy(p => p, StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }
}
