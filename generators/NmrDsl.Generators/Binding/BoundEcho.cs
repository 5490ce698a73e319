using System.Collections.Generic;

namespace NmrDsl.Generators.Binding;

/// <summary>
/// A bound echo block in the runtime's units (docs/language-echo.md): frequencies in MHz, τ in seconds, dt and ξ
/// dimensionless. <paramref name="KernelShape"/> names a member of NmrDsl.Runtime.Echo.KernelShape.
/// </summary>
public sealed record BoundEcho(
    string Name,
    string? Description,
    int Side,
    double CarrierMHz,
    double FullWidthMHz,
    double WindowMHz,
    int GridPoints,
    string KernelShape,
    bool NormalisePerSite,
    bool Secular,
    double DelaySeconds,
    double Step,
    IReadOnlyList<BoundEchoParameter> Parameters);

/// <summary>
/// One echo parameter: range and default in the runtime unit (<paramref name="Unit"/>: MHz for alpha, 1 otherwise),
/// and the SI unit and default for <c>nmrdsl describe</c> and <c>--set</c>.
/// </summary>
public sealed record BoundEchoParameter(
    string Name, string Unit, double Lower, double Upper, double Default, string SiUnit, double DefaultSi, string? DeclaredUnit,
    string? Description, int Line, int Column);
