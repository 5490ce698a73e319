using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using NmrDsl.Generators;
using NmrDsl.Generators.Diagnostics;
using NmrDsl.Generators.Model;
using NmrDsl.Generators.Syntax;

namespace NmrDsl.Cli.Tests;

/// <summary>What one in-process nmrdsl invocation returned and printed.</summary>
internal sealed record CliOutcome(int ExitCode, string Stdout, string Stderr)
{
    public string All => Stdout + Stderr;

    /// <summary>True when anything printed looks like a .NET stack trace.</summary>
    public bool HasStackTrace => All.Contains("   at ", StringComparison.Ordinal) || All.Contains("Exception:", StringComparison.Ordinal);
}

internal static class CliRunner
{
    public static CliOutcome Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Cli.Run(args, stdout, stderr);
        return new CliOutcome(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs with a fake front end (the context's Compile seam).</summary>
    public static CliOutcome Run(Func<string, string, SpecCompilation> compile, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, interactive: false, CancellationToken.None) { Compile = compile };
        var code = Cli.Run(args, context);
        return new CliOutcome(code, stdout.ToString(), stderr.ToString());
    }

    public static (CliContext Context, StringWriter Stdout, StringWriter Stderr) NewContext(bool verbose = false)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        return (new CliContext(stdout, stderr, interactive: false, CancellationToken.None) { Verbose = verbose }, stdout, stderr);
    }
}

/// <summary>Builds front-end results by hand, so the CLI can be tested without the real front end.</summary>
internal static class Fake
{
    public static SpecCompilation Compilation(
        string path,
        IEnumerable<DiagnosticInfo>? diagnostics = null,
        IEnumerable<GeneratedSource>? sources = null,
        IEnumerable<DeclarationInfo>? declarations = null,
        IEnumerable<JobInfo>? jobs = null)
        => new(path,
            (diagnostics ?? []).ToEquatableArray(),
            (sources ?? []).ToEquatableArray(),
            (declarations ?? []).ToEquatableArray(),
            (jobs ?? []).ToEquatableArray());

    public static DiagnosticInfo Error(string path, int line, int column, string id = "NMR1001", string message = "unexpected token '}'")
        => new(id, NmrSeverity.Error, message, path, new SourceSpan(0, 1, line, column, line, column + 1));

    public static DiagnosticInfo Warning(string path, int line, int column, string id = "NMR2001", string message = "unused parameter")
        => new(id, NmrSeverity.Warning, message, path, new SourceSpan(0, 1, line, column, line, column + 1));

    public static DeclarationInfo Declaration(string name, string siUnit, int line, bool canOverride = true, string kind = "parameter",
        string? declaredUnit = null, double? defaultSi = null)
        => new(name, kind, "SphereUptake", siUnit, declaredUnit, defaultSi, defaultSi is null ? null : "default", null, line, 5, canOverride);

    /// <summary>A stand-in for NmrCompiler.TryParseQuantity: "NUMBER [UNIT]", with nm^2/s and um known.</summary>
    public static bool ParseQuantity(string text, out QuantityValue? value, out string? error)
    {
        value = null;
        error = null;
        var parts = text.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            error = "expected a number";
            return false;
        }
        var unit = parts.Length > 1 ? parts[1].Trim() : string.Empty;
        (double scale, string si) = unit switch
        {
            "" => (1.0, ""),
            "nm^2/s" => (1e-18, "m^2 s^-1"),
            "m^2/s" => (1.0, "m^2 s^-1"),
            "um" => (1e-6, "m"),
            "nm" => (1e-9, "m"),
            "s" => (1.0, "s"),
            _ => (double.NaN, ""),
        };
        if (double.IsNaN(scale))
        {
            error = "unknown unit '" + unit + "'";
            return false;
        }
        value = new QuantityValue(number * scale, si);
        return true;
    }
}

/// <summary>A temporary folder, deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nmrdsl-cli-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
