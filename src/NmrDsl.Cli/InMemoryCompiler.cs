using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;
using NmrDsl.Generators;
using NmrDsl.Runtime;

namespace NmrDsl.Cli;

/// <summary>The outcome of compiling generated sources in memory.</summary>
internal sealed class InMemoryCompilation
{
    public InMemoryCompilation(string assemblyName, ImmutableArray<Diagnostic> diagnostics, byte[]? image, byte[]? symbols)
    {
        AssemblyName = assemblyName;
        Diagnostics = diagnostics;
        Image = image;
        Symbols = symbols;
    }

    public string AssemblyName { get; }

    /// <summary>All C# diagnostics (errors and warnings; hidden ones dropped).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The PE image; null when compilation failed.</summary>
    public byte[]? Image { get; }

    /// <summary>The portable PDB (stack traces point at spec lines through the #line directives).</summary>
    public byte[]? Symbols { get; }

    public bool Success => Image is not null;

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning);

    /// <summary>Loads the assembly into a fresh collectible load context (dependencies resolve from the CLI's own).</summary>
    public SpecAssembly Load()
    {
        if (Image is null) throw new InvalidOperationException("the generated code did not compile");
        var context = new SpecLoadContext(AssemblyName);
        using var image = new MemoryStream(Image, writable: false);
        using var symbols = Symbols is null ? null : new MemoryStream(Symbols, writable: false);
        var assembly = context.LoadFromStream(image, symbols);
        return new SpecAssembly(context, assembly);
    }

    private sealed class SpecLoadContext : AssemblyLoadContext
    {
        public SpecLoadContext(string name) : base("nmrdsl:" + name, isCollectible: true) { }

        // null: fall back to the default context, so NmrDsl.Runtime (and ISpecJob) is the CLI's own.
        protected override Assembly? Load(AssemblyName assemblyName) => null;
    }
}

/// <summary>A loaded spec assembly; disposing unloads it.</summary>
internal sealed class SpecAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    public SpecAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    /// <summary>Instantiates a generated job type (public parameterless constructor, implements <see cref="ISpecJob"/>).</summary>
    public ISpecJob CreateJob(string typeName)
    {
        var type = Assembly.GetType(typeName, throwOnError: false)
            ?? throw new InvalidOperationException("the generated job type '" + typeName + "' is not in the compiled spec");
        if (!typeof(ISpecJob).IsAssignableFrom(type))
        {
            throw new InvalidOperationException("the generated type '" + typeName + "' does not implement " + typeof(ISpecJob).FullName);
        }
        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new InvalidOperationException("the generated job type '" + typeName + "' has no public parameterless constructor");
        }
        return (ISpecJob)Activator.CreateInstance(type)!;
    }

    public void Dispose() => _context.Unload();
}

/// <summary>
/// Compiles generated C# in memory with Roslyn, against the running app's own assemblies: the
/// trusted platform assemblies (the framework and every assembly the app was published with)
/// plus NmrDsl.Runtime and its dependencies from the app folder.
/// </summary>
internal static class InMemoryCompiler
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(BuildReferences, LazyThreadSafetyMode.ExecutionAndPublication);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static InMemoryCompilation Compile(string assemblyName, IEnumerable<GeneratedSource> sources, CancellationToken cancellationToken = default)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources
            .Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text, Encoding.UTF8), parseOptions, path: s.HintName, cancellationToken: cancellationToken))
            .ToList();
        var options = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable,
                deterministic: true,
                concurrentBuild: true)
            // Version-unification notes between references are noise here.
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            });
        var compilation = CSharpCompilation.Create(assemblyName, trees, References, options);

        using var image = new MemoryStream();
        using var symbols = new MemoryStream();
        var result = compilation.Emit(image, symbols,
            options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb),
            cancellationToken: cancellationToken);
        var diagnostics = result.Diagnostics
            .Where(d => d.Severity != DiagnosticSeverity.Hidden)
            .ToImmutableArray();
        return result.Success
            ? new InMemoryCompilation(assemblyName, diagnostics, image.ToArray(), symbols.ToArray())
            : new InMemoryCompilation(assemblyName, diagnostics, null, null);
    }

    /// <summary>
    /// <c>path(line,col): error CS0103: message</c>, with the position mapped through <c>#line</c>
    /// directives back to the spec (or the generated file's hint name where there is none).
    /// </summary>
    public static string Format(Diagnostic diagnostic, string fallbackPath)
    {
        var severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        var location = diagnostic.Location;
        if (location == Location.None || !location.IsInSource)
        {
            return string.Format(CultureInfo.InvariantCulture, "{0}: {1} {2}: {3}", fallbackPath, severity, diagnostic.Id, message);
        }
        var span = location.GetMappedLineSpan();
        var path = string.IsNullOrEmpty(span.Path) ? fallbackPath : span.Path;
        return string.Format(CultureInfo.InvariantCulture, "{0}({1},{2}): {3} {4}: {5}",
            path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, severity, diagnostic.Id, message);
    }

    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string tpa)
        {
            foreach (var path in tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                if (path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) paths.TryAdd(Path.GetFileNameWithoutExtension(path), path);
            }
        }
        AddWithDependencies(typeof(ISpecJob).Assembly, paths, new HashSet<string>(StringComparer.OrdinalIgnoreCase));

        var references = ImmutableArray.CreateBuilder<MetadataReference>(paths.Count);
        foreach (var path in paths.Values.OrderBy(p => p, StringComparer.Ordinal))
        {
            try
            {
                references.Add(MetadataReference.CreateFromFile(path));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException)
            {
                // Not a managed assembly we can read: skip it.
            }
        }
        return references.ToImmutable();
    }

    /// <summary>Adds an assembly and, transitively, its references found in the app folder.</summary>
    private static void AddWithDependencies(Assembly assembly, Dictionary<string, string> paths, HashSet<string> visited)
    {
        var name = assembly.GetName().Name;
        if (name is null || !visited.Add(name)) return;
        if (!string.IsNullOrEmpty(assembly.Location)) paths.TryAdd(name, assembly.Location);
        foreach (var reference in assembly.GetReferencedAssemblies())
        {
            if (reference.Name is null || visited.Contains(reference.Name)) continue;
            var candidate = Path.Combine(AppContext.BaseDirectory, reference.Name + ".dll");
            if (!paths.ContainsKey(reference.Name) && File.Exists(candidate)) paths.Add(reference.Name, candidate);
            Assembly? loaded = null;
            try
            {
                loaded = AssemblyLoadContext.Default.LoadFromAssemblyName(reference);
            }
            catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                // Optional dependency not shipped with the app: the compiler will say if it is needed.
            }
            if (loaded is not null) AddWithDependencies(loaded, paths, visited);
        }
    }
}
