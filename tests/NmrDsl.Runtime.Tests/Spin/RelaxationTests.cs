using System;
using NmrDsl.Runtime.Spin;

namespace NmrDsl.Runtime.Tests.Spin;

// Hahn echo 90–τ–180–τ: S(2τ) = S0·exp(−2τ/T2), /work/shared/reference/spin-dynamics.md §5.1 (needs Liouville space).
public sealed class RelaxationTests
{
    [Theory]
    [InlineData(0.010)]
    [InlineData(0.040)]
    [InlineData(0.100)]
    public void HahnEchoDecaysWithT2AndRefocusesTheOffset(double te)
    {
        // One spin 73 Hz off resonance, T1 = 1 s, T2 = 80 ms; echo top read with receiver −90° (along −y).
        // Tolerance 1e-10 relative on s(TE) = exp(−TE/T2); the offset is refocused (imaginary part < 1e-10).
        SpinSystem one = SpinTestHelpers.ProtonsHz(3, [73]);
        var sim = new LiouvilleSimulator(one, RelaxationModel.Uniform(1, 1.0, 0.08));
        Fid fid = sim.Simulate(PulseSequence.SpinEcho(te, new Acquisition(1, 1000, ReceiverPhaseDegrees: -90)));
        double expected = Math.Exp(-te / 0.08);
        Assert.True(SpinTestHelpers.RelativeError(fid.Points[0].Real, expected) < 1e-10, $"echo {fid.Points[0]} vs {expected}");
        Assert.True(Math.Abs(fid.Points[0].Imaginary) < 1e-10);
    }

    [Fact]
    public void LongitudinalRecoveryFollowsT1()
    {
        // Inversion recovery 180 – τ: Mz(τ) = 1 − 2 e^{−τ/T1} (the relaxation drives σ to σ_eq). Tolerance 1e-10.
        SpinSystem one = SpinTestHelpers.ProtonsHz(3, [0]);
        var sim = new LiouvilleSimulator(one, RelaxationModel.Uniform(1, 0.5, 0.1));
        var v = sim.Evolve([new HardPulse(180), new Delay(0.3)], EnsembleMember.Nominal);
        ComplexMatrix sigma = LiouvilleSpace.Unvectorize(v, 2);
        double mz = SpinTestHelpers.Expectation(sigma, sim.Hamiltonian.Fz, sim.Hamiltonian.SignalNorm).Real;
        Assert.True(Math.Abs(mz - (1 - (2 * Math.Exp(-0.3 / 0.5)))) < 1e-10);
    }
}
