using System;
using System.Numerics;
using NmrDsl.Runtime.Spin;

namespace NmrDsl.Runtime.Tests.Spin;

// Analytic checks: /work/shared/reference/spin-dynamics.md §5.1 ("a pure-shift FID oscillates at the offset").
public sealed class SingletTests
{
    [Theory]
    [InlineData(100.0)]
    [InlineData(-237.0)]
    public void SingletAppearsAtItsShiftWithTheExactDiscreteLorentzianHeight(double offsetHz)
    {
        // 1 Hz digital resolution, offset on the grid: the peak is exactly at the offset and its
        // height is Δt[(1 − r^N)/(1 − r) − ½], r = e^{−π LB Δt} (trapezoid-weighted geometric sum).
        // Tolerances: position exact (same grid point), height 1e-10 relative, imaginary part 1e-10.
        SpinSystem system = SpinTestHelpers.ProtonsHz(3, [offsetHz]);
        var acquisition = new Acquisition(1000, 1000, LineBroadeningHz: 3);
        Fid fid = new HilbertSimulator(system).Simulate(PulseSequence.PulseAcquire(acquisition, phaseDegrees: 90));
        Spectrum spectrum = Spectrum.FromFid(fid);
        double delta = system.Spins[0].ShiftPpm;
        int peak = spectrum.PeakIndex(-1e6, 1e6);
        Assert.Equal(offsetHz, spectrum.FrequenciesHz[peak], 9);
        Assert.True(Math.Abs(spectrum.Ppm[peak] - delta) < 1e-9, $"peak at {spectrum.Ppm[peak]} ppm, singlet at {delta} ppm");

        double dt = acquisition.DwellSeconds, r = Math.Exp(-Math.PI * 3 * dt);
        double height = dt * (((1 - Math.Pow(r, 1000)) / (1 - r)) - 0.5);
        Assert.True(SpinTestHelpers.RelativeError(spectrum.Values[peak].Real, height) < 1e-10);
        Assert.True(Math.Abs(spectrum.Values[peak].Imaginary) < 1e-10 * height);
    }

    [Fact]
    public void NinetyXNeedsReceiverPhaseMinusNinetyForAbsorption()
    {
        // 90°x takes Iz to −Iy (Acquisition remarks): s(0) = −i with φ_rx = 0, +1 with φ_rx = −90°. Tolerance 1e-14.
        SpinSystem system = SpinTestHelpers.ProtonsHz(3, [50]);
        var sim = new HilbertSimulator(system);
        Complex s0 = sim.Simulate(new PulseSequence([new HardPulse(90, 0)], new Acquisition(4, 1000))).Points[0];
        Complex s1 = sim.Simulate(new PulseSequence([new HardPulse(90, 0)], new Acquisition(4, 1000, ReceiverPhaseDegrees: -90))).Points[0];
        Assert.True((s0 - new Complex(0, -1)).Magnitude < 1e-14);
        Assert.True((s1 - Complex.One).Magnitude < 1e-14);
    }

    [Fact]
    public void SpectrumIntegralIsHalfTheFirstPoint()
    {
        // Σ S_k Δf = s0/2 exactly for the trapezoid-weighted FFT (Spectrum remarks); tolerance 1e-12.
        SpinSystem system = SpinTestHelpers.ProtonsHz(3, [120, -40]);
        Fid fid = new HilbertSimulator(system).Simulate(PulseSequence.PulseAcquire(new Acquisition(512, 800, 4)));
        Spectrum spectrum = Spectrum.FromFid(fid, zeroFillTo: 1024);
        Complex sum = Complex.Zero;
        foreach (Complex v in spectrum.Values) sum += v * spectrum.ResolutionHz;
        Assert.True((sum - (fid.Points[0] / 2)).Magnitude < 1e-12);
        Assert.True(Math.Abs(fid.Points[0].Real - 2) < 1e-13);
    }
}
