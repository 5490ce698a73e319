using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NmrDsl.Generators;
using NmrDsl.Generators.Diagnostics;

namespace NmrDsl.Cli;

/// <summary>One <c>--set name=value</c> argument, split at its first <c>=</c>.</summary>
internal readonly record struct OverrideAssignment(string Name, string ValueText);

/// <summary>Parses a quantity such as <c>350 nm^2/s</c> (defaults to <see cref="NmrCompiler.TryParseQuantity"/>).</summary>
internal delegate bool QuantityParser(string text, out QuantityValue? value, out string? error);

/// <summary>The validated overrides (SI values by declared name) or the errors that prevent them.</summary>
internal sealed record OverrideResolution(IReadOnlyDictionary<string, double> Values, IReadOnlyList<DiagnosticInfo> Errors)
{
    public bool Success => Errors.Count == 0;
}

/// <summary>
/// Validates <c>--set name=value</c> against a spec's declarations: the name must be declared and
/// overridable, the value must parse as a quantity, and its SI unit must be the declaration's.
/// Every problem is a user error that names the spec (and the declaration's line, where there is one).
/// </summary>
internal static class OverrideParser
{
    private const string Example = "--set solid.D=\"350 nm^2/s\"";
    private const int MaxListed = 12;

    /// <summary>Splits <c>name=value</c>; the name must be a (dotted) identifier and the value non-empty.</summary>
    public static bool TryParseAssignment(string argument, out OverrideAssignment assignment, out string? error)
    {
        assignment = default;
        int equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            error = "expected name=value, e.g. " + Example;
            return false;
        }
        var name = argument[..equals].Trim();
        var value = argument[(equals + 1)..].Trim();
        if (name.Length == 0)
        {
            error = "the name before '=' is empty; expected name=value, e.g. " + Example;
            return false;
        }
        if (!IsDottedIdentifier(name))
        {
            error = "'" + name + "' is not a declared-name shape (letters, digits and '_', dotted for nested names such as solid.D)";
            return false;
        }
        if (value.Length == 0)
        {
            error = "the value after '=' is empty; expected a number with its unit, e.g. " + Example;
            return false;
        }
        assignment = new OverrideAssignment(name, value);
        error = null;
        return true;
    }

    /// <summary>Validates every <c>--set</c> argument against the spec's declarations.</summary>
    public static OverrideResolution Resolve(
        string specPath,
        IReadOnlyList<DeclarationInfo> declarations,
        IReadOnlyList<string> arguments,
        QuantityParser? parseQuantity = null)
    {
        parseQuantity ??= NmrCompiler.TryParseQuantity;
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var errors = new List<DiagnosticInfo>();
        var byName = new Dictionary<string, DeclarationInfo>(StringComparer.Ordinal);
        foreach (var d in declarations) byName.TryAdd(d.Name, d);

        foreach (var argument in arguments)
        {
            if (!TryParseAssignment(argument, out var assignment, out var syntaxError))
            {
                errors.Add(CliDiagnostics.FileError(CliDiagnostics.MalformedOverride, specPath,
                    "--set '" + argument + "': " + syntaxError));
                continue;
            }
            var name = assignment.Name;
            if (!byName.TryGetValue(name, out var declaration))
            {
                errors.Add(CliDiagnostics.FileError(CliDiagnostics.UnknownOverride, specPath,
                    "--set " + name + ": the spec declares no '" + name + "'; " + Suggest(name, declarations)));
                continue;
            }
            if (!declaration.CanOverride)
            {
                errors.Add(At(CliDiagnostics.NotOverridable, specPath, declaration,
                    "--set " + name + ": " + Article(declaration.Kind) + " '" + name + "' (declared at line "
                    + Invariant(declaration.Line) + ") cannot be set from the command line; " + ListOverridable(declarations)));
                continue;
            }
            if (!parseQuantity(assignment.ValueText, out var quantity, out var parseError) || quantity is null)
            {
                errors.Add(At(CliDiagnostics.MalformedOverride, specPath, declaration,
                    "--set " + name + ": cannot read '" + assignment.ValueText + "' as a quantity: "
                    + (parseError ?? "malformed value") + " (expected e.g. " + Example + ")"));
                continue;
            }
            if (!double.IsFinite(quantity.SiValue))
            {
                errors.Add(At(CliDiagnostics.MalformedOverride, specPath, declaration,
                    "--set " + name + ": the value '" + assignment.ValueText + "' is not a finite number"));
                continue;
            }
            var expected = NormalizeUnit(declaration.SiUnit);
            var given = NormalizeUnit(quantity.SiUnit);
            if (!string.Equals(expected, given, StringComparison.Ordinal))
            {
                errors.Add(At(CliDiagnostics.IncompatibleOverrideUnit, specPath, declaration,
                    "--set " + name + ": incompatible unit: '" + name + "' (declared at line " + Invariant(declaration.Line)
                    + ") expects " + DescribeExpected(declaration) + ", but '" + assignment.ValueText + "' "
                    + (given.Length == 0 ? "is dimensionless" : "has unit " + given)));
                continue;
            }
            if (values.ContainsKey(name))
            {
                errors.Add(At(CliDiagnostics.DuplicateOverride, specPath, declaration,
                    "--set " + name + ": given more than once; give each name once"));
                continue;
            }
            values.Add(name, quantity.SiValue);
        }
        return new OverrideResolution(values, errors);
    }

    /// <summary>Up to five close overridable names ("did you mean …?"), else the list of overridable names.</summary>
    internal static string Suggest(string name, IReadOnlyList<DeclarationInfo> declarations)
    {
        var candidates = declarations.Where(d => d.CanOverride).Select(d => d.Name).Distinct(StringComparer.Ordinal).ToList();
        var lastSegment = LastSegment(name);
        var close = candidates
            .Select(c => (Name: c, Distance: Distance(name, c)))
            .Where(c => c.Distance <= Math.Max(1, name.Length / 3)
                || string.Equals(LastSegment(c.Name), lastSegment, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(5)
            .Select(c => c.Name)
            .ToList();
        if (close.Count > 0) return "did you mean " + string.Join(", ", close) + "?";
        return ListOverridable(declarations);
    }

    private static string ListOverridable(IReadOnlyList<DeclarationInfo> declarations)
    {
        var names = declarations.Where(d => d.CanOverride).Select(d => d.Name).Distinct(StringComparer.Ordinal)
            .OrderBy(n => n, StringComparer.Ordinal).ToList();
        if (names.Count == 0) return "this spec declares nothing that --set can override";
        var listed = string.Join(", ", names.Take(MaxListed));
        if (names.Count > MaxListed) listed += string.Format(CultureInfo.InvariantCulture, " and {0} more (see nmrdsl describe)", names.Count - MaxListed);
        return "names that --set can override: " + listed;
    }

    private static string DescribeExpected(DeclarationInfo declaration)
    {
        var si = NormalizeUnit(declaration.SiUnit);
        var text = si.Length == 0 ? "a dimensionless value" : "a value in " + si;
        if (!string.IsNullOrWhiteSpace(declaration.DeclaredUnit) && !string.Equals(declaration.DeclaredUnit.Trim(), si, StringComparison.Ordinal))
        {
            text += " (declared in " + declaration.DeclaredUnit.Trim() + ")";
        }
        return text;
    }

    /// <summary>Collapses whitespace; "1" and "" both mean dimensionless.</summary>
    internal static string NormalizeUnit(string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit)) return string.Empty;
        var collapsed = string.Join(' ', unit.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed == "1" ? string.Empty : collapsed;
    }

    private static DiagnosticInfo At(string id, string specPath, DeclarationInfo declaration, string message)
        => declaration.Line > 0
            ? CliDiagnostics.At(id, specPath, declaration.Line, Math.Max(1, declaration.Column), message)
            : CliDiagnostics.FileError(id, specPath, message);

    private static string Article(string kind)
    {
        if (string.IsNullOrEmpty(kind)) return "the declaration";
        return ("aeiou".Contains(char.ToLowerInvariant(kind[0]), StringComparison.Ordinal) ? "an " : "a ") + kind;
    }

    private static string LastSegment(string name)
    {
        int dot = name.LastIndexOf('.');
        return dot < 0 ? name : name[(dot + 1)..];
    }

    private static bool IsDottedIdentifier(string name)
    {
        foreach (var part in name.Split('.'))
        {
            if (part.Length == 0 || !(char.IsLetter(part[0]) || part[0] == '_')) return false;
            foreach (var c in part)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_')) return false;
            }
        }
        return true;
    }

    /// <summary>Case-insensitive Levenshtein distance (a case-only difference counts 0, so "solid.d" finds "solid.D").</summary>
    internal static int Distance(string a, string b)
    {
        a = a.ToUpperInvariant();
        b = b.ToUpperInvariant();
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
