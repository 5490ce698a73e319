using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using NmrDsl.Generators.Diagnostics;

namespace NmrDsl.Cli;

/// <summary>Finds and reads spec files; every failure becomes a diagnostic naming the file as given.</summary>
internal static class SpecFiles
{
    public const string Extension = ".nmr";

    /// <summary>
    /// Expands the SPEC arguments: a directory stands for every <c>*.nmr</c> file under it (sorted,
    /// recursive); anything else is kept as given, so that diagnostics show the user's own path.
    /// </summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> arguments)
    {
        var result = new List<string>();
        foreach (var argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                var files = Directory.EnumerateFiles(argument, "*" + Extension, SearchOption.AllDirectories)
                    .OrderBy(p => p, StringComparer.Ordinal)
                    .ToList();
                if (files.Count == 0) result.Add(argument); // reported by TryRead as "no spec files"
                else result.AddRange(files);
            }
            else
            {
                result.Add(argument);
            }
        }
        return result;
    }

    /// <summary>Reads a spec; on failure returns false with an NMR0001/NMR0002 diagnostic.</summary>
    public static bool TryRead(string path, out string text, out DiagnosticInfo? error)
    {
        text = string.Empty;
        error = null;
        if (Directory.Exists(path))
        {
            error = CliDiagnostics.FileError(CliDiagnostics.FileNotFound, path, "no " + Extension + " spec files in this directory");
            return false;
        }
        if (!File.Exists(path))
        {
            error = CliDiagnostics.FileError(CliDiagnostics.FileNotFound, path, "file not found");
            return false;
        }
        try
        {
            text = File.ReadAllText(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SecurityException)
        {
            error = CliDiagnostics.FileError(CliDiagnostics.FileUnreadable, path, "cannot read file: " + ex.Message);
            return false;
        }
    }

    /// <summary>The spec's name for default folders: <c>specs/pde/sphere-uptake.nmr</c> → <c>sphere-uptake</c>.</summary>
    public static string SpecName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return string.IsNullOrEmpty(name) ? "spec" : name;
    }
}
