using System;
using MathNet.Numerics.Integration;

namespace NmrDsl.Runtime.Descriptors;

/// <summary>
/// DScribe's "polynomial" radial basis (/work/shared/reference/descriptors.md §1.1): g_n(r) = Σ_n' β_nn' (r_cut − r)^(n'+2),
/// n' = 1..n_max, β = S^(−1/2), S_ij = 2 r_cut^(7+i+j) / ((5+i+j)(6+i+j)(7+i+j)); no l dependence. The Gaussian's
/// angular integral is analytic, ∫ Y_lm e^(−η|r−R|²) dΩ = 4π e^(−η(r−R)²) ι_l(2ηrR) Y_lm(R̂) with ι_l = e^(−x) i_l
/// (<see cref="ScaledSphericalBessel"/>), and the radial integral
/// F_nl(R) = 4π ∫₀^r_cut g_n(r) r² e^(−η(r−R)²) ι_l(2ηrR) dr is done by Gauss–Legendre quadrature with enough nodes to
/// resolve the Gaussian (≥ 20 per σ over [0, r_cut], at least 100). This is the exact integral that DScribe's tests
/// integrate numerically; DScribe's own code (100 nodes, negative recurrence values clipped, exponentials cut at
/// 5 Å) agrees with it only to its test tolerance of 1e-2.
/// </summary>
public sealed class PolynomialRadialBasis : ISoapRadialIntegral
{
    private readonly int _nMax;
    private readonly int _lMax;
    private readonly double _eta;
    private readonly double[] _nodes;
    private readonly double[] _basisAtNodes; // 4π w_q r_q² g_n(r_q), index q·n_max + n

    public PolynomialRadialBasis(double rCut, int nMax, int lMax, double sigma)
    {
        _nMax = nMax;
        _lMax = lMax;
        _eta = 1 / (2 * sigma * sigma);
        var overlap = new double[nMax, nMax];
        for (int i = 1; i <= nMax; i++)
        for (int j = 1; j <= nMax; j++)
        {
            overlap[i - 1, j - 1] = 2 * Math.Pow(rCut, 7 + i + j) / ((5.0 + i + j) * (6.0 + i + j) * (7.0 + i + j));
        }

        Beta = Lowdin.InverseSquareRoot(overlap, "polynomial basis");
        RCut = rCut;
        int order = Math.Clamp((int)Math.Ceiling(20 * rCut / sigma), 100, 2000);
        var rule = new GaussLegendreRule(0, rCut, order);
        _nodes = rule.Abscissas;
        _basisAtNodes = new double[order * nMax];
        for (int q = 0; q < order; q++)
        {
            double r = _nodes[q];
            for (int n = 0; n < nMax; n++)
            {
                _basisAtNodes[q * nMax + n] = 4 * Math.PI * rule.Weights[q] * r * r * Function(n, r);
            }
        }
    }

    public double RCut { get; }

    /// <summary>Löwdin coefficients β[n, n'].</summary>
    public double[,] Beta { get; }

    public int ScratchLength => _lMax + 1;

    /// <summary>The orthonormal radial function g_n(r) (Å^(−3/2)), zero beyond r_cut.</summary>
    public double Function(int n, double r)
    {
        if (r >= RCut) return 0;
        double sum = 0;
        for (int k = 1; k <= _nMax; k++) sum += Beta[n, k - 1] * Math.Pow(RCut - r, k + 2);
        return sum;
    }

    public void Evaluate(double r, Span<double> radial, Span<double> scratch)
    {
        radial[..((_lMax + 1) * _nMax)].Clear();
        Span<double> bessel = scratch[..(_lMax + 1)];
        for (int q = 0; q < _nodes.Length; q++)
        {
            double d = _nodes[q] - r;
            double gauss = Math.Exp(-_eta * d * d);
            if (gauss < 1e-300) continue;
            ScaledSphericalBessel.Evaluate(2 * _eta * _nodes[q] * r, bessel);
            for (int l = 0; l <= _lMax; l++)
            {
                double f = gauss * bessel[l];
                for (int n = 0; n < _nMax; n++) radial[l * _nMax + n] += f * _basisAtNodes[q * _nMax + n];
            }
        }
    }
}
