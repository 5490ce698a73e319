using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MathNet.Numerics.RootFinding;
using NmrDsl.Runtime.Structures;

namespace NmrDsl.Runtime.Descriptors;

/// <summary>
/// Spherical-Bessel (SB) descriptor of Kocer, Mason &amp; Erturk, JCP 150, 154102 (2019) and AIP Adv. 10, 015021 (2020),
/// as in the reference C library sb_desc (/work/shared/reference/descriptors.md §1.4). u_(l,k) is the (k+1)-th positive
/// zero of j_l (bracketed by the interlacing zeros of j_(l−1), refined by Brent's method). The basis, f and f′ zero at
/// r_c: f_kl(r) = r_c^(−3/2) √(2/(u_k² + u_(k+1)²)) [u_(k+1)/j_(l+1)(u_k) j_l(r u_k/r_c) − u_k/j_(l+1)(u_(k+1)) j_l(r u_(k+1)/r_c)],
/// orthogonalised by g_0 = f_0, d_0 = 1, e_k = u_(k−1)² u_(k+1)² / ((u_(k−1)² + u_k²)(u_k² + u_(k+1)²)), d_k = 1 − e_k/d_(k−1),
/// g_k = (f_k + √(e_k/d_(k−1)) g_(k−1)) / √d_k, with k = n − l. The descriptor for 0 ≤ l ≤ n ≤ n_max is
/// p_nl = Σ_(a,b) w_a w_b g_nl(r_a) g_nl(r_b) (2l+1)/(4π) P_l(cos γ_ab) = Σ_m (Σ_a w_a g_nl(r_a) Y_lm(r̂_a))² (addition
/// theorem, so O(N) per centre), stored at index n(n+1)/2 + l. Neighbours: atoms with 0 &lt; r &lt; r_c (the centre atom is
/// not part of its own environment). Lengths in Å.
/// </summary>
public sealed class SphericalBesselDescriptor
{
    private readonly double[][] _zeros; // _zeros[l][k], k = 0..n_max−l+1
    private readonly RealSphericalHarmonics _harmonics;
    private readonly Dictionary<int, double> _weights;

    /// <param name="rCut">Cut-off radius r_c, Å.</param>
    /// <param name="nMax">Largest n (the descriptor has (n_max+1)(n_max+2)/2 values).</param>
    /// <param name="speciesWeights">Weight w per atomic number; atoms of species not listed weigh 1.</param>
    public SphericalBesselDescriptor(double rCut, int nMax, IReadOnlyDictionary<int, double>? speciesWeights = null)
    {
        if (!(rCut > 0)) throw new ArgumentOutOfRangeException(nameof(rCut), rCut, "r_c must be positive");
        if (nMax < 0) throw new ArgumentOutOfRangeException(nameof(nMax), nMax, "n_max must be non-negative");
        RCut = rCut;
        NMax = nMax;
        _harmonics = new RealSphericalHarmonics(nMax);
        _weights = speciesWeights?.ToDictionary(p => p.Key, p => p.Value) ?? [];
        _zeros = Zeros(nMax);
    }

    public double RCut { get; }

    public int NMax { get; }

    /// <summary>(n_max+1)(n_max+2)/2.</summary>
    public int FeatureCount => (NMax + 1) * (NMax + 2) / 2;

    /// <summary>The (k+1)-th positive zero u_(l,k) of j_l, for l ≤ n_max and k ≤ n_max − l + 1.</summary>
    public double Zero(int l, int k) => _zeros[l][k];

    /// <summary>The orthogonalised radial function g_nl(r), zero for r ≥ r_c (Å^(−3/2)).</summary>
    public double Radial(int n, int l, double r)
    {
        if (l > n) throw new ArgumentOutOfRangeException(nameof(l), l, "l must not exceed n");
        if (r >= RCut) return 0;
        double[] u = _zeros[l];
        double g = F(0, l, r), d = 1;
        for (int k = 1; k <= n - l; k++)
        {
            double uPrev = u[k - 1] * u[k - 1], uk = u[k] * u[k], uNext = u[k + 1] * u[k + 1];
            double e = uPrev * uNext / ((uPrev + uk) * (uk + uNext));
            double dk = 1 - e / d;
            g = (F(k, l, r) + Math.Sqrt(e / d) * g) / Math.Sqrt(dk);
            d = dk;
        }

        return g;
    }

    /// <summary>The descriptor of one environment given neighbour displacements (Å) and weights.</summary>
    public double[] Compute(IReadOnlyList<Vec3> displacements, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(displacements);
        ArgumentNullException.ThrowIfNull(weights);
        var p = new double[FeatureCount];
        var y = new double[_harmonics.Count];
        var c = new double[FeatureCount * (2 * NMax + 1)];
        for (int a = 0; a < displacements.Count; a++)
        {
            Vec3 d = displacements[a];
            double r = d.Length;
            if (r >= RCut) continue;
            _harmonics.Evaluate(d.X, d.Y, d.Z, y);
            for (int n = 0; n <= NMax; n++)
            for (int l = 0; l <= n; l++)
            {
                double g = weights[a] * Radial(n, l, r);
                int index = (n * (n + 1) / 2 + l) * (2 * NMax + 1);
                for (int m = 0; m < 2 * l + 1; m++) c[index + m] += g * y[l * l + m];
            }
        }

        for (int i = 0; i < FeatureCount; i++)
        {
            double sum = 0;
            for (int m = 0; m < 2 * NMax + 1; m++) sum += c[i * (2 * NMax + 1) + m] * c[i * (2 * NMax + 1) + m];
            p[i] = sum;
        }

        return p;
    }

    /// <summary>The descriptor of every atom of <paramref name="structure"/> (periodic images included), one row per atom.</summary>
    public double[][] Compute(Structure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        NeighbourList neighbours = NeighbourSearch.AroundAtoms(structure, RCut);
        var rows = new double[structure.Count][];
        Parallel.For(0, structure.Count, i =>
        {
            var displacements = new List<Vec3>();
            var weights = new List<double>();
            for (int e = neighbours.Offsets[i]; e < neighbours.Offsets[i + 1]; e++)
            {
                Vec3 d = neighbours.Displacements[e];
                if (d.LengthSquared < 1e-20) continue;
                displacements.Add(d);
                weights.Add(_weights.TryGetValue(structure.AtomicNumbers[neighbours.Atoms[e]], out double w) ? w : 1);
            }

            rows[i] = Compute(displacements, weights);
        });
        return rows;
    }

    private double F(int k, int l, double r)
    {
        double[] u = _zeros[l];
        double a = u[k], b = u[k + 1];
        return Math.Pow(RCut, -1.5) * Math.Sqrt(2 / (a * a + b * b))
            * (b / SphericalBessel.J(l + 1, a) * SphericalBessel.J(l, r * a / RCut) - a / SphericalBessel.J(l + 1, b) * SphericalBessel.J(l, r * b / RCut));
    }

    /// <summary>Zeros u_(l,k), l = 0..n_max, k = 0..n_max−l+1, from j_0's kπ by interlacing.</summary>
    private static double[][] Zeros(int nMax)
    {
        int count0 = nMax + 2 + nMax + 1;
        var zeros = new double[nMax + 1][];
        double[] previous = Enumerable.Range(1, count0).Select(k => k * Math.PI).ToArray();
        zeros[0] = previous;
        for (int l = 1; l <= nMax; l++)
        {
            int ll = l;
            var current = new double[previous.Length - 1];
            for (int k = 0; k < current.Length; k++)
            {
                current[k] = Brent.FindRoot(x => SphericalBessel.J(ll, x), previous[k] + 1e-12, previous[k + 1] - 1e-12, 1e-14, 200);
            }

            zeros[l] = current;
            previous = current;
        }

        return zeros;
    }
}
