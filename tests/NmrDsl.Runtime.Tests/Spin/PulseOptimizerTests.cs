using System;
using System.Linq;
using NmrDsl.Runtime.Spin;

namespace NmrDsl.Runtime.Tests.Spin;

// L-BFGS pulse design on the GRAPE objective (/work/shared/reference/spin-dynamics.md §4.1, items 4–5: robustness by
// ensemble averaging over B1 scale and B0 offset).
public sealed class PulseOptimizerTests
{
    [Fact]
    public void FindsARobustExcitationPulseWithinTheAmplitudeLimit()
    {
        // One spin, 40 steps × 25 µs (1 ms), |u| ≤ 1 kHz, ensemble B1 0.8–1.2 (3) × B0 ±150 Hz (2). The
        // reference is a rectangular 90°_y at 1 kHz (250 µs, then nothing); the optimiser must beat it by
        // 0.02 and reach 0.98 in ⟨Fx⟩, stay within the limit, report every evaluation, and be deterministic.
        var sim = new HilbertSimulator(SpinTestHelpers.ProtonsHz(3, [0]));
        var ensemble = EnsembleMember.Grid(0.8, 1.2, 3, -150, 150, 2);
        var objective = GrapeObjective.Expectation(sim, h => h.Operators.TotalX(h.ChannelSpins), 40, 25e-6, ensemble);
        double[] rectangular = new double[80];
        for (int j = 0; j < 10; j++) rectangular[40 + j] = 1000;
        double rect = objective.Value(rectangular);
        int calls = 0;
        var options = new PulseOptimizerOptions(1000, Restarts: 2, MaxIterations: 80, Seed: 4);
        PulseOptimizationResult result = PulseOptimizer.Maximize(objective, options, progress: p => calls++);
        Assert.True(result.Value > 0.98 && result.Value > rect + 0.02, $"optimised {result.Value} vs rectangular {rect}; runs {string.Join(", ", result.RestartValues)}; {string.Join("; ", result.ExitReasons)}");
        Assert.Equal(result.Evaluations, calls);
        for (int j = 0; j < 40; j++) Assert.True(Math.Sqrt((result.Controls[j] * result.Controls[j]) + (result.Controls[40 + j] * result.Controls[40 + j])) < 1000);
        Assert.True(Math.Abs(objective.Value(result.Controls) - result.Value) < 1e-12);

        var brief = options with { MaxIterations = 5 };
        Assert.Equal(PulseOptimizer.Maximize(objective, brief).Controls, PulseOptimizer.Maximize(objective, brief).Controls);
    }
}
