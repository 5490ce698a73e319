using System;
using System.Linq;
using NmrDsl.Runtime.Spin;

namespace NmrDsl.Runtime.Tests.Spin;

// GRAPE-exact gradients vs central finite differences: /work/shared/reference/spin-dynamics.md §4.1 (formulas)
// and §5.1 ("Gradient checks"). Relative error = max_i |g_i − g_i^FD| / max_i |g_i^FD|, required ≤ 1e-6.
public sealed class GrapeGradientTests
{
    internal static double[] RandomControls(int steps, double amplitudeHz, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 2 * steps).Select(_ => amplitudeHz * ((2 * random.NextDouble()) - 1)).ToArray();
    }

    // Central differences with a 0.5 Hz step: truncation ~ h²|Φ'''| ≈ 1e-11·|Φ'| for 2π·u·Δt ≲ 1, round-off ~ 1e-16/h.
    internal static double RelativeGradientError(IPulseObjective objective, double[] u)
    {
        var gradient = new double[u.Length];
        objective.Evaluate(u, gradient);
        var scratch = new double[u.Length];
        double maxError = 0, maxFd = 0;
        const double h = 0.5;
        for (int i = 0; i < u.Length; i++)
        {
            double[] plus = (double[])u.Clone(), minus = (double[])u.Clone();
            plus[i] += h;
            minus[i] -= h;
            double fd = (objective.Evaluate(plus, scratch) - objective.Evaluate(minus, scratch)) / (2 * h);
            maxError = Math.Max(maxError, Math.Abs(fd - gradient[i]));
            maxFd = Math.Max(maxFd, Math.Abs(fd));
        }

        Assert.True(maxFd > 0);
        return maxError / maxFd;
    }

    private static SpinSystem StronglyCoupledThreeSpins() => SpinTestHelpers.ProtonsHz(3, [12, 2, -150], (0, 1, -14.8), (0, 2, 7.3), (1, 2, 4.6));

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void ExpectationObjectiveGradientMatchesFiniteDifferences(int seed)
    {
        // Excitation target F_x with a B0/B1 ensemble, a prefix delay and a suffix with a 180° pulse and a coherence filter.
        var sim = new HilbertSimulator(StronglyCoupledThreeSpins());
        var objective = GrapeObjective.Expectation(
            sim,
            h => h.Operators.TotalX(h.ChannelSpins),
            steps: 10,
            stepSeconds: 1e-4,
            ensemble: EnsembleMember.Grid(0.9, 1.1, 2, -5, 5, 2),
            prefix: [new Delay(0.003)],
            suffix: [new HardPulse(180, 90), new CoherenceFilter(1), new Delay(0.002)]);
        double error = RelativeGradientError(objective, RandomControls(10, 1500, seed));
        Assert.True(error < 1e-6, $"relative gradient error {error:E2}");
    }

    [Fact]
    public void SpectralAreaObjectiveGradientMatchesFiniteDifferences()
    {
        // Glu (5 strongly coupled spins, 32×32) at 3 T, window 2.30–2.40 ppm, two B1 members.
        var sim = new HilbertSimulator(Metabolites.Glutamate(3));
        var objective = GrapeObjective.SpectralArea(sim, 2.30, 2.40, new Acquisition(1, 1000, 4, -90), steps: 8, stepSeconds: 2e-4, ensemble: [new EnsembleMember(0, 1), new EnsembleMember(2, 0.85)]);
        double error = RelativeGradientError(objective, RandomControls(8, 600, 3));
        Assert.True(error < 1e-6, $"relative gradient error {error:E2}");
    }

    [Fact]
    public void CompositeObjectiveWithRfPenaltyGradientMatchesFiniteDifferences()
    {
        // Glu − Gln style difference of two spectral areas on two systems, a squared area, minus an RF-energy penalty.
        var a = GrapeObjective.SpectralArea(new HilbertSimulator(StronglyCoupledThreeSpins()), -10, 10, new Acquisition(1, 1000, 3), 6, 1e-4);
        var b = GrapeObjective.SpectralArea(new HilbertSimulator(SpinTestHelpers.ProtonsHz(3, [40, -20], (0, 1, 7))), -10, 10, new Acquisition(1, 1000, 3), 6, 1e-4);
        var objective = new CompositeObjective([(1.0, a), (-0.7, b), (-2.0, new SquaredObjective(b))], rfEnergyWeight: 1e-3);
        double error = RelativeGradientError(objective, RandomControls(6, 2000, 5));
        Assert.True(error < 1e-6, $"relative gradient error {error:E2}");
    }

    [Fact]
    public void AmplitudeLimitChainRuleMatchesFiniteDifferences()
    {
        // f(v) = Σ c_i u_i(v) for random c; ∂f/∂v by PullBack vs central differences (h = 1e-6), tolerance 1e-8 relative.
        var map = new AmplitudeLimit(1000);
        var random = new Random(9);
        double[] v = Enumerable.Range(0, 8).Select(i => i == 0 ? 1e-5 : (4 * random.NextDouble()) - 2).ToArray();
        v[4] = 0;
        double[] c = Enumerable.Range(0, 8).Select(_ => random.NextDouble() - 0.5).ToArray();
        double F(double[] x)
        {
            var u = new double[8];
            map.ToControls(x, u);
            return u.Select((ui, i) => ui * c[i]).Sum();
        }

        var g = new double[8];
        map.PullBack(v, c, g);
        for (int i = 0; i < 8; i++)
        {
            double[] p = (double[])v.Clone(), m = (double[])v.Clone();
            p[i] += 1e-6;
            m[i] -= 1e-6;
            double fd = (F(p) - F(m)) / 2e-6;
            Assert.True(Math.Abs(fd - g[i]) < 1e-8 * Math.Max(1, g.Max(Math.Abs)) * 1000, $"component {i}: {g[i]} vs {fd}");
        }

        var back = new double[8];
        var controls = new double[8];
        map.ToControls(v, controls);
        Assert.All(Enumerable.Range(0, 4), j => Assert.True(Math.Sqrt((controls[j] * controls[j]) + (controls[4 + j] * controls[4 + j])) < 1000));
        map.ToVariables(controls, back);
        Assert.True(v.Zip(back, (x, y) => Math.Abs(x - y)).Max() < 1e-9);
    }

    [Fact]
    public void SpectralAreaObjectiveAgreesWithTheFftSpectrum()
    {
        // The analytic window area (continuous FT) vs 2·Σ Re S Δf of the simulated FID's FFT over the same window
        // (65536 points at 0.0153 Hz resolution, LB 4 Hz): tolerance 2e-3 of the total signal (rectangle rule at the edges).
        var sim = new HilbertSimulator(Metabolites.Glutamate(3));
        var acquisition = new Acquisition(65536, 1000, 4, -90);
        double[] u = RandomControls(5, 800, 21);
        var objective = GrapeObjective.SpectralArea(sim, 2.25, 2.42, acquisition, 5, 2e-4);
        double analytic = objective.Value(u);
        var pulse = new ShapedPulse(2e-4, u.Take(5).ToArray(), u.Skip(5).ToArray());
        Spectrum spectrum = Spectrum.FromFid(sim.Simulate(new PulseSequence([pulse], acquisition)));
        double fft = 2 * spectrum.RealArea(2.25, 2.42);
        Assert.True(Math.Abs(analytic - fft) < 2e-3 * 5, $"analytic {analytic} vs FFT {fft}");
    }
}
