using System;
using System.Linq;
using NmrDsl.Runtime.Spin;

namespace NmrDsl.Runtime.Tests.Spin;

// The objective of an optimize block (SpinOptimizationSetup.Objective: +w·area(Glu) − w·area(Gln)² − λ·RF energy,
// B1 ensemble) against central finite differences, required ≤ 1e-6 relative (/work/shared/reference/spin-dynamics.md
// §4.1, §5.1), with a MEGA editing pulse in the prefix and in the suffix (EditingPulse through Evolve and AdjointEvolve).
public sealed class SpinOptimizationTests
{
    private static SpinOptimizationSetup Setup(int steps)
    {
        var acquisition = new Acquisition(256, 1000, 3, -90);
        var refocus = new ShapedPulse(2e-4, new double[steps], Enumerable.Repeat(400.0, steps).ToArray());
        var sequence = new PulseSequence(
            [
                new HardPulse(90, 0), new CoherenceFilter(-1), new Delay(0.002),
                new EditingPulse(180, 1.9, 0.004, 20), new CoherenceFilter(-1),
                refocus, new CoherenceFilter(1),
                new EditingPulse(180, 1.9, 0.004, 20), new CoherenceFilter(1), new Delay(0.003),
            ],
            acquisition);
        var terms = new[]
        {
            new ContrastTerm("Glu", Metabolites.Glutamate(2.89), 2.30, 2.40, 1, false),
            new ContrastTerm("Gln", Metabolites.Glutamine(2.89), 2.30, 2.40, 3, true),
        };
        return new SpinOptimizationSetup("test", sequence, 5, terms, 1e-8, EnsembleMember.Grid(0.9, 1.1, 2, 0, 0, 1), new PulseOptimizerOptions(1000), []);
    }

    [Fact]
    public void ContrastObjectiveGradientMatchesFiniteDifferences()
    {
        IPulseObjective objective = Setup(6).Objective();
        double error = GrapeGradientTests.RelativeGradientError(objective, GrapeGradientTests.RandomControls(6, 800, 21));
        Assert.True(error < 1e-6, $"relative gradient error {error:E2}");
    }

    [Fact]
    public void WithPulseReplacesOnlyTheControlledElement()
    {
        SpinOptimizationSetup setup = Setup(3);
        var pulse = new ShapedPulse(2e-4, [1.0, 2, 3], [4.0, 5, 6]);
        PulseSequence replaced = setup.WithPulse(pulse);
        Assert.Same(pulse, replaced.Elements[5]);
        for (int i = 0; i < replaced.Elements.Count; i++)
        {
            if (i != 5) Assert.Same(setup.Sequence.Elements[i], replaced.Elements[i]);
        }

        Assert.Throws<ArgumentException>(() => (setup with { ControlIndex = 0 }).Validate());
    }
}
