using System;
using MathNet.Numerics;

namespace NmrDsl.Runtime.Descriptors;

/// <summary>
/// DScribe's "gto" radial basis and its closed-form Gaussian integral (/work/shared/reference/descriptors.md §1.1):
/// primitives φ_lk = r^l exp(−α_lk r²), a_k = linspace(1, r_cut, n_max), α_lk = −ln(10⁻³ / a_k^l) / a_k²;
/// overlap S_kk' = ½ Γ(l+3/2) (α_lk + α_lk')^(−(l+3/2)); β_l = S^(−1/2) (Löwdin); g_nl = Σ_k β_lnk φ_lk. For a Gaussian
/// exp(−η|r−R|²), η = 1/(2σ²):
/// F_nl(R) = π^(3/2) Σ_k β_lnk (ηR)^l (α_lk+η)^(−(l+3/2)) exp(−α_lk η R² / (α_lk+η)).
/// The constants B_lnk = π^(3/2) β_lnk (α_lk+η)^(−(l+3/2)) and a_lk = α_lk η/(α_lk+η) are folded here once.
/// </summary>
public sealed class GtoRadialBasis : ISoapRadialIntegral
{
    private readonly int _nMax;
    private readonly int _lMax;
    private readonly double _eta;
    private readonly double[] _decay;   // a_lk, index l·n + k
    private readonly double[] _weights; // B_lnk, index (l·n + n')·n + k

    public GtoRadialBasis(double rCut, int nMax, int lMax, double sigma)
    {
        if (!(rCut > 1)) throw new ArgumentOutOfRangeException(nameof(rCut), rCut, "the gto basis needs r_cut > 1 Å (DScribe)");
        _nMax = nMax;
        _lMax = lMax;
        _eta = 1 / (2 * sigma * sigma);
        Alpha = new double[(lMax + 1) * nMax];
        Beta = new double[(lMax + 1) * nMax * nMax];
        _decay = new double[(lMax + 1) * nMax];
        _weights = new double[(lMax + 1) * nMax * nMax];
        for (int l = 0; l <= lMax; l++)
        {
            for (int k = 0; k < nMax; k++)
            {
                double a = nMax == 1 ? 1 : 1 + (rCut - 1) * k / (nMax - 1);
                Alpha[l * nMax + k] = -Math.Log(1e-3 / Math.Pow(a, l)) / (a * a);
            }

            var overlap = new double[nMax, nMax];
            for (int i = 0; i < nMax; i++)
            for (int j = 0; j < nMax; j++)
            {
                overlap[i, j] = 0.5 * SpecialFunctions.Gamma(l + 1.5) * Math.Pow(Alpha[l * nMax + i] + Alpha[l * nMax + j], -(l + 1.5));
            }

            double[,] beta = Lowdin.InverseSquareRoot(overlap, $"gto basis, l = {l}");
            for (int k = 0; k < nMax; k++)
            {
                double alpha = Alpha[l * nMax + k];
                _decay[l * nMax + k] = alpha * _eta / (alpha + _eta);
                for (int n = 0; n < nMax; n++)
                {
                    Beta[(l * nMax + n) * nMax + k] = beta[n, k];
                    _weights[(l * nMax + n) * nMax + k] = Math.Pow(Math.PI, 1.5) * beta[n, k] * Math.Pow(alpha + _eta, -(l + 1.5));
                }
            }
        }
    }

    /// <summary>Exponents α_lk in Å⁻², index l·n_max + k.</summary>
    public double[] Alpha { get; }

    /// <summary>Löwdin coefficients β_lnk, index (l·n_max + n)·n_max + k.</summary>
    public double[] Beta { get; }

    public int ScratchLength => _nMax;

    /// <summary>The orthonormal radial function g_nl(r) (Å^(−3/2)).</summary>
    public double Function(int n, int l, double r)
    {
        double sum = 0;
        for (int k = 0; k < _nMax; k++) sum += Beta[(l * _nMax + n) * _nMax + k] * Math.Exp(-Alpha[l * _nMax + k] * r * r);
        return sum * Math.Pow(r, l);
    }

    public void Evaluate(double r, Span<double> radial, Span<double> scratch)
    {
        double r2 = r * r;
        double power = 1; // (ηR)^l
        double etaR = _eta * r;
        for (int l = 0; l <= _lMax; l++)
        {
            int lk = l * _nMax;
            for (int k = 0; k < _nMax; k++) scratch[k] = Math.Exp(-_decay[lk + k] * r2);
            for (int n = 0; n < _nMax; n++)
            {
                int w = (lk + n) * _nMax;
                double sum = 0;
                for (int k = 0; k < _nMax; k++) sum += _weights[w + k] * scratch[k];
                radial[lk + n] = power * sum;
            }

            power *= etaR;
        }
    }
}
