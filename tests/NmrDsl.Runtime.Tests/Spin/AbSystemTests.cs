using System;
using System.Linq;
using NmrDsl.Runtime.Spin;

namespace NmrDsl.Runtime.Tests.Spin;

// Strongly coupled AB: /work/shared/reference/spin-dynamics.md §5.1: four lines at ν̄ ± (D ± J)/2,
// D = √(Δν² + J²), intensities ∝ 1 ∓ J/D.
public sealed class AbSystemTests
{
    [Theory]
    [InlineData(10.0, 7.0)]
    [InlineData(3.0, -14.8)]
    [InlineData(40.0, 15.9)]
    public void TransitionsMatchExactStrongCouplingFormulas(double deltaNuHz, double jHz)
    {
        // Line frequencies and amplitudes vs closed form, tolerance 1e-9 relative (to the line spacing scale D
        // for frequencies, to the amplitude for intensities). In this FID normalisation the four amplitudes
        // sum to 2 (two spins), so each is (1 ∓ J/D)/2.
        double nuA = 31.0, nuB = nuA - deltaNuHz, mean = (nuA + nuB) / 2;
        SpinSystem ab = SpinTestHelpers.ProtonsHz(3, [nuA, nuB], (0, 1, jHz));
        var lines = new HilbertSimulator(ab).Lines(PulseSequence.PulseAcquire(new Acquisition(1, 1)).Elements);
        Assert.Equal(4, lines.Count);
        double d = Math.Sqrt(deltaNuHz * deltaNuHz + jHz * jHz);
        var expected = new[]
        {
            (F: mean + (d + jHz) / 2, A: (1 - jHz / d) / 2),
            (F: mean - (d + jHz) / 2, A: (1 - jHz / d) / 2),
            (F: mean + (d - jHz) / 2, A: (1 + jHz / d) / 2),
            (F: mean - (d - jHz) / 2, A: (1 + jHz / d) / 2),
        }.OrderBy(e => e.F).ToArray();
        for (int i = 0; i < 4; i++)
        {
            Assert.True(Math.Abs(lines[i].FrequencyHz - expected[i].F) < 1e-9 * d, $"line {i}: {lines[i].FrequencyHz} Hz vs {expected[i].F} Hz");
            Assert.True(SpinTestHelpers.RelativeError(lines[i].Amplitude.Real, expected[i].A) < 1e-9, $"line {i}: amplitude {lines[i].Amplitude} vs {expected[i].A}");
            Assert.True(Math.Abs(lines[i].Amplitude.Imaginary) < 1e-12);
        }
    }

    [Fact]
    public void FftPeaksLieWithinOneResolutionPointOfTheExactLines()
    {
        // FFT of the simulated FID (0.125 Hz resolution after zero-filling, LB 0.3 Hz): each local
        // maximum within ±1.5 Hz of an exact line is within one digital-resolution point of it.
        double deltaNu = 10, j = 7, nuA = 31, nuB = nuA - deltaNu, mean = (nuA + nuB) / 2;
        SpinSystem ab = SpinTestHelpers.ProtonsHz(3, [nuA, nuB], (0, 1, j));
        Fid fid = new HilbertSimulator(ab).Simulate(PulseSequence.PulseAcquire(new Acquisition(4096, 512, 0.3)));
        Spectrum spectrum = Spectrum.FromFid(fid);
        double d = Math.Sqrt(deltaNu * deltaNu + j * j);
        foreach (double f in new[] { mean + (d + j) / 2, mean - (d + j) / 2, mean + (d - j) / 2, mean - (d - j) / 2 })
        {
            int best = Enumerable.Range(0, spectrum.Values.Length)
                .Where(k => Math.Abs(spectrum.FrequenciesHz[k] - f) < 1.5)
                .OrderByDescending(k => spectrum.Values[k].Real).First();
            Assert.True(Math.Abs(spectrum.FrequenciesHz[best] - f) <= spectrum.ResolutionHz, $"peak at {spectrum.FrequenciesHz[best]} Hz, line at {f} Hz");
        }
    }
}
