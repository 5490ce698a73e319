using System.Threading;
using NmrDsl.Generators.Diagnostics;
using NmrDsl.Generators.Model;

namespace NmrDsl.Generators;

/// <summary>Options that shape generated code.</summary>
public sealed record CompileOptions(string Namespace = "NmrDsl.Generated");

/// <summary>One generated C# file: hint name (e.g. <c>SphereUptake.g.cs</c>) and its text.</summary>
public sealed record GeneratedSource(string HintName, string Text);

/// <summary>
/// One declaration of a spec, for <c>nmrdsl describe</c> and for validating <c>--set</c> overrides.
/// <paramref name="Name"/> is dotted for nested names (<c>solid.D</c>); <paramref name="Kind"/> is
/// one of parameter, unknown, let, material-property, field, observable, coordinate, time, region, problem…;
/// <paramref name="SiUnit"/> is the SI unit (e.g. <c>m^2 s^-1</c>, empty when dimensionless);
/// <paramref name="DefaultSi"/> is the default in that SI unit, where the declaration has a constant one.
/// </summary>
public sealed record DeclarationInfo(
    string Name,
    string Kind,
    string Block,
    string SiUnit,
    string? DeclaredUnit,
    double? DefaultSi,
    string? DefaultText,
    string? Description,
    int Line,
    int Column,
    bool CanOverride);

/// <summary>A runnable job emitted for a spec block: the generated type implementing <c>NmrDsl.Runtime.ISpecJob</c>.</summary>
public sealed record JobInfo(string Block, string Kind, string TypeName);

/// <summary>Everything the front end produced for one spec file.</summary>
public sealed record SpecCompilation(
    string FilePath,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<GeneratedSource> Sources,
    EquatableArray<DeclarationInfo> Declarations,
    EquatableArray<JobInfo> Jobs)
{
    public bool HasErrors
    {
        get
        {
            foreach (var d in Diagnostics) if (d.IsError) return true;
            return false;
        }
    }
}

/// <summary>A parsed physical quantity: value in SI units and the SI dimension written as a unit string.</summary>
public sealed record QuantityValue(double SiValue, string SiUnit);

/// <summary>
/// The front end's single entry point, used by the source generator and by the CLI alike:
/// lex → parse → bind (names, units) → analyse physics → lower to the equatable model → emit.
/// Never throws on bad input: problems come back as diagnostics.
/// </summary>
public static partial class NmrCompiler
{
    /// <summary>Compiles one spec file's text.</summary>
    public static SpecCompilation Compile(string filePath, string text, CompileOptions? options = null, CancellationToken cancellationToken = default)
        => CompileCore(filePath, text, options ?? new CompileOptions(), cancellationToken);

    /// <summary>
    /// Parses a value with an optional unit, such as <c>350 nm^2/s</c>, <c>2.5 um</c> or <c>1e-3</c>,
    /// as accepted by <c>--set name=value</c>. Returns false with a message on malformed input.
    /// </summary>
    public static bool TryParseQuantity(string text, out QuantityValue? value, out string? error)
        => TryParseQuantityCore(text, out value, out error);
}
