using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NmrDsl.Runtime.Structures;

namespace NmrDsl.Runtime.Descriptors;

/// <summary>
/// SOAP in featomic (rascaline) v0.6 conventions (/work/shared/reference/descriptors.md §1.2): Gto radial basis with
/// max_radial + 1 functions (<see cref="FeatomicGtoRadialIntegral"/>), L2-normalised Gaussian density of width σ,
/// neighbours within the cut-off radius r_c weighted by the ShiftedCosine smoothing
/// f(r) = ½(1 + cos(π (r − r_c + w)/w)) on r_c − w &lt; r &lt; r_c (1 below, 0 above; width 0 = Step), the centre atom with
/// weight center_atom_weight · f(0), real Y_lm (<see cref="RealSphericalHarmonics"/>). Power spectrum
/// ⟨a1 a2; n1 n2 l⟩ = (−1)^l / √(2l+1) Σ_m c^a1_n1lm c^a2_n2lm, × √2 when a1 ≠ a2, for type pairs a1 ≤ a2 (increasing Z)
/// and the full N×N grid of (n1, n2), ordered a1, a2, l, n1, n2. Lengths in Å.
/// </summary>
public sealed class FeatomicSoap
{
    private readonly ISoapRadialIntegral _radial;
    private readonly RealSphericalHarmonics _harmonics;
    private readonly Dictionary<int, int> _typeIndex;

    /// <param name="cutoff">Cut-off radius r_c, Å.</param>
    /// <param name="smoothingWidth">ShiftedCosine width w, Å (0: Step cut-off).</param>
    /// <param name="densityWidth">Gaussian width σ, Å.</param>
    /// <param name="maxRadial">Largest radial index (inclusive: max_radial + 1 functions).</param>
    /// <param name="maxAngular">Largest l (inclusive).</param>
    /// <param name="types">Neighbour species.</param>
    public FeatomicSoap(double cutoff, double smoothingWidth, double densityWidth, int maxRadial, int maxAngular, params string[] types)
    {
        if (!(cutoff > 0) || smoothingWidth < 0 || smoothingWidth > cutoff || !(densityWidth > 0) || maxRadial < 0 || maxAngular < 0)
        {
            throw new ArgumentException("featomic SOAP needs cutoff > 0, 0 ≤ width ≤ cutoff, density width > 0, max_radial ≥ 0, max_angular ≥ 0");
        }

        Cutoff = cutoff;
        SmoothingWidth = smoothingWidth;
        RadialCount = maxRadial + 1;
        MaxAngular = maxAngular;
        AtomicNumbers = types.Select(Elements.AtomicNumber).Distinct().Order().ToArray();
        _typeIndex = AtomicNumbers.Select((z, i) => (z, i)).ToDictionary(p => p.z, p => p.i);
        _radial = new FeatomicGtoRadialIntegral(cutoff, maxRadial, maxAngular, densityWidth);
        _harmonics = new RealSphericalHarmonics(maxAngular);
    }

    public double Cutoff { get; }

    public double SmoothingWidth { get; }

    /// <summary>N = max_radial + 1.</summary>
    public int RadialCount { get; }

    public int MaxAngular { get; }

    public int[] AtomicNumbers { get; }

    /// <summary>Weight of the centre atom's own Gaussian (featomic center_atom_weight, default 1).</summary>
    public double CenterAtomWeight { get; init; } = 1;

    /// <summary>Coefficients per centre, T · N · (l_max+1)², laid out [type][n][l² + l + m].</summary>
    public int CoefficientCount => AtomicNumbers.Length * RadialCount * _harmonics.Count;

    /// <summary>T(T+1)/2 · (l_max+1) · N².</summary>
    public int FeatureCount => AtomicNumbers.Length * (AtomicNumbers.Length + 1) / 2 * (MaxAngular + 1) * RadialCount * RadialCount;

    /// <summary>The smoothing function f(r).</summary>
    public double CutoffFunction(double r) =>
        r >= Cutoff ? 0
        : SmoothingWidth == 0 || r <= Cutoff - SmoothingWidth ? 1
        : 0.5 * (1 + Math.Cos(Math.PI * (r - Cutoff + SmoothingWidth) / SmoothingWidth));

    /// <summary>Spherical-expansion coefficients of every atom, one row per atom.</summary>
    public double[][] Coefficients(Structure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        int[] types = structure.AtomicNumbers.Select(z => _typeIndex.TryGetValue(z, out int t) ? t
            : throw new ArgumentException($"the structure contains {Elements.Symbol(z)}, which is not among the SOAP types")).ToArray();
        NeighbourList neighbours = NeighbourSearch.AroundAtoms(structure, Cutoff);
        var rows = new double[structure.Count][];
        Parallel.For(
            0,
            structure.Count,
            () => new DensityExpansion.Workspace((MaxAngular + 1) * RadialCount, _radial.ScratchLength, _harmonics.Count),
            (c, _, work) =>
            {
                rows[c] = new double[CoefficientCount];
                DensityExpansion.Accumulate(neighbours, c, types, rows[c], _radial, _harmonics, RadialCount, Weight, work);
                return work;
            },
            _ => { });
        return rows;
    }

    /// <summary>Power spectrum of every atom, one row per atom.</summary>
    public double[][] PowerSpectrum(Structure structure)
    {
        double[][] coefficients = Coefficients(structure);
        int t = AtomicNumbers.Length, n = RadialCount, lm = _harmonics.Count;
        return coefficients.Select(c =>
        {
            var p = new double[FeatureCount];
            int f = 0;
            for (int a = 0; a < t; a++)
            for (int b = a; b < t; b++)
            for (int l = 0; l <= MaxAngular; l++)
            {
                double factor = (l % 2 == 0 ? 1 : -1) / Math.Sqrt(2 * l + 1) * (a == b ? 1 : Math.Sqrt(2));
                for (int n1 = 0; n1 < n; n1++)
                for (int n2 = 0; n2 < n; n2++)
                {
                    double sum = 0;
                    for (int m = l * l; m < (l + 1) * (l + 1); m++) sum += c[(a * n + n1) * lm + m] * c[(b * n + n2) * lm + m];
                    p[f++] = factor * sum;
                }
            }

            return p;
        }).ToArray();
    }

    private double Weight(double r) => r < 1e-10 ? CenterAtomWeight * CutoffFunction(0) : CutoffFunction(r);
}
