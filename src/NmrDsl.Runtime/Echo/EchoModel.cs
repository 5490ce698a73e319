using System;

namespace NmrDsl.Runtime.Echo;

/// <summary>Which kernel shape the parameters (ξ, p) feed.</summary>
public enum KernelShape
{
    /// <summary>(r/ξ)^−p, the hackathon kernel (<see cref="PowerLawKernel"/>).</summary>
    PowerLaw,

    /// <summary>r^−p (<see cref="InversePowerKernel"/>); ξ unused.</summary>
    InversePower,

    /// <summary>exp(−(r/ξ)²) (<see cref="GaussianKernel"/>); p unused.</summary>
    Gaussian,

    /// <summary>1 for every pair (<see cref="UniformKernel"/>); ξ and p unused.</summary>
    Uniform,
}

/// <summary>
/// Everything about the echo simulation except the four parameters and the seed. The defaults are the 2020 hackathon
/// generator (reference: /work/shared/reference/echo-challenge.md §1.2–1.3): 50×50 periodic square lattice, power-law
/// kernel normalised per site, full (non-secular) Hamiltonian, ν₀ = 10 MHz, Lorentzian offsets of FWHM 0.05 MHz in a
/// 0.5 MHz window, τ = 50 µs, dt = 2, 471 samples. Float64 throughout (the reference ran Float32 on GPU).
/// </summary>
public sealed record EchoModel
{
    /// <summary>The reference generator's model.</summary>
    public static EchoModel Reference { get; } = new();

    /// <summary>The spin lattice.</summary>
    public IPeriodicLattice Lattice { get; init; } = SquareLattice.Reference;

    /// <summary>Kernel shape.</summary>
    public KernelShape Kernel { get; init; } = KernelShape.PowerLaw;

    /// <summary>Divide the kernel by Σ_{l≠i} k(r_il) (true in the 2020 generator; ξ then cancels for the power law).</summary>
    public bool NormalisePerSite { get; init; } = true;

    /// <summary>Drop the counter-rotating terms of O_i(t) (secular approximation); false reproduces the reference.</summary>
    public bool Secular { get; init; }

    /// <summary>Site disorder, including ν₀ (which also sets the counter-rotating frequency 2ν₀).</summary>
    public LorentzianOffsets Offsets { get; init; } = LorentzianOffsets.Reference;

    /// <summary>Pulse timing and sampling.</summary>
    public EchoTimeGrid TimeGrid { get; init; } = EchoTimeGrid.Reference;

    /// <summary>Mean-field evaluation (results agree to ~1e-15; only speed differs).</summary>
    public MeanFieldMethod MeanField { get; init; } = MeanFieldMethod.Auto;

    /// <summary>Threads over spins within one curve (1 = sequential). Results are bit-identical for any value.</summary>
    public int SpinParallelism { get; init; } = 1;

    /// <summary>The kernel shape for parameters (ξ, p).</summary>
    public CouplingKernel CreateKernel(EchoParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Kernel switch
        {
            KernelShape.PowerLaw => new PowerLawKernel(parameters.Power, RequirePositive(parameters.Xi)),
            KernelShape.InversePower => new InversePowerKernel(parameters.Power),
            KernelShape.Gaussian => new GaussianKernel(RequirePositive(parameters.Xi)),
            KernelShape.Uniform => new UniformKernel(),
            _ => throw new ArgumentOutOfRangeException(nameof(parameters), Kernel, "Unknown kernel shape."),
        };
    }

    /// <summary>The kernel tabulated on <see cref="Lattice"/>, normalised or not.</summary>
    public LatticeKernel CreateLatticeKernel(EchoParameters parameters) => new(Lattice, CreateKernel(parameters), NormalisePerSite);

    private static double RequirePositive(double xi) =>
        xi > 0 && double.IsFinite(xi) ? xi : throw new ArgumentOutOfRangeException(nameof(xi), xi, "The coupling length xi must be positive and finite.");
}
