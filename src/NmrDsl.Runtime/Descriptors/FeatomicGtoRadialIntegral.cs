using System;
using MathNet.Numerics;
using MathNet.Numerics.Integration;

namespace NmrDsl.Runtime.Descriptors;

/// <summary>
/// featomic's (rascaline) Gto radial basis and Gaussian-density radial integral (/work/shared/reference/descriptors.md §1.2):
/// R_n(r) = r^n exp(−r²/(2σ_n²)), σ_n = r_c max(√n, 1)/N, n = 0..N−1 with N = max_radial + 1 (max_radial is inclusive);
/// normalisation N_n = √(2/(σ_n^(2n+3) Γ(n+3/2))); Löwdin O = S^(−1/2) diag(N_n) with S the overlap of the normalised
/// primitives, S_nm = N_n N_m ½ Γ((n+m+3)/2) (g_n+g_m)^(−(n+m+3)/2), g_n = 1/(2σ_n²). The density is the L2-normalised
/// Gaussian (πσ²)^(−3/4) exp(−|r−R|²/(2σ²)), so
/// I_nl(R) = (πσ²)^(−3/4) 4π ∫₀^∞ r^(n+2) e^(−g_n r²) e^(−c(r−R)²) ι_l(2cRr) dr, c = 1/(2σ²),
/// (equal to the closed form with ₁F₁ in §1.2), evaluated here by Gauss–Legendre quadrature on R ± 10σ, and
/// F_nl = Σ_n' O_nn' I_n'l.
/// </summary>
internal sealed class FeatomicGtoRadialIntegral : ISoapRadialIntegral
{
    private const int Order = 200;
    private readonly int _count; // N
    private readonly int _lMax;
    private readonly double _c;
    private readonly double _sigma;
    private readonly double[] _g;
    private readonly double[,] _o;
    private readonly GaussLegendreRule _unit = new(0, 1, Order);

    public FeatomicGtoRadialIntegral(double cutoff, int maxRadial, int maxAngular, double densityWidth)
    {
        _count = maxRadial + 1;
        _lMax = maxAngular;
        _sigma = densityWidth;
        _c = 1 / (2 * densityWidth * densityWidth);
        _g = new double[_count];
        var norm = new double[_count];
        for (int n = 0; n < _count; n++)
        {
            double sigmaN = cutoff * Math.Max(Math.Sqrt(n), 1) / _count;
            _g[n] = 1 / (2 * sigmaN * sigmaN);
            norm[n] = Math.Sqrt(2 / (Math.Pow(sigmaN, 2 * n + 3) * SpecialFunctions.Gamma(n + 1.5)));
        }

        var overlap = new double[_count, _count];
        for (int n = 0; n < _count; n++)
        for (int m = 0; m < _count; m++)
        {
            overlap[n, m] = norm[n] * norm[m] * 0.5 * SpecialFunctions.Gamma((n + m + 3) / 2.0) * Math.Pow(_g[n] + _g[m], -(n + m + 3) / 2.0);
        }

        double[,] inverseRoot = Lowdin.InverseSquareRoot(overlap, "featomic Gto basis");
        _o = new double[_count, _count];
        for (int n = 0; n < _count; n++)
        for (int m = 0; m < _count; m++) _o[n, m] = inverseRoot[n, m] * norm[m];
    }

    public int ScratchLength => (_lMax + 1) * (_count + 1);

    public void Evaluate(double r, Span<double> radial, Span<double> scratch)
    {
        Span<double> primitive = scratch[..((_lMax + 1) * _count)];
        Span<double> bessel = scratch.Slice((_lMax + 1) * _count, _lMax + 1);
        primitive.Clear();
        double lower = Math.Max(0, r - 10 * _sigma), upper = r + 10 * _sigma;
        double prefactor = Math.Pow(Math.PI * _sigma * _sigma, -0.75) * 4 * Math.PI * (upper - lower);
        for (int q = 0; q < Order; q++)
        {
            double x = lower + (upper - lower) * _unit.Abscissas[q];
            double d = x - r;
            double gauss = prefactor * _unit.Weights[q] * Math.Exp(-_c * d * d) * x * x;
            ScaledSphericalBessel.Evaluate(2 * _c * r * x, bessel);
            double power = 1;
            for (int n = 0; n < _count; n++)
            {
                double basis = gauss * power * Math.Exp(-_g[n] * x * x);
                for (int l = 0; l <= _lMax; l++) primitive[l * _count + n] += basis * bessel[l];
                power *= x;
            }
        }

        for (int l = 0; l <= _lMax; l++)
        for (int n = 0; n < _count; n++)
        {
            double sum = 0;
            for (int m = 0; m < _count; m++) sum += _o[n, m] * primitive[l * _count + m];
            radial[l * _count + n] = sum;
        }
    }
}
