using System;
using NmrDsl.Runtime.Spin;

namespace NmrDsl.Runtime.Tests.Spin;

// Nutation under a rectangular pulse: /work/shared/reference/spin-dynamics.md §5.1 — on resonance Mz = cos(ω1 t);
// off resonance Mz = 1 − 2(ω1/ω_eff)² sin²(ω_eff t/2), ω_eff = √(ω1² + Δω²) (ω1 = 2π·250 Hz, Δω = 2π·100 Hz).
public sealed class NutationTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(100.0)]
    public void MagnetisationFollowsTheNutationCurve(double offsetHz)
    {
        // Tolerance 1e-10 absolute on Mz (unit polarisation), over pulse lengths up to 4 ms (one per 0.25 ms).
        SpinSystem one = SpinTestHelpers.ProtonsHz(3, [offsetHz]);
        var sim = new HilbertSimulator(one);
        SpinHamiltonian h = sim.Groups[0];
        double nu1 = 250, w1 = 2 * Math.PI * nu1, dw = 2 * Math.PI * offsetHz, weff = Math.Sqrt((w1 * w1) + (dw * dw));
        for (int i = 1; i <= 16; i++)
        {
            double t = i * 0.25e-3;
            ComplexMatrix sigma = sim.Evolve(0, [ShapedPulse.Rectangular(t, 5, nu1)], EnsembleMember.Nominal, h.Equilibrium);
            double mz = SpinTestHelpers.Expectation(sigma, h.Fz, h.SignalNorm).Real;
            double s = Math.Sin(weff * t / 2);
            double expected = 1 - (2 * (w1 / weff) * (w1 / weff) * s * s);
            Assert.True(Math.Abs(mz - expected) < 1e-10, $"t = {t}: Mz = {mz}, expected {expected}");
            if (offsetHz == 0)
            {
                double my = SpinTestHelpers.Expectation(sigma, h.Operators.Iy(0), h.SignalNorm).Real;
                Assert.True(Math.Abs(my + Math.Sin(w1 * t)) < 1e-10, $"t = {t}: My = {my}");
            }
        }
    }

    [Fact]
    public void HardPulseIsTwoPiPeriodicAndScalesWithB1()
    {
        // A 360° pulse is the identity on σ; B1 scale 0.5 turns 180° into 90°. Tolerance 1e-14.
        SpinSystem two = SpinTestHelpers.ProtonsHz(3, [10, -30], (0, 1, 7));
        var sim = new HilbertSimulator(two);
        SpinHamiltonian h = sim.Groups[0];
        ComplexMatrix full = sim.Evolve(0, [new HardPulse(360, 33)], EnsembleMember.Nominal, h.Equilibrium);
        Assert.True(ComplexMatrix.MaxAbsDifference(full, h.Equilibrium) < 1e-14);
        ComplexMatrix half = sim.Evolve(0, [new HardPulse(180, 0)], new EnsembleMember(B1Scale: 0.5), h.Equilibrium);
        ComplexMatrix ninety = sim.Evolve(0, [new HardPulse(90, 0)], EnsembleMember.Nominal, h.Equilibrium);
        Assert.True(ComplexMatrix.MaxAbsDifference(half, ninety) < 1e-14);
    }
}
