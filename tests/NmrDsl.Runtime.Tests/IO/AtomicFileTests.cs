using System;
using System.IO;
using NmrDsl.Runtime.IO;

namespace NmrDsl.Runtime.Tests.IO;

public sealed class AtomicFileTests
{
    [Fact]
    public void WriteReplacesTheFileAndLeavesNoTemporaryFile()
    {
        using var folder = new TempFolder();
        string path = folder.File("sub/result.txt");
        AtomicFile.WriteAllText(path, "first");
        AtomicFile.WriteAllText(path, "second");
        Assert.Equal("second", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void FailedWriteKeepsTheOldContentAndCleansUp()
    {
        using var folder = new TempFolder();
        string path = folder.File("result.txt");
        AtomicFile.WriteAllText(path, "old");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.WriteByte((byte)'x');
            throw new InvalidOperationException("simulated failure half-way");
        }));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void TextIsUtf8WithoutByteOrderMark()
    {
        using var folder = new TempFolder();
        string path = folder.File("u.txt");
        AtomicFile.WriteAllText(path, "µm");
        Assert.Equal(new byte[] { 0xC2, 0xB5, (byte)'m' }, File.ReadAllBytes(path));
    }
}
