using System;
using System.Linq;
using System.Numerics;
using NmrDsl.Runtime.Spin;

namespace NmrDsl.Runtime.Tests.Spin;

// J-modulation of a weakly coupled AX3 system in a spin echo: /work/shared/reference/spin-dynamics.md §5.1
// (X ∝ cos(πJ·TE); A, coupled to three X, ∝ cos³(πJ·TE); lactate inverts at TE ≈ 1/J = 144 ms).
public sealed class JModulationTests
{
    private static (double A, double X) EchoAmplitudes(SpinSystem system, double teSeconds)
    {
        // 90x – TE/2 – 180y – TE/2, receiver −90° (absorption for magnetisation along −y). The in-phase
        // signal of each multiplet is the sum of its line amplitudes (antiphase lines cancel).
        var sim = new HilbertSimulator(system);
        var lines = sim.Lines(PulseSequence.SpinEcho(teSeconds, new Acquisition(1, 1)).Elements);
        double nuA = system.OffsetHz(0), nuX = system.OffsetHz(1);
        Complex rx = Complex.FromPolarCoordinates(1, Math.PI / 2);
        double a = lines.Where(l => Math.Abs(l.FrequencyHz - nuA) < 100).Aggregate(Complex.Zero, (s, l) => s + (rx * l.Amplitude)).Real;
        double x = lines.Where(l => Math.Abs(l.FrequencyHz - nuX) < 100).Aggregate(Complex.Zero, (s, l) => s + (rx * l.Amplitude)).Real;
        return (a, x / 3);
    }

    [Theory]
    [InlineData(100.0, 0.030)]
    [InlineData(100.0, 0.0714)]
    [InlineData(100.0, 0.144)]
    [InlineData(100.0, 0.2)]
    [InlineData(1000.0, 0.030)]
    [InlineData(1000.0, 0.2)]
    public void WeaklyCoupledAx3FollowsCosineModulation(double fieldTesla, double te)
    {
        // Lactate parameters at 100 T and 1000 T, where ε = J/Δν = 5.8e-4 and 5.8e-5. The full I·I coupling
        // leaves first-order (roof-effect) deviations from the weak-coupling result, so the tolerance is
        // 2ε absolute on amplitudes normalised to 1 per spin: the deviation shrinks with the field.
        SpinSystem lac = Metabolites.Lactate(fieldTesla);
        double epsilon = 6.933 / Math.Abs(lac.OffsetHz(0) - lac.OffsetHz(1));
        (double a, double x) = EchoAmplitudes(lac, te);
        double c = Math.Cos(Math.PI * 6.933 * te);
        Assert.True(Math.Abs(x - c) < 2 * epsilon, $"X: {x} vs cos(πJ·TE) = {c} (ε = {epsilon:E2})");
        Assert.True(Math.Abs(a - (c * c * c)) < 2 * epsilon, $"A: {a} vs cos³(πJ·TE) = {c * c * c} (ε = {epsilon:E2})");
    }

    [Fact]
    public void LactateDoubletInvertsAtOneOverJAtThreeTesla()
    {
        // At 3 T (J/Δν ≈ 0.02) the CH3 doublet at TE = 1/J is inverted to within 1e-2 of −1 (strong-coupling residue).
        (double _, double x) = EchoAmplitudes(Metabolites.Lactate(3), 1 / 6.933);
        Assert.True(Math.Abs(x + 1) < 1e-2, $"X at TE = 1/J: {x}");
    }
}
