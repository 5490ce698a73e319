using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.Json;

namespace NmrDsl.Benchmarks;

/// <summary>Runs a Python reference script with Debian's /usr/bin/python3 and parses the JSON it prints.</summary>
internal static class PythonReference
{
    /// <summary>The script's JSON output, or null when python3 or the script is missing or the script fails.</summary>
    public static JsonDocument? Run(string script, IEnumerable<string> arguments)
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python) || !File.Exists(script)) return null;
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        foreach (string a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        error.Wait();
        process.WaitForExit();
        return process.ExitCode == 0 ? JsonDocument.Parse(output) : null;
    }
}
