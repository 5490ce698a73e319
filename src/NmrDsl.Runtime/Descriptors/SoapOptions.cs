using System;
using System.Linq;
using NmrDsl.Runtime.Structures;

namespace NmrDsl.Runtime.Descriptors;

/// <summary>Radial basis of a SOAP expansion (DScribe names).</summary>
public enum SoapRadialBasis
{
    /// <summary>Löwdin-orthonormalised r^l exp(−α_lk r²), decaying to 10⁻³ at a_k = linspace(1, r_cut, n_max).</summary>
    Gto,

    /// <summary>Orthonormalised (r_cut − r)^(n+2) polynomials on [0, r_cut], independent of l.</summary>
    Polynomial,
}

/// <summary>Which species pairs the power spectrum keeps (DScribe's <c>compression</c> modes off and crossover).</summary>
public enum SoapCompression
{
    /// <summary>All pairs Z1 ≤ Z2.</summary>
    Off,

    /// <summary>Only Z1 = Z2 (DScribe's confusingly named mode "crossover": no cross-species terms).</summary>
    Crossover,
}

/// <summary>
/// SOAP hyper-parameters in DScribe 2.x conventions (/work/shared/reference/descriptors.md §1.1): r_cut (Å),
/// n_max (the number of radial functions), l_max (≤ 20), σ (Å; the atomic Gaussian exp(−|r−R|²/(2σ²)) is not
/// normalised), species (sorted by Z), radial basis, neighbour weighting and compression. Lengths in Å.
/// </summary>
public sealed record SoapOptions
{
    public SoapOptions(double rCut, int nMax, int lMax, double sigma, params string[] species)
    {
        if (!(rCut > 0)) throw new ArgumentOutOfRangeException(nameof(rCut), rCut, "r_cut must be positive");
        if (nMax < 1) throw new ArgumentOutOfRangeException(nameof(nMax), nMax, "n_max must be at least 1");
        if (lMax < 0 || lMax > 20) throw new ArgumentOutOfRangeException(nameof(lMax), lMax, "l_max must be in 0..20 (DScribe's limit)");
        if (!(sigma > 0)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "sigma must be positive");
        ArgumentNullException.ThrowIfNull(species);
        if (species.Length == 0) throw new ArgumentException("at least one species is needed", nameof(species));
        RCut = rCut;
        NMax = nMax;
        LMax = lMax;
        Sigma = sigma;
        AtomicNumbers = species.Select(Elements.AtomicNumber).Distinct().Order().ToArray();
    }

    public double RCut { get; }

    public int NMax { get; }

    public int LMax { get; }

    public double Sigma { get; }

    /// <summary>The species' atomic numbers, increasing (the order of the species axis and of the pairs).</summary>
    public int[] AtomicNumbers { get; }

    public SoapRadialBasis RadialBasis { get; init; } = SoapRadialBasis.Gto;

    public SoapCompression Compression { get; init; } = SoapCompression.Off;

    /// <summary>Per-neighbour Gaussian amplitude w(r); null means every w = 1.</summary>
    public SoapWeighting? Weighting { get; init; }

    /// <summary>
    /// Tabulate the radial integral F_nl(R) and interpolate it (cubic Hermite, step min(0.005 Å, σ/100); ~1e-11
    /// relative at σ = 0.5 Å) instead of evaluating it per neighbour. Null (default): on for gto, off for polynomial
    /// (whose exact integral is a quadrature, too costly to tabulate finely at small σ).
    /// </summary>
    public bool? RadialSpline { get; init; }

    /// <summary>Use the lattice and pbc flags of the structure (DScribe <c>periodic=True</c>); otherwise ignore the cell.</summary>
    public bool Periodic { get; init; } = true;

    /// <summary>
    /// DScribe's neighbour padding σ √(−2 ln 10⁻³) ≈ 3.717 σ: atoms up to r_cut + padding are expanded. Omitting it
    /// changes the vectors by 5–7 % on molecular crystals (descriptors.md, issue 6).
    /// </summary>
    public double CutoffPadding => Sigma * Math.Sqrt(-2 * Math.Log(1e-3));

    /// <summary>
    /// Expand neighbours out to r_cut + <see cref="CutoffPadding"/> as DScribe does (default). False stops at r_cut, which
    /// is not DScribe's descriptor; it exists to measure what the padding changes.
    /// </summary>
    public bool PadNeighbours { get; init; } = true;

    /// <summary>Neighbour search radius r_cut + padding (or r_cut without <see cref="PadNeighbours"/>), Å.</summary>
    public double NeighbourCutoff => PadNeighbours ? RCut + CutoffPadding : RCut;

    /// <summary>Number of species S.</summary>
    public int SpeciesCount => AtomicNumbers.Length;

    /// <summary>Power-spectrum length: off (S n)(S n + 1)/2 (l+1); crossover S n(n+1)/2 (l+1).</summary>
    public int FeatureCount => Compression == SoapCompression.Off
        ? SpeciesCount * NMax * (SpeciesCount * NMax + 1) / 2 * (LMax + 1)
        : SpeciesCount * NMax * (NMax + 1) / 2 * (LMax + 1);
}
