using System;
using System.IO;

namespace NmrDsl.Specs.Tests;

/// <summary>Locates reference data in ../shared/data (beside the repository, as on CI).</summary>
internal static class SharedData
{
    /// <summary>Path of a file in ../shared/data/dnp; fails the test with the expected path if it is missing.</summary>
    public static string DnpFile(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NmrDsl.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        string path = Path.Combine(dir!.FullName, "..", "shared", "data", "dnp", name);
        Assert.True(File.Exists(path), "the shared data are expected beside the repository: " + path);
        return path;
    }
}
