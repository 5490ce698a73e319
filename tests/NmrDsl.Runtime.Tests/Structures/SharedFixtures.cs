using System;
using System.IO;

namespace NmrDsl.Runtime.Tests.Structures;

/// <summary>Locates reference data under ../shared/data (beside the repository, as on CI).</summary>
internal static class SharedFixtures
{
    /// <summary>Path of <paramref name="relative"/> under ../shared/data; fails the test with the expected path if missing.</summary>
    public static string Path(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "NmrDsl.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        string path = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir!.FullName, "..", "shared", "data", relative));
        Assert.True(File.Exists(path), "the shared data are expected beside the repository: " + path);
        return path;
    }
}
