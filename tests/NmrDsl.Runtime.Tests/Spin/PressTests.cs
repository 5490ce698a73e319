using System;
using System.Linq;
using System.Numerics;
using NmrDsl.Runtime.Spin;

namespace NmrDsl.Runtime.Tests.Spin;

// Ideal PRESS (FID-A sim_press; /work/shared/reference/spin-dynamics.md §3.4, filters §3.6, J-modulation §5.1).
public sealed class PressTests
{
    [Fact]
    public void PressRefocusesASingletAndFiltersDoNotLoseObservableSignal()
    {
        // Singlet 80 Hz off resonance, TE1 = 10 ms, TE2 = 20 ms: the echo top carries the full signal
        // (|s(0)| = 1, absorptive with receiver −90°: the 90°x magnetisation, refocused twice by 180°y, ends
        // along −y), and removing the coherence filters changes nothing observable. Tolerance 1e-12.
        SpinSystem one = SpinTestHelpers.ProtonsHz(3, [80]);
        var acquisition = new Acquisition(64, 1000, 0, -90);
        PulseSequence press = PulseSequence.Press(0.010, 0.020, acquisition);
        var sim = new HilbertSimulator(one);
        Fid filtered = sim.Simulate(press);
        Fid unfiltered = sim.Simulate(new PulseSequence(press.Elements.Where(e => e is not CoherenceFilter), acquisition));
        Assert.True((filtered.Points[0] - Complex.One).Magnitude < 1e-12, $"s(0) = {filtered.Points[0]}");
        Assert.True(SpinTestHelpers.MaxAbsDifference(filtered.Points, unfiltered.Points) < 1e-12);
    }

    [Fact]
    public void FiltersRemoveUnwantedPathwaysOfImperfectRefocusing()
    {
        // With a 120° "refocusing" pulse, the filtered PRESS signal of a singlet at the echo top is the
        // p = −1 → +1 → −1 pathway only: s(0) = sin(90°)·sin²(120°/2)² = (3/4)² (each refocusing pulse
        // transfers p → −p with amplitude sin²(β/2)). Tolerance 1e-12.
        SpinSystem one = SpinTestHelpers.ProtonsHz(3, [37]);
        var acquisition = new Acquisition(8, 1000, 0, -90);
        var sequence = new PulseSequence(
            [
                new HardPulse(90, 0), new CoherenceFilter(-1), new Delay(0.005),
                new HardPulse(120, 90), new CoherenceFilter(1), new Delay(0.015),
                new HardPulse(120, 90), new CoherenceFilter(-1), new Delay(0.010),
            ],
            acquisition);
        Complex s0 = new HilbertSimulator(one).Simulate(sequence).Points[0];
        Assert.True((s0 - new Complex(0.5625, 0)).Magnitude < 1e-12, $"s(0) = {s0}");
    }
}
