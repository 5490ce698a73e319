using System;
using System.Globalization;
using System.Numerics;
using System.Threading.Tasks;
using NmrDsl.Runtime.Echo;
using Xunit.Abstractions;

namespace NmrDsl.Runtime.Tests.Echo;

/// <summary>
/// Draw-to-draw statistics of M(t) against the reference sheet (/work/shared/reference/echo-challenge.md). The sheet
/// quotes no table of mean |M| at fixed indices (its §5 "numerical check" is referred to but not included, and the
/// hackathon curves echos_r/echos_i are not retrievable, §2), so the statistics compared here are the ones it does
/// state, made exact: the α = 0 closed form (§1.3) averaged over the offset distribution, whose moments follow from the
/// grid probabilities p_g without sampling — E[M_k] = −(i/2)e^{−Γt_k/2}φ(s_k) and
/// E|M_k|² = ¼e^{−Γt_k}[|φ(s_k)|² + (1 − |φ(s_k)|²)/N] with φ(s) = Σ_g p_g e^{−iΔ_g s} — the "irreducible noise of about
/// 0.01 in M" from 2,500 random offsets (§1.4, §3), and the echo attenuation factors exp(−314·10^−d) (§1.4).
/// </summary>
public sealed class StatisticsTests(ITestOutputHelper output)
{
    private const int Draws = 24;
    private static readonly int[] Indices = [1, 20, 80, 157, 158, 250, 300, 314, 330, 471];

    /// <summary>
    /// 24 simulated curves (reference 50×50 lattice, α = 0, d = 3, seeds Derive(2718, r)). At each fixed index k: the
    /// sample mean of Re M_k, Im M_k and |M_k|² agrees with its exact expectation within 4 standard errors, the standard
    /// error being the sample standard deviation over the 24 draws divided by √24 (plus 1e-12 absolute, for the echo
    /// top, which is the same in every draw). 30 comparisons at 4σ: a false alarm has probability ≈ 2e-3 (and the seeds
    /// are fixed, so the outcome is reproducible). Also: at k = 80 (s = 160, |φ| ≈ 0.02) the RMS deviation |M − E M| is the
    /// quoted ≈ 0.01 (exactly ½e^{−Γt/2}√((1 − |φ|²)/N) = 0.0092), within 4 standard errors.
    /// </summary>
    [Fact]
    public void MomentsAtFixedIndicesAgreeWithExactEnsemble()
    {
        EchoModel model = EchoModel.Reference;
        var parameters = new EchoParameters(0, 5, 3, 3);
        int n = model.Lattice.SiteCount;
        var curves = new Complex[Draws][];
        Parallel.For(0, Draws, r => curves[r] = EchoSimulator.Simulate(model, parameters, EchoRandom.Derive(2718, (ulong)r)).Samples);

        EchoTimeGrid grid = model.TimeGrid;
        foreach (int k in Indices)
        {
            double t = grid.TimeOf(k);
            double s = k <= grid.StepsBeforeRefocusing ? t : t - 2 * grid.TimeOf(grid.StepsBeforeRefocusing);
            Complex phi = model.Offsets.CharacteristicFunction(s);
            double decay = Math.Exp(-parameters.Gamma * t / 2);
            Complex expectedMean = new Complex(0, -0.5) * decay * phi;
            double phi2 = phi.Magnitude * phi.Magnitude;
            double expectedSquare = 0.25 * decay * decay * (phi2 + (1 - phi2) / n);

            double[] re = new double[Draws], im = new double[Draws], sq = new double[Draws];
            for (int r = 0; r < Draws; r++)
            {
                Complex m = curves[r][k - 1];
                re[r] = m.Real;
                im[r] = m.Imaginary;
                sq[r] = m.Real * m.Real + m.Imaginary * m.Imaginary;
            }

            Check(k, "Re M", re, expectedMean.Real);
            Check(k, "Im M", im, expectedMean.Imaginary);
            Check(k, "|M|^2", sq, expectedSquare);
            if (k == 80)
            {
                double[] dev = new double[Draws];
                for (int r = 0; r < Draws; r++)
                {
                    dev[r] = (curves[r][k - 1] - expectedMean).Magnitude;
                    dev[r] *= dev[r];
                }

                double rmsExpected = 0.5 * decay * Math.Sqrt((1 - phi2) / n);
                Check(k, "|M-EM|^2", dev, rmsExpected * rmsExpected);
                Assert.InRange(rmsExpected, 0.008, 0.012);
            }
        }
    }

    /// <summary>
    /// The quoted echo attenuations exp(−314·10^−d) = 0.73 (d = 3), 0.97 (d = 4), 0.997 (d = 5) (§1.4) are 2|M_314| of the
    /// simulator at α = 0, to the quoted number of digits; the quoted weight removed by the ±0.25 MHz window, "~6 %", is
    /// 1 − Σ_g over the window relative to the untruncated Lorentzian, (2/π)atan(bw/w) = 0.9365 (§1.3), and the discrete
    /// φ(s) stays within 2ε/(1 − ε) = 0.136 of the continuum e^{−0.025|s|} (a rigorous bound for a truncated distribution).
    /// Small 10×10 lattice: the echo top does not depend on N at α = 0.
    /// </summary>
    [Fact]
    public void QuotedAttenuationsAndWindowWeight()
    {
        var model = new EchoModel { Lattice = new SquareLattice(10) };
        (double d, double quoted, int digits)[] cases = [(3, 0.73, 2), (4, 0.97, 2), (5, 0.997, 3)];
        foreach ((double d, double quoted, int digits) in cases)
        {
            EchoCurve curve = EchoSimulator.Simulate(model, new EchoParameters(0, 5, 3, d), 4);
            Assert.Equal(quoted, Math.Round(2 * curve.Samples[313].Magnitude, digits));
        }

        double epsilon = 1 - 2 / Math.PI * Math.Atan(0.5 / 0.05);
        Assert.Equal(0.06, Math.Round(epsilon, 2));
        for (double s = 0; s <= 942; s += 2)
        {
            double continuum = Math.Exp(-0.025 * s);
            Assert.True((LorentzianOffsets.Reference.CharacteristicFunction(s) - continuum).Magnitude <= 2 * epsilon / (1 - epsilon), $"s = {s}");
        }
    }

    private void Check(int k, string what, double[] values, double expected)
    {
        double mean = 0;
        foreach (double v in values)
        {
            mean += v / values.Length;
        }

        double variance = 0;
        foreach (double v in values)
        {
            variance += (v - mean) * (v - mean) / (values.Length - 1);
        }

        double standardError = Math.Sqrt(variance / values.Length) + 1e-12;
        double z = (mean - expected) / standardError;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"k = {k,3} {what,-9} sample mean {mean,13:E5}  exact {expected,13:E5}  SE {standardError:E2}  z = {z,6:F2}"));
        Assert.True(Math.Abs(z) < 4, $"k = {k} {what}: z = {z:F2}");
    }
}
