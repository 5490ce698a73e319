using System;
using System.Globalization;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// Shape k(r) of the effective spin–spin coupling T(i, j) = α·k(r_ij) (r in lattice units, k dimensionless; α in MHz
/// carries the units). Reference: /work/shared/reference/echo-challenge.md §1.1 (cell 4: T(i,j) = α(|r_j − r_i|/ξ)^−p)
/// and §1.2 (later kernels of the generator's history). k(0) is never evaluated: a spin does not couple to itself.
/// </summary>
public abstract record CouplingKernel
{
    /// <summary>k(r) for r &gt; 0 [dimensionless].</summary>
    public abstract double Value(double distance);

    /// <summary>A short description with its parameters, culture-invariant.</summary>
    public abstract string Describe();
}

/// <summary>
/// Power law k(r) = (r/ξ)^−p, the hackathon kernel (reference §1.1 and §1.3). After per-site normalisation ξ cancels
/// identically (K_ij = r_ij^−p / Σ_l r_il^−p); without normalisation k = ξ^p r^−p, so ξ and α enter only as α·ξ^p.
/// </summary>
/// <param name="Power">p, the exponent (reference range [2, 4]).</param>
/// <param name="Length">ξ &gt; 0, the coupling length in lattice units (reference range (0, 20]).</param>
public sealed record PowerLawKernel(double Power, double Length) : CouplingKernel
{
    /// <inheritdoc />
    public override double Value(double distance) => Math.Pow(distance / Length, -Power);

    /// <inheritdoc />
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"power law (r/xi)^-p, p = {Power:R}, xi = {Length:R}");
}

/// <summary>
/// Pure power law k(r) = r^−p with no length scale: the generator's later "power" kernel ("no xi dependence", reference
/// §1.2 commit 24e50a1). Equals <see cref="PowerLawKernel"/> with ξ = 1; normalised per site it is identical to the
/// normalised (r/ξ)^−p for every ξ.
/// </summary>
/// <param name="Power">p, the exponent.</param>
public sealed record InversePowerKernel(double Power) : CouplingKernel
{
    /// <inheritdoc />
    public override double Value(double distance) => Math.Pow(distance, -Power);

    /// <inheritdoc />
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"power law r^-p, p = {Power:R}");
}

/// <summary>
/// Gaussian k(r) = exp(−(r/ξ)^q) with q = 2 (the GSoC 2021 and 2024 datasets, reference §3; the generator briefly used
/// q = p, reference §1.2 commit 24e50a1). ξ does not cancel under normalisation, because the shape changes with ξ.
/// </summary>
/// <param name="Length">ξ &gt; 0 in lattice units.</param>
/// <param name="Exponent">q, 2 for a Gaussian.</param>
public sealed record GaussianKernel(double Length, double Exponent = 2.0) : CouplingKernel
{
    /// <inheritdoc />
    public override double Value(double distance) => Math.Exp(-Math.Pow(distance / Length, Exponent));

    /// <inheritdoc />
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"gaussian exp(-(r/xi)^{Exponent:R}), xi = {Length:R}");
}

/// <summary>
/// Uniform (all-to-all) k(r) = 1 for every r &gt; 0. The reference lists a "uniform" kernel in the generator's history
/// (§1.2) without its formula; this is the all-to-all reading, with no ξ or p. Normalised, every spin feels the mean of
/// all others: the infinite-range mean-field limit.
/// </summary>
public sealed record UniformKernel : CouplingKernel
{
    /// <inheritdoc />
    public override double Value(double distance) => 1.0;

    /// <inheritdoc />
    public override string Describe() => "uniform (all-to-all)";
}
