using System;
using NmrDsl.Runtime.Spin;

namespace NmrDsl.Runtime.Tests.Spin;

// MEGA editing pulse (issue 4; /work/shared/reference/spin-dynamics.md §3.5, MEGA-PRESS): a 20 ms Gaussian 180° at
// 1.9 ppm must invert a spin at 1.9 ppm (⟨I_z⟩ ≤ −0.99) and leave spins ≥ 1 ppm away, and the mirror frequency
// 2δ_ref − δ_c (which a wrong phase-ramp sense would hit), at ⟨I_z⟩ ≥ 0.99. Expectations are exact (Hilbert space).
public sealed class EditingPulseTests
{
    private static double[] LongitudinalAfter(EditingPulse pulse, params double[] ppm)
    {
        var spins = new (string, double)[ppm.Length];
        for (int k = 0; k < ppm.Length; k++) spins[k] = ("S" + k, ppm[k]);
        var sim = new HilbertSimulator(SpinTestHelpers.Protons(2.89, 4.65, spins));
        var result = new double[sim.Groups.Count];
        for (int g = 0; g < sim.Groups.Count; g++)
        {
            SpinHamiltonian h = sim.Groups[g];
            ComplexMatrix sigma = sim.Evolve(g, [pulse], EnsembleMember.Nominal, h.Equilibrium);
            result[g] = SpinTestHelpers.Expectation(sigma, h.Operators.Iz(0), h.SignalNorm).Real;
        }

        return result;
    }

    [Fact]
    public void GaussianAt19PpmInvertsItsCentreAndSparesSpinsOnePpmAway()
    {
        // Uncoupled spins form separate groups, in declaration order.
        double[] iz = LongitudinalAfter(new EditingPulse(180, 1.9, 0.020), 1.9, 2.9, 0.9, 7.4);
        Assert.True(iz[0] <= -0.99, $"centre ⟨Iz⟩ = {iz[0]}");
        Assert.True(iz[1] >= 0.99, $"+1 ppm ⟨Iz⟩ = {iz[1]}");
        Assert.True(iz[2] >= 0.99, $"−1 ppm ⟨Iz⟩ = {iz[2]}");
        Assert.True(iz[3] >= 0.99, $"mirror (7.4 ppm) ⟨Iz⟩ = {iz[3]}");
    }

    [Fact]
    public void OffResonanceEditAt75PpmLeavesTheGlutamateRegionUntouched()
    {
        double[] iz = LongitudinalAfter(new EditingPulse(180, 7.5, 0.020), 7.5, 2.0, 2.35, 3.75);
        Assert.True(iz[0] <= -0.99, $"centre ⟨Iz⟩ = {iz[0]}");
        for (int k = 1; k < iz.Length; k++) Assert.True(iz[k] >= 0.99, $"spin {k}: ⟨Iz⟩ = {iz[k]}");
    }

    [Fact]
    public void ShapeHasTheRequestedAreaAndIsSymmetric()
    {
        // On resonance (centre = reference) the pulse is real: 360°·Σ a Δt = θ exactly, envelope symmetric about T/2.
        ShapedPulse p = new EditingPulse(180, 4.65, 0.02, 100).ToShaped(123e6, 4.65);
        Assert.Equal(180, p.NominalFlipDegrees(), 9);
        for (int j = 0; j < 50; j++) Assert.Equal(p.XHz[j], p.XHz[99 - j], 10);
        Assert.Throws<ArgumentException>(() => new EditingPulse(180, 1.9, 0));
    }
}
