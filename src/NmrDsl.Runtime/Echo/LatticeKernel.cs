using System;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// The coupling kernel tabulated over displacements of a periodic lattice: K(n₀, n₁), row-major index n₀·L₁ + n₁,
/// with K(0, 0) = 0 (no self-coupling). With per-site normalisation (the hackathon generator, reference
/// /work/shared/reference/echo-challenge.md §1.3 "Local mean field"):
/// K_ij = k(r_ij) / Σ_{l≠i} k(r_il); without it (generator after f47d1b7, §1.2) K_ij = k(r_ij). On a periodic Bravais
/// lattice Σ_{l≠i} k(r_il) is the same for every i, so both are circulant and the mean field
/// m_i = Σ_{j≠i} K_ij Tr(I⁺ρ_j) is a periodic convolution.
/// </summary>
public sealed class LatticeKernel
{
    private readonly double[] _weights;

    /// <summary>Tabulates <paramref name="kernel"/> on <paramref name="lattice"/>.</summary>
    public LatticeKernel(IPeriodicLattice lattice, CouplingKernel kernel, bool normalisePerSite)
    {
        ArgumentNullException.ThrowIfNull(lattice);
        ArgumentNullException.ThrowIfNull(kernel);
        if (lattice.Extents.Count != 2)
        {
            throw new ArgumentException("Only two-dimensional lattices are supported.", nameof(lattice));
        }

        Lattice = lattice;
        Kernel = kernel;
        NormalisedPerSite = normalisePerSite;
        int l0 = lattice.Extents[0], l1 = lattice.Extents[1];
        _weights = new double[l0 * l1];
        double sum = 0;
        for (int n0 = 0; n0 < l0; n0++)
        {
            for (int n1 = 0; n1 < l1; n1++)
            {
                if (n0 == 0 && n1 == 0)
                {
                    continue;
                }

                double k = kernel.Value(lattice.MinimumImageDistance(n0, n1));
                if (!double.IsFinite(k))
                {
                    throw new ArgumentException($"Kernel {kernel.Describe()} is not finite at displacement ({n0}, {n1}).", nameof(kernel));
                }

                _weights[n0 * l1 + n1] = k;
                sum += k;
            }
        }

        RawSum = sum;
        if (normalisePerSite)
        {
            if (!(sum > 0))
            {
                throw new ArgumentException($"Kernel {kernel.Describe()} sums to {sum} over the lattice and cannot be normalised.", nameof(kernel));
            }

            for (int i = 0; i < _weights.Length; i++)
            {
                _weights[i] /= sum;
            }
        }
    }

    /// <summary>The lattice.</summary>
    public IPeriodicLattice Lattice { get; }

    /// <summary>The kernel shape.</summary>
    public CouplingKernel Kernel { get; }

    /// <summary>Whether K is divided by Σ_{l≠i} k(r_il).</summary>
    public bool NormalisedPerSite { get; }

    /// <summary>Σ_{l≠i} k(r_il) before normalisation (the same for every site).</summary>
    public double RawSum { get; }

    /// <summary>K over displacements, row-major n₀·L₁ + n₁ (dimensionless).</summary>
    public ReadOnlySpan<double> Weights => _weights;
}
