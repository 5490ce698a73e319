using System;
using System.Linq;
using System.Numerics;
using NmrDsl.Runtime.Spin;

namespace NmrDsl.Runtime.Tests.Spin;

// Glu/Gln parameters: /work/shared/reference/spin-dynamics.md §2.2 (Govindaraju 2000), reference 4.65 ppm, 3 T.
public sealed class MetaboliteTests
{
    private static readonly Acquisition Acq = new(4096, 1600, 2);

    [Theory]
    [InlineData("Glu", 3.60, 3.90, 3.7433)]
    [InlineData("Glu", 2.27, 2.42, 2.3449)]
    [InlineData("Gln", 3.60, 3.90, 3.753)]
    [InlineData("Gln", 2.37, 2.52, 2.443)]
    [InlineData("Gln", 6.70, 6.95, 6.816)]
    [InlineData("Gln", 7.40, 7.65, 7.529)]
    public void MultipletsAreCentredAtTheirShifts(string name, double low, double high, double centre)
    {
        // Pulse–acquire at 3 T, LB 2 Hz, FFT spectrum: the absorption-weighted centroid of each window lies
        // within 0.01 ppm (1.3 Hz) of the multiplet centre (the mean shift of its protons; strong coupling to
        // the rest of the molecule shifts intensity, not the centre, at this level).
        SpinSystem system = name == "Glu" ? Metabolites.Glutamate(3) : Metabolites.Glutamine(3);
        Spectrum spectrum = Spectrum.FromFid(new HilbertSimulator(system).Simulate(PulseSequence.PulseAcquire(Acq)), 16384);
        double weight = 0, moment = 0;
        for (int k = 0; k < spectrum.Ppm.Length; k++)
        {
            if (spectrum.Ppm[k] < low || spectrum.Ppm[k] > high) continue;
            weight += spectrum.Values[k].Real;
            moment += spectrum.Values[k].Real * spectrum.Ppm[k];
        }

        Assert.True(Math.Abs((moment / weight) - centre) < 0.01, $"{name}: centroid {moment / weight:F4} ppm, expected {centre}");
    }

    [Theory]
    [InlineData("Glu", 3.60, 3.90, 3.7433)]
    [InlineData("Gln", 3.60, 3.90, 3.753)]
    [InlineData("Gln", 6.70, 6.95, 6.816)]
    public void WeaklyCoupledMultipletsPeakAtTheirShifts(string name, double low, double high, double centre)
    {
        // The H2 doublets of doublets and the NH2 singlet: the highest absorption point is within 0.015 ppm
        // (2 Hz: the dd's inner lines sit ±(J1 − J2)/2 ≈ ±1.3 Hz from the centre) of the shift.
        SpinSystem system = name == "Glu" ? Metabolites.Glutamate(3) : Metabolites.Glutamine(3);
        Spectrum spectrum = Spectrum.FromFid(new HilbertSimulator(system).Simulate(PulseSequence.PulseAcquire(Acq)), 16384);
        int peak = spectrum.PeakIndex(low, high);
        Assert.True(Math.Abs(spectrum.Ppm[peak] - centre) < 0.015, $"{name}: peak at {spectrum.Ppm[peak]:F4} ppm, expected {centre}");
    }

    [Theory]
    [InlineData("Glu")]
    [InlineData("Gln")]
    public void FirstMomentEqualsMeanShift(string name)
    {
        // Exact sum rule for pulse–acquire with the full I·I coupling ([H_J, F_x] = 0): Σ f_l A_l / Σ A_l = mean offset.
        // Tolerance 1e-9 relative.
        SpinSystem system = name == "Glu" ? Metabolites.Glutamate(3) : Metabolites.Glutamine(3);
        var lines = new HilbertSimulator(system).Lines(PulseSequence.PulseAcquire(Acq).Elements);
        Complex total = lines.Aggregate(Complex.Zero, (s, l) => s + l.Amplitude);
        Complex moment = lines.Aggregate(Complex.Zero, (s, l) => s + (l.FrequencyHz * l.Amplitude));
        double expected = Enumerable.Range(0, system.Count).Average(system.OffsetHz);
        Assert.True(Math.Abs(total.Real - system.Count) < 1e-9);
        Assert.True(SpinTestHelpers.RelativeError((moment / total).Real, expected) < 1e-9, $"{(moment / total).Real} vs {expected}");
    }
}
