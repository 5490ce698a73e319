using System;
using MathNet.Numerics.Integration;
using NmrDsl.Runtime.Descriptors;

namespace NmrDsl.Runtime.Tests.Descriptors;

/// <summary>
/// The pieces of the SOAP expansion against independent evaluations (/work/shared/reference/descriptors.md §1.1, §5):
/// ι_l(x) = e^(−x) i_l(x) against the integral representation i_l(x) = x^l/(2^(l+1) l!) ∫₋₁¹ e^(xt)(1−t²)^l dt
/// (DLMF 10.54.4 with 10.47.7); orthonormality of the radial bases by quadrature; the closed-form gto integral
/// against radial quadrature of 4π ∫ g_nl(r) r² e^(−η(r−R)²) ι_l(2ηrR) dr; real Y_lm against explicit formulas.
/// </summary>
public sealed class SoapBasisTests
{
    [Theory]
    [InlineData(1e-7)]
    [InlineData(1e-3)]
    [InlineData(0.5)]
    [InlineData(3.0)]
    [InlineData(40.0)]
    [InlineData(300.0)]
    public void Scaled_spherical_bessel_matches_the_integral_representation(double x)
    {
        var values = new double[21];
        ScaledSphericalBessel.Evaluate(x, values);
        var rule = new GaussLegendreRule(-1, 1, 1024);
        double factorial = 1;
        for (int l = 0; l <= 20; l++)
        {
            if (l > 0) factorial *= l;
            int ll = l;
            double integral = Integrate(rule, t => Math.Exp(x * (t - 1)) * Math.Pow(1 - t * t, ll));
            double expected = Math.Pow(x, l) / (Math.Pow(2, l + 1) * factorial) * integral;
            Assert.True(Math.Abs(values[l] - expected) <= 1e-11 * Math.Abs(expected) + 1e-300, $"l = {l}: {values[l]:E15} vs {expected:E15}");
        }
    }

    [Theory]
    [InlineData(SoapRadialBasis.Gto, 5.0, 8, 6)]
    [InlineData(SoapRadialBasis.Gto, 2.0, 1, 20)]
    [InlineData(SoapRadialBasis.Polynomial, 4.0, 6, 0)]
    public void Radial_functions_are_orthonormal(SoapRadialBasis basis, double rCut, int nMax, int lMax)
    {
        var rule = new GaussLegendreRule(0, rCut + 10, 800);
        GtoRadialBasis? gto = basis == SoapRadialBasis.Gto ? new GtoRadialBasis(rCut, nMax, lMax, 0.5) : null;
        PolynomialRadialBasis? poly = basis == SoapRadialBasis.Polynomial ? new PolynomialRadialBasis(rCut, nMax, lMax, 0.5) : null;
        for (int l = 0; l <= lMax; l++)
        for (int n = 0; n < nMax; n++)
        for (int n2 = 0; n2 < nMax; n2++)
        {
            int ll = l, a = n, b = n2;
            Func<double, double> g = basis == SoapRadialBasis.Gto ? r => gto!.Function(a, ll, r) * gto.Function(b, ll, r) : r => poly!.Function(a, r) * poly.Function(b, r);
            double overlap = basis == SoapRadialBasis.Gto
                ? Integrate(rule, r => r * r * g(r))
                : Integrate(new GaussLegendreRule(0, rCut, 200), r => r * r * g(r));
            Assert.Equal(n == n2 ? 1.0 : 0.0, overlap, 6); // S^(-1/2) of an ill-conditioned overlap: ~1e-9 rounding (DScribe checks 1e-3)
        }
    }

    [Theory]
    [InlineData(2.0, 1, 20, 0.1)]
    [InlineData(2.0, 2, 2, 0.55)]
    [InlineData(5.0, 8, 6, 0.5)]
    public void Closed_form_gto_integral_matches_radial_quadrature(double rCut, int nMax, int lMax, double sigma)
    {
        var gto = new GtoRadialBasis(rCut, nMax, lMax, sigma);
        double eta = 1 / (2 * sigma * sigma);
        var closed = new double[(lMax + 1) * nMax];
        var bessel = new double[lMax + 1];
        foreach (double distance in new[] { 0.0, 0.37, 1.3, 2.2, rCut + 3 * sigma })
        {
            gto.Evaluate(distance, closed, new double[gto.ScratchLength]);
            double scale = 0;
            foreach (double v in closed) scale = Math.Max(scale, Math.Abs(v));
            // The Gaussian confines the integrand to |r − R| < 10σ (e^(−50) beyond).
            var rule = new GaussLegendreRule(Math.Max(0, distance - 10 * sigma), distance + 10 * sigma, 400);
            var quadrature = new double[(lMax + 1) * nMax];
            for (int q = 0; q < rule.Order; q++)
            {
                double r = rule.Abscissas[q], d = r - distance;
                ScaledSphericalBessel.Evaluate(2 * eta * r * distance, bessel);
                for (int l = 0; l <= lMax; l++)
                for (int n = 0; n < nMax; n++)
                {
                    quadrature[l * nMax + n] += rule.Weights[q] * 4 * Math.PI * gto.Function(n, l, r) * r * r * Math.Exp(-eta * d * d) * bessel[l];
                }
            }

            for (int i = 0; i < closed.Length; i++)
            {
                Assert.True(Math.Abs(quadrature[i] - closed[i]) <= 1e-8 * scale, $"R = {distance}, l = {i / nMax}, n = {i % nMax}: {closed[i]:E12} vs {quadrature[i]:E12}");
            }
        }
    }

    [Theory]
    [InlineData(5.0, 8, 6, 0.5, 2e-10)]
    [InlineData(2.0, 1, 20, 0.1, 2e-10)] // measured 2.1e-12 and 5.7e-11 for the two cases
    public void Splined_radial_integral_matches_the_closed_form(double rCut, int nMax, int lMax, double sigma, double tolerance)
    {
        var exact = new GtoRadialBasis(rCut, nMax, lMax, sigma);
        double rMax = rCut + 3.717 * sigma;
        var spline = new SplinedRadialIntegral(exact, nMax, lMax, rMax, sigma);
        var a = new double[(lMax + 1) * nMax];
        var b = new double[(lMax + 1) * nMax];
        var scratch = new double[nMax];
        double scale = 0, worst = 0;
        for (int i = 0; i <= 5000; i++)
        {
            double r = rMax * i / 5000.0 * 0.9999 + 1e-4 * Math.Sin(i);
            exact.Evaluate(Math.Abs(r), a, scratch);
            spline.Evaluate(Math.Abs(r), b, scratch);
            for (int k = 0; k < a.Length; k++)
            {
                scale = Math.Max(scale, Math.Abs(a[k]));
                worst = Math.Max(worst, Math.Abs(a[k] - b[k]));
            }
        }

        Assert.True(worst <= tolerance * scale, $"max |spline − exact| / max |F| = {worst / scale:E2}");
    }

    [Fact]
    public void Real_spherical_harmonics_match_explicit_low_order_formulas()
    {
        var harmonics = new RealSphericalHarmonics(3);
        var y = new double[16];
        double x = 0.3, yy = -0.5, z = 0.8, r = Math.Sqrt(x * x + yy * yy + z * z);
        harmonics.Evaluate(x, yy, z, y);
        double ux = x / r, uy = yy / r, uz = z / r;
        double c1 = Math.Sqrt(3 / (4 * Math.PI)), c2 = Math.Sqrt(15 / (4 * Math.PI)), c20 = Math.Sqrt(5 / (16 * Math.PI));
        double[] expected =
        [
            0.5 / Math.Sqrt(Math.PI),
            c1 * uy, c1 * uz, c1 * ux,
            c2 * ux * uy, c2 * uy * uz, c20 * (3 * uz * uz - 1), c2 * ux * uz, c2 / 2 * (ux * ux - uy * uy),
            Math.Sqrt(35 / (32 * Math.PI)) * uy * (3 * ux * ux - uy * uy),
        ];
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], y[i], 14);
        Assert.Equal(Math.Sqrt(7 / (16 * Math.PI)) * uz * (5 * uz * uz - 3), y[12], 14);
        Assert.Equal(Math.Sqrt(35 / (32 * Math.PI)) * ux * (ux * ux - 3 * uy * uy), y[15], 14);
    }

    private static double Integrate(GaussLegendreRule rule, Func<double, double> f)
    {
        double sum = 0;
        for (int i = 0; i < rule.Order; i++) sum += rule.Weights[i] * f(rule.Abscissas[i]);
        return sum;
    }
}
