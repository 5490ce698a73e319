using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NmrDsl.Generators.Tests.TestSupport;

/// <summary>Locates the repository (the folder holding NmrDsl.sln) and its example specs.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>Absolute path of the repository root.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>This test project's source folder (baselines and the malformed corpus live here).</summary>
    public static string TestProjectDirectory => Path.Combine(RepoRoot, "tests", "NmrDsl.Generators.Tests");

    /// <summary>Every <c>specs/**/*.nmr</c>, as repo-relative paths with forward slashes, sorted.</summary>
    public static IReadOnlyList<string> ExampleSpecs()
        => Directory.EnumerateFiles(Path.Combine(RepoRoot, "specs"), "*.nmr", SearchOption.AllDirectories)
            .Select(Relative)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();

    /// <summary>Example specs that declare a PDE problem (the others declare spin systems and sequences).</summary>
    public static IReadOnlyList<string> ProblemSpecs()
        => ExampleSpecs().Where(p => ReadText(p).Split('\n').Any(l => l.StartsWith("problem ", StringComparison.Ordinal))).ToList();

    /// <summary>Number of spinsystem and sequence blocks over all example specs (one generated file each).</summary>
    public static int SpinBlockCount()
        => ExampleSpecs().Sum(p => ReadText(p).Split('\n').Count(l => l.StartsWith("spinsystem ", StringComparison.Ordinal) || l.StartsWith("sequence ", StringComparison.Ordinal) || l.StartsWith("optimize ", StringComparison.Ordinal)));

    /// <summary>Repo-relative path with forward slashes (stable in #line directives on every OS).</summary>
    public static string Relative(string absolutePath)
        => Path.GetRelativePath(RepoRoot, absolutePath).Replace('\\', '/');

    /// <summary>Absolute path of a repo-relative one.</summary>
    public static string Absolute(string relativePath)
        => Path.Combine(RepoRoot, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Reads a repo-relative file.</summary>
    public static string ReadText(string relativePath) => File.ReadAllText(Absolute(relativePath));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NmrDsl.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("NmrDsl.sln not found above " + AppContext.BaseDirectory);
    }
}
