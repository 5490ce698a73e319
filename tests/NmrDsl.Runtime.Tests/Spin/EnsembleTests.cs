using System;
using System.Linq;
using System.Numerics;
using NmrDsl.Runtime.Spin;

namespace NmrDsl.Runtime.Tests.Spin;

// B0/B1 ensemble averaging (/work/shared/reference/spin-dynamics.md §4.1 item 5) and consistency of the GRAPE
// objective's value with the sequence simulator.
public sealed class EnsembleTests
{
    private static readonly SpinSystem Abx = SpinTestHelpers.ProtonsHz(3, [12, 2, -150], (0, 1, -14.8), (0, 2, 7.3), (1, 2, 4.6));

    [Fact]
    public void EnsembleFidIsTheWeightedMeanOfMemberFids()
    {
        // Tolerance 1e-13 absolute (|s| ≤ 3).
        var sim = new HilbertSimulator(Abx);
        PulseSequence seq = PulseSequence.Press(0.02, 0.03, new Acquisition(128, 800, 2, -90));
        EnsembleMember[] members = [new EnsembleMember(-5, 0.9, 1), new EnsembleMember(0, 1, 2), new EnsembleMember(5, 1.1, 1)];
        Fid mean = sim.Simulate(seq, members);
        var expected = new Complex[128];
        foreach (EnsembleMember m in members)
        {
            Fid one = sim.Simulate(seq, [m with { Weight = 1 }]);
            for (int i = 0; i < 128; i++) expected[i] += one.Points[i] * m.Weight / 4;
        }

        Assert.True(SpinTestHelpers.MaxAbsDifference(mean.Points, expected) < 1e-13);
        Assert.Equal(15, EnsembleMember.Grid(0.9, 1.1, 5, -5, 5, 3).Count);
        Assert.Equal(new[] { 0.9, 1.0, 1.1 }, EnsembleMember.Grid(0.9, 1.1, 3, 0, 0, 1).Select(m => Math.Round(m.B1Scale, 12)).ToArray());
    }

    [Fact]
    public void ExpectationObjectiveValueMatchesTheSimulator()
    {
        // Φ(u) = ensemble mean of Tr(F_x σ)/Tr(I_z²) after prefix, shaped pulse and suffix, computed by
        // HilbertSimulator.Evolve. Tolerance 1e-12.
        var sim = new HilbertSimulator(Abx);
        var random = new Random(17);
        double[] u = Enumerable.Range(0, 16).Select(_ => 1200 * ((2 * random.NextDouble()) - 1)).ToArray();
        SequenceElement[] prefix = [new HardPulse(30, 45), new Delay(0.004)];
        SequenceElement[] suffix = [new Delay(0.001), new HardPulse(180, 90), new CoherenceFilter(1)];
        var ensemble = EnsembleMember.Grid(0.9, 1.1, 2, -3, 3, 2);
        var objective = GrapeObjective.Expectation(sim, h => h.Operators.TotalX(h.ChannelSpins), 8, 1.5e-4, ensemble, prefix, suffix);
        var pulse = new ShapedPulse(1.5e-4, u.Take(8).ToArray(), u.Skip(8).ToArray());
        SpinHamiltonian h = sim.Groups[0];
        double expected = ensemble.Average(m =>
        {
            ComplexMatrix sigma = sim.Evolve(0, prefix.Append(pulse).Concat(suffix), m, h.Equilibrium);
            return SpinTestHelpers.Expectation(sigma, h.Operators.TotalX(h.ChannelSpins), h.SignalNorm).Real;
        });
        Assert.True(Math.Abs(objective.Value(u) - expected) < 1e-12, $"{objective.Value(u)} vs {expected}");
    }

    [Fact]
    public void EquivalentSpinLinesAreMerged()
    {
        // Three equivalent uncoupled protons: one line of amplitude 3 (tolerance 1e-12).
        var sim = new HilbertSimulator(SpinTestHelpers.ProtonsHz(3, [25, 25, 25], (0, 1, 0)));
        var lines = sim.Lines(PulseSequence.PulseAcquire(new Acquisition(1, 1)).Elements);
        Assert.Single(lines);
        Assert.True((lines[0].Amplitude - 3).Magnitude < 1e-12);
    }
}
