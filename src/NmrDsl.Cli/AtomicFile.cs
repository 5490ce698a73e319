using System;
using System.IO;
using System.Text;

namespace NmrDsl.Cli;

/// <summary>Writes files atomically: a temporary file in the same folder, then a rename over the target.</summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes <paramref name="text"/> (UTF-8, no BOM) to <paramref name="path"/> unless the file
    /// already holds exactly these bytes; returns whether it wrote (unchanged files keep their
    /// timestamps, so incremental builds that include them do not rebuild).
    /// </summary>
    public static bool WriteTextIfChanged(string path, string text)
    {
        var bytes = Utf8NoBom.GetBytes(text);
        if (File.Exists(path))
        {
            var existing = File.ReadAllBytes(path);
            if (existing.AsSpan().SequenceEqual(bytes)) return false;
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
        return true;
    }
}
