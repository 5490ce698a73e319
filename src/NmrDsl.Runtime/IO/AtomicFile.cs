using System;
using System.IO;
using System.Text;

namespace NmrDsl.Runtime.IO;

/// <summary>
/// Writes files atomically: the content goes to a temporary file in the same folder, is flushed to
/// disk, and is then renamed over the target. A reader (or a crash) sees either the old file or the
/// complete new one, never a half-written result (DESIGN.md: "results are written atomically").
/// </summary>
/// <remarks>
/// The temporary file must be in the target's folder: a rename is atomic only within one file system
/// (POSIX rename(2); on Windows File.Move with overwrite uses MoveFileEx(MOVEFILE_REPLACE_EXISTING)).
/// Its name starts with a dot and ends in ".tmp" so that a leftover from a killed process is easy to spot.
/// </remarks>
public static class AtomicFile
{
    /// <summary>UTF-8 without a byte-order mark: what every CSV/JSON reader expects.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, atomically. Creates the folder if needed.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{path}' has no folder.", nameof(path));
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Write(path, stream => stream.Write(bytes, 0, bytes.Length));
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no BOM) to <paramref name="path"/> atomically.</summary>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        WriteAllBytes(path, Utf8.GetBytes(text));
    }

    /// <summary>Writes text produced by <paramref name="write"/> (UTF-8, no BOM, "\n" line ends) to <paramref name="path"/> atomically.</summary>
    public static void WriteText(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, 65536, leaveOpen: true) { NewLine = "\n" };
            write(writer);
        });
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the original exception matters more than a leftover temporary file.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
