using System;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// One declared echo parameter in the runtime's units (alpha in MHz; xi in lattice spacings; p and d dimensionless):
/// its sampling range [<paramref name="Lower"/>, <paramref name="Upper"/>] (uniform) and its default.
/// </summary>
/// <param name="Name">alpha, xi, p or d.</param>
/// <param name="Unit">the unit of the values ("MHz" or "1").</param>
/// <param name="Lower">lower end of the range.</param>
/// <param name="Upper">upper end of the range (≥ <paramref name="Lower"/>).</param>
/// <param name="Default">the value used by a single simulation.</param>
public sealed record EchoParameterRange(string Name, string Unit, double Lower, double Upper, double Default)
{
    /// <summary>Width w = upper − lower (the challenge metric's scale for the reference ranges).</summary>
    public double Width => Upper - Lower;

    /// <summary>
    /// The value for one uniform draw u ∈ [0, 1): lower + w·u, except for xi, lower + w·(1 − u) ∈ (lower, upper], as the
    /// reference prior (<see cref="EchoParameters.Sample"/>), so a range starting at 0 never yields the invalid ξ = 0.
    /// With the reference ranges this reproduces <see cref="EchoDataset.ParametersOf"/> bit for bit.
    /// </summary>
    public double FromUniform(double u) =>
        string.Equals(Name, "xi", StringComparison.Ordinal) ? Lower + Width * (1.0 - u) : Lower + Width * u;

    /// <summary>A value in SI units (alpha in Hz, the others dimensionless) in this parameter's unit.</summary>
    public double FromSi(double si) => string.Equals(Unit, "MHz", StringComparison.Ordinal) ? si / 1e6 : si;

    /// <summary>The range collapsed to <paramref name="value"/> (runtime units): every draw gives it, default included.</summary>
    public EchoParameterRange Fixed(double value) => this with { Lower = value, Upper = value, Default = value };
}
