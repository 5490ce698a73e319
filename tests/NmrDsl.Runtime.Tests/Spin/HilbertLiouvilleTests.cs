using System;
using NmrDsl.Runtime.Spin;

namespace NmrDsl.Runtime.Tests.Spin;

// One spec, two solvers (DESIGN.md): Hilbert and Liouville space agree without relaxation.
// Reference for the conventions: /work/shared/reference/spin-dynamics.md §4.1.
public sealed class HilbertLiouvilleTests
{
    [Fact]
    public void StronglyCoupledThreeSpinFidsAgreeWithoutRelaxation()
    {
        // ABX-like system at 3 T (Δν comparable to J), a sequence with hard pulses, delays, a sinc-Gaussian
        // pulse and a coherence filter, two ensemble members. Tolerance: max |Δs| ≤ 1e-10 (|s| ≤ 3).
        SpinSystem abx = SpinTestHelpers.ProtonsHz(3, [12, 2, -150], (0, 1, -14.8), (0, 2, 7.3), (1, 2, 4.6));
        var sequence = new PulseSequence(
            [
                new HardPulse(90, 0), new CoherenceFilter(-1), new Delay(0.0123),
                SincGaussianPulse.Create(0.003, 30, 180, phaseRadians: Math.PI / 2), new CoherenceFilter(1),
                new Delay(0.0077), new HardPulse(180, 90), new CoherenceFilter(-1), new Delay(0.002),
            ],
            new Acquisition(256, 1000, 1.5, -90));
        EnsembleMember[] ensemble = [new EnsembleMember(0, 1), new EnsembleMember(4, 0.9, 2)];
        Fid hilbert = new HilbertSimulator(abx).Simulate(sequence, ensemble);
        Fid liouville = new LiouvilleSimulator(abx).Simulate(sequence, ensemble);
        double diff = SpinTestHelpers.MaxAbsDifference(hilbert.Points, liouville.Points);
        Assert.True(diff < 1e-10, $"max |Δs| = {diff:E2}");
    }
}
