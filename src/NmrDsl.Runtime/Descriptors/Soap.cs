using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NmrDsl.Runtime.Structures;

namespace NmrDsl.Runtime.Descriptors;

/// <summary>
/// Smooth Overlap of Atomic Positions in DScribe 2.x conventions (/work/shared/reference/descriptors.md §1.1;
/// Bartók, Kondor &amp; Csányi, PRB 87, 184115 (2013) and erratum). Density ρ^Z(r) = Σ_{i∈Z} w_i exp(−|r−R_i|²/(2σ²)),
/// coefficients c^Z_nlm = ∫ g_nl(r) Y_lm(r̂) ρ^Z(r) d³r over every atom within r_cut + 3.717σ (no smooth cut-off),
/// real Y_lm (<see cref="RealSphericalHarmonics"/>), and the power spectrum
/// p^(Z1 Z2)_(n n' l) = π √(8/(2l+1)) Σ_m c^Z1_nlm c^Z2_n'lm, stored for Z1 ≤ Z2 (n' ≥ n when Z1 = Z2) in the order
/// Z1, Z2, l, n, n'; the vector is not normalised. Periodic structures are wrapped into the cell and searched with
/// cell lists; centres are expanded in parallel, each into its own output row (deterministic order). Lengths in Å.
/// </summary>
public sealed class Soap
{
    private readonly ISoapRadialIntegral _radial;
    private readonly RealSphericalHarmonics _harmonics;
    private readonly Dictionary<int, int> _speciesIndex;
    private readonly double[] _prefactor; // π √(8/(2l+1))

    public Soap(SoapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        ISoapRadialIntegral exact = options.RadialBasis == SoapRadialBasis.Gto
            ? new GtoRadialBasis(options.RCut, options.NMax, options.LMax, options.Sigma)
            : new PolynomialRadialBasis(options.RCut, options.NMax, options.LMax, options.Sigma);
        _radial = options.RadialSpline ?? options.RadialBasis == SoapRadialBasis.Gto
            ? new SplinedRadialIntegral(exact, options.NMax, options.LMax, options.NeighbourCutoff, options.Sigma)
            : exact;
        _harmonics = new RealSphericalHarmonics(options.LMax);
        _speciesIndex = options.AtomicNumbers.Select((z, i) => (z, i)).ToDictionary(p => p.z, p => p.i);
        _prefactor = Enumerable.Range(0, options.LMax + 1).Select(l => Math.PI * Math.Sqrt(8.0 / (2 * l + 1))).ToArray();
    }

    public SoapOptions Options { get; }

    /// <summary>Largest number of centres expanded at once (−1: all cores). Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Coefficients per centre, S · n_max · (l_max+1)², laid out [species][n][l² + l + m].</summary>
    public int CoefficientCount => Options.SpeciesCount * Options.NMax * _harmonics.Count;

    /// <summary>Index of c^(species)_(n l m) in a coefficient row.</summary>
    public int CoefficientIndex(int species, int n, int l, int m) => (species * Options.NMax + n) * _harmonics.Count + l * l + l + m;

    /// <summary>Power spectrum of every atom of <paramref name="structure"/>, one row per atom.</summary>
    public double[][] PowerSpectrum(Structure structure) => PowerSpectrum(structure, structure.Positions);

    /// <summary>Power spectrum of the atoms <paramref name="centreAtoms"/> (indices into the structure).</summary>
    public double[][] PowerSpectrum(Structure structure, IReadOnlyList<int> centreAtoms) =>
        PowerSpectrum(structure, centreAtoms.Select(i => structure.Positions[i]).ToArray());

    /// <summary>Power spectrum at arbitrary Cartesian <paramref name="centres"/> (Å).</summary>
    public double[][] PowerSpectrum(Structure structure, IReadOnlyList<Vec3> centres)
    {
        double[][] coefficients = Coefficients(structure, centres);
        var rows = new double[coefficients.Length][];
        Parallel.For(0, coefficients.Length, new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism }, c =>
        {
            rows[c] = new double[Options.FeatureCount];
            PowerSpectrumOf(coefficients[c], rows[c]);
        });
        return rows;
    }

    /// <summary>Expansion coefficients c^Z_nlm at <paramref name="centres"/>, one row per centre (see <see cref="CoefficientIndex"/>).</summary>
    public double[][] Coefficients(Structure structure, IReadOnlyList<Vec3> centres)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(centres);
        Structure system = Options.Periodic || structure.Lattice is null
            ? structure
            : new Structure(structure.Species, structure.Positions, null, structure.Properties.Values, structure.Info);
        int[] species = system.AtomicNumbers.Select(z => _speciesIndex.TryGetValue(z, out int s) ? s
            : throw new ArgumentException($"the structure contains {Elements.Symbol(z)}, which is not among the SOAP species {string.Join(", ", Options.AtomicNumbers.Select(Elements.Symbol))}")).ToArray();
        NeighbourList neighbours = NeighbourSearch.Around(system, centres, Options.NeighbourCutoff);
        var rows = new double[centres.Count][];
        int lCount = Options.LMax + 1;
        Parallel.For(
            0,
            centres.Count,
            new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism },
            () => new DensityExpansion.Workspace(lCount * Options.NMax, _radial.ScratchLength, _harmonics.Count),
            (c, _, work) =>
            {
                rows[c] = new double[CoefficientCount];
                DensityExpansion.Accumulate(neighbours, c, species, rows[c], _radial, _harmonics, Options.NMax, Weight, work);
                return work;
            },
            _ => { });
        return rows;
    }

    private double Weight(double r) => Options.Weighting?.Weight(r) ?? 1;

    /// <summary>p from one coefficient row into <paramref name="features"/> (length <see cref="SoapOptions.FeatureCount"/>).</summary>
    public void PowerSpectrumOf(ReadOnlySpan<double> c, Span<double> features)
    {
        int nMax = Options.NMax, lm = _harmonics.Count, s = Options.SpeciesCount;
        int f = 0;
        for (int a = 0; a < s; a++)
        {
            for (int b = a; b < s; b++)
            {
                if (b != a && Options.Compression == SoapCompression.Crossover) continue;
                for (int l = 0; l <= Options.LMax; l++)
                {
                    int m0 = l * l, width = 2 * l + 1;
                    for (int n = 0; n < nMax; n++)
                    {
                        ReadOnlySpan<double> ca = c.Slice((a * nMax + n) * lm + m0, width);
                        for (int n2 = a == b ? n : 0; n2 < nMax; n2++)
                        {
                            ReadOnlySpan<double> cb = c.Slice((b * nMax + n2) * lm + m0, width);
                            double sum = 0;
                            for (int m = 0; m < width; m++) sum += ca[m] * cb[m];
                            features[f++] = _prefactor[l] * sum;
                        }
                    }
                }
            }
        }
    }
}
