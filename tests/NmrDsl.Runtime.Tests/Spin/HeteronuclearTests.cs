using System;
using System.Linq;
using NmrDsl.Runtime.Spin;

namespace NmrDsl.Runtime.Tests.Spin;

// Heteronuclear systems: weak (secular) coupling between unlike spins, one RF/receiver channel, signed γ
// (conventions as in /work/shared/reference/spin-dynamics.md §2.4; ¹⁵N has γ < 0).
public sealed class HeteronuclearTests
{
    [Fact]
    public void ProtonCoupledToCarbonIsAnExactDoubletAndTheCarbonIsNotPulsed()
    {
        // ¹H (2 ppm) – ¹³C (30 ppm), J = 140 Hz, ¹H channel: two lines at ν_H ± J/2 of amplitude ½ each
        // (exactly first order), tolerance 1e-9 Hz and 1e-12; the ¹³C magnetisation stays along z (1e-12).
        var system = new SpinSystem("CH", [new SpinSite("H", Isotope.H1, 2.0), new SpinSite("C", Isotope.C13, 30.0)], [new ScalarCoupling(0, 1, 140)], 3, 0);
        var sim = new HilbertSimulator(system);
        var lines = sim.Lines([new HardPulse(90, 90)]);
        double nuH = system.OffsetHz(0);
        Assert.Equal(2, lines.Count);
        Assert.True(Math.Abs(lines[0].FrequencyHz - (nuH - 70)) < 1e-9 && Math.Abs(lines[1].FrequencyHz - (nuH + 70)) < 1e-9);
        Assert.All(lines, l => Assert.True((l.Amplitude - 0.5).Magnitude < 1e-12));
        SpinHamiltonian h = sim.Groups[0];
        ComplexMatrix sigma = sim.Evolve(0, [new HardPulse(90, 90)], EnsembleMember.Nominal, h.Equilibrium);
        double carbonZ = SpinTestHelpers.Expectation(sigma, h.Operators.Iz(1), h.SignalNorm).Real;
        Assert.True(Math.Abs(carbonZ - (Isotope.C13.Gamma / Isotope.H1.Gamma)) < 1e-12, $"carbon ⟨Iz⟩ = {carbonZ}");
    }

    [Fact]
    public void NitrogenWithNegativeGammaStillAppearsAtItsShift()
    {
        // ¹⁵N singlet at 120 ppm, reference 100 ppm, 15N channel: the FFT peak lies within one digital
        // resolution point of 120 ppm on the (descending) ppm axis.
        var system = new SpinSystem("N", [new SpinSite("N", Isotope.N15, 120)], [], 14.1, 100);
        var sim = new HilbertSimulator(system, Isotope.N15);
        Spectrum spectrum = Spectrum.FromFid(sim.Simulate(PulseSequence.PulseAcquire(new Acquisition(2048, 4000, 5))));
        int peak = spectrum.PeakIndex(0, 300);
        double ppmPerPoint = Math.Abs(spectrum.Ppm[1] - spectrum.Ppm[0]);
        Assert.True(spectrum.Ppm[1] < spectrum.Ppm[0]);
        Assert.True(Math.Abs(spectrum.Ppm[peak] - 120) <= ppmPerPoint, $"peak at {spectrum.Ppm[peak]} ppm");
    }
}
