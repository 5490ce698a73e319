using System;
using NmrDsl.Generators.Model;

namespace NmrDsl.Generators.Emit;

/// <summary>
/// Everything the emitter needs for one problem block, as plain strings and numbers (C# code
/// fragments already printed from the symbolic IR). Value-equatable, so the incremental generator
/// skips emission when a spec edit does not change it (e.g. whitespace inside a line).
/// </summary>
public sealed record ProblemModel(
    string Namespace,
    string ClassName,
    string Description,
    string SpecPath,
    string Geometry,
    string Coordinate,
    string TimeVariable,
    string StartCode,
    string EndCode,
    string EndTimeCode,
    int GeometryLine,
    int TimeLine,
    EquatableArray<ParameterModel> Parameters,
    EquatableArray<LetModel> Lets,
    EquatableArray<RegionModel> Regions,
    FieldModel Field,
    EquationModel Equation,
    CodeByRegion Initial,
    int InitialLine,
    BoundaryModel StartBoundary,
    BoundaryModel EndBoundary,
    EquatableArray<ObservableModel> Observables,
    int Cells,
    int Outputs,
    string RelativeToleranceCode,
    int SolveLine,
    EquatableArray<UnknownModel> Unknowns,
    PinnModel? Pinn);

/// <summary>The options of the spec's <c>solve pinn</c> and <c>loss</c> lines (name, value as printed: numbers in SI or keywords).</summary>
public sealed record PinnModel(EquatableArray<PinnOptionModel> Options, int Line);

/// <summary>One PINN option.</summary>
public sealed record PinnOptionModel(string Name, string Value);

/// <summary>
/// A parameter, unknown or constant material value: C# name, the key used by overrides
/// (<c>R</c>, or dotted <c>solid.D</c> for a material property of a region), SI default literal,
/// SI unit, the spec's own text.
/// </summary>
public sealed record ParameterModel(string Name, string Key, string Kind, string DefaultCode, string SiUnit, string SpecDefault, string? Description, int Line);

/// <summary>
/// An <c>unknown</c> of the spec, fitted by <c>nmrdsl fit</c>: C# name of its parameter property, key,
/// SI bound literals, log scale, SI unit.
/// </summary>
public sealed record UnknownModel(string Name, string Key, string LowerCode, string UpperCode, bool LogScale, string SiUnit);

/// <summary>A constant derived quantity computed once from the parameters.</summary>
public sealed record LetModel(string Name, string Code, string SiUnit, string SpecText, int Line);

/// <summary>A region: its name, the C# code of its upper bound (interfaces), and its spec line.</summary>
public sealed record RegionModel(string Name, string UpperCode, int Line);

/// <summary>The field's name and SI unit.</summary>
public sealed record FieldModel(string Name, string SiUnit);

/// <summary>C# expression per region (one entry when the coefficient is the same everywhere).</summary>
public sealed record CodeByRegion(EquatableArray<string> Codes)
{
    public bool IsUniform
    {
        get
        {
            for (int i = 1; i < Codes.Count; i++) if (!string.Equals(Codes[i], Codes[0], StringComparison.Ordinal)) return false;
            return true;
        }
    }
}

/// <summary>The conservative normal form A u_t = x^-k (x^k K u_x)_x + S0 + S1 u, plus dK/dx for the residual.</summary>
public sealed record EquationModel(
    string Text,
    int Line,
    CodeByRegion Capacity,
    CodeByRegion Diffusivity,
    CodeByRegion DiffusivityDerivative,
    CodeByRegion SourceConstant,
    CodeByRegion SourceLinear,
    bool IsTimeDependent,
    string FluxSiUnit);

/// <summary>A boundary condition: runtime kind name (Dirichlet, Neumann, Flux, Regular) and value code.</summary>
public sealed record BoundaryModel(string Kind, string ValueCode, int Line);

/// <summary>An observable: volume average of an integrand over a region (-1: whole domain).</summary>
public sealed record ObservableModel(string Name, string MethodName, CodeByRegion Integrand, int Region, string SiUnit, string SpecText, int Line);
