using System;
using NmrDsl.Runtime.Echo;
using Xunit.Abstractions;

namespace NmrDsl.Runtime.Tests.Echo;

/// <summary>
/// FFT, separable-DFT and direct-sum mean fields agree; the kernel tables are the reference's (reference:
/// /work/shared/reference/echo-challenge.md §1.3, "Local mean field").
/// </summary>
public sealed class MeanFieldTests(ITestOutputHelper output)
{
    /// <summary>
    /// Random transverse state (|s| ≤ ½), lattices 5×5, 8×8 and the reference 50×50; power law normalised and not,
    /// Gaussian, uniform. Tolerance 1e-12 absolute on m_i, scaled by the kernel's Σ|K| (1 when normalised), for both FFT
    /// and separable DFT against the direct sum: they differ by transform rounding, ~1e-16·Σ|K| (measured ≤ 3e-15).
    /// </summary>
    [Theory]
    [InlineData(5, KernelShape.PowerLaw, true)]
    [InlineData(8, KernelShape.PowerLaw, false)]
    [InlineData(8, KernelShape.Gaussian, false)]
    [InlineData(8, KernelShape.Uniform, true)]
    [InlineData(50, KernelShape.PowerLaw, true)]
    [InlineData(50, KernelShape.Gaussian, false)]
    public void FftAgreesWithDirectSum(int side, KernelShape shape, bool normalised)
    {
        var model = new EchoModel { Lattice = new SquareLattice(side), Kernel = shape, NormalisePerSite = normalised };
        LatticeKernel kernel = model.CreateLatticeKernel(new EchoParameters(0.1, 2.5, 2.7, 4));
        int n = side * side;
        var random = new EchoRandom(3);
        var sx = new double[n];
        var sy = new double[n];
        for (int i = 0; i < n; i++)
        {
            sx[i] = random.NextDouble() - 0.5;
            sy[i] = random.NextDouble() - 0.5;
        }

        double[] fx = new double[n], fy = new double[n], dx = new double[n], dy = new double[n];
        new DirectSumMeanField(kernel).Compute(sx, sy, dx, dy);
        double scale = normalised ? 1 : kernel.RawSum;
        foreach (IMeanFieldSolver solver in new IMeanFieldSolver[] { new FftMeanField(kernel), new SeparableDftMeanField(kernel) })
        {
            solver.Compute(sx, sy, fx, fy);
            double worst = 0;
            for (int i = 0; i < n; i++)
            {
                worst = Math.Max(worst, Math.Max(Math.Abs(fx[i] - dx[i]), Math.Abs(fy[i] - dy[i])) / scale);
            }

            output.WriteLine($"{side}x{side} {shape} normalised={normalised}: max |m_{solver.GetType().Name} − m_direct|/Σ|K| = {worst:E3}");
            Assert.True(worst < 1e-12, $"{solver.GetType().Name}: worst {worst:E3}");
        }
    }

    /// <summary>
    /// The direct sum itself against an independent O(N²) sum over explicit coordinates x = mod(i−1+L/2, L) − L/2 (reference
    /// §1.3) and k = (r/ξ)^−p normalised by its sum: 1e-14 absolute on a 6×6 lattice.
    /// </summary>
    [Fact]
    public void DirectSumMatchesExplicitCoordinates()
    {
        const int side = 6;
        const double p = 3.3, xi = 1.7;
        var lattice = new SquareLattice(side);
        var kernel = new LatticeKernel(lattice, new PowerLawKernel(p, xi), normalisePerSite: true);
        int n = side * side;
        var random = new EchoRandom(11);
        double[] sx = new double[n], sy = new double[n], mx = new double[n], my = new double[n];
        for (int i = 0; i < n; i++)
        {
            sx[i] = random.NextDouble() - 0.5;
            sy[i] = random.NextDouble() - 0.5;
        }

        new DirectSumMeanField(kernel).Compute(sx, sy, mx, my);
        for (int i = 0; i < n; i++)
        {
            double re = 0, im = 0, norm = 0;
            for (int j = 0; j < n; j++)
            {
                if (i == j)
                {
                    continue;
                }

                int dxi = Wrap(i / side - j / side), dyi = Wrap(i % side - j % side);
                double k = Math.Pow(Math.Sqrt(dxi * dxi + dyi * dyi) / xi, -p);
                norm += k;
                re += k * sx[j];
                im += k * sy[j];
            }

            Assert.True(Math.Abs(re / norm - mx[i]) < 1e-14 && Math.Abs(im / norm - my[i]) < 1e-14, $"site {i}");
        }

        static int Wrap(int d) => ((d + side / 2) % side + side) % side - side / 2;
    }

    /// <summary>
    /// Whole curves with the FFT, separable-DFT and direct-sum mean field agree: 16×16, α = 0.2 (strongest coupling),
    /// full Hamiltonian, d = 3.5. Tolerance 1e-12 on max_k |ΔM_k| (per-step differences ~1e-16 over 471 steps).
    /// </summary>
    [Fact]
    public void CurvesAgreeForBothMethods()
    {
        var model = new EchoModel { Lattice = new SquareLattice(16) };
        var parameters = new EchoParameters(0.2, 3, 2.5, 3.5);
        double[] offsets = model.Offsets.Draw(31, model.Lattice.SiteCount);
        System.Numerics.Complex[] fft = EchoSimulator.Simulate(model with { MeanField = MeanFieldMethod.Fft }, parameters, offsets);
        System.Numerics.Complex[] direct = EchoSimulator.Simulate(model with { MeanField = MeanFieldMethod.DirectSum }, parameters, offsets);
        System.Numerics.Complex[] dft = EchoSimulator.Simulate(model with { MeanField = MeanFieldMethod.SeparableDft }, parameters, offsets);
        double worst = 0, worstDft = 0;
        for (int k = 0; k < fft.Length; k++)
        {
            worst = Math.Max(worst, (fft[k] - direct[k]).Magnitude);
            worstDft = Math.Max(worstDft, (dft[k] - direct[k]).Magnitude);
        }

        output.WriteLine($"16x16 alpha = 0.2: max |M_fft − M_direct| = {worst:E3}, max |M_dft − M_direct| = {worstDft:E3}");
        Assert.True(worst < 1e-12, $"fft: worst {worst:E3}");
        Assert.True(worstDft < 1e-12, $"dft: worst {worstDft:E3}");
    }

    /// <summary>
    /// Kernel tables (reference §1.2–1.3): normalised (r/ξ)^−p equals normalised r^−p for ξ = 0.3 and 17 (1e-14 relative
    /// per entry, a few ulp: ξ cancels up to the rounding of pow and of the 99-term sum); unnormalised (r/ξ)^−p is ξ^p·r^−p (1e-13 relative); every normalised table
    /// sums to 1 (1e-14) with K(0, 0) = 0; the uniform kernel normalised is 1/(N − 1).
    /// </summary>
    [Fact]
    public void KernelTablesFollowTheirDefinitions()
    {
        var lattice = new SquareLattice(10);
        const double p = 2.7;
        var pure = new LatticeKernel(lattice, new InversePowerKernel(p), normalisePerSite: true);
        var pureRaw = new LatticeKernel(lattice, new InversePowerKernel(p), normalisePerSite: false);
        foreach (double xi in new[] { 0.3, 17.0 })
        {
            var normalised = new LatticeKernel(lattice, new PowerLawKernel(p, xi), normalisePerSite: true);
            var raw = new LatticeKernel(lattice, new PowerLawKernel(p, xi), normalisePerSite: false);
            double sum = 0;
            for (int i = 0; i < lattice.SiteCount; i++)
            {
                sum += normalised.Weights[i];
                Assert.True(Math.Abs(normalised.Weights[i] - pure.Weights[i]) <= 1e-14 * pure.Weights[i], $"xi {xi} entry {i}: relative {Math.Abs(normalised.Weights[i] - pure.Weights[i]) / pure.Weights[i]:E2}");
                Assert.True(Math.Abs(raw.Weights[i] - Math.Pow(xi, p) * pureRaw.Weights[i]) <= 1e-13 * raw.Weights[i], $"xi {xi} entry {i}");
            }

            Assert.Equal(0.0, normalised.Weights[0]);
            Assert.Equal(1.0, sum, 14);
        }

        var uniform = new LatticeKernel(lattice, new UniformKernel(), normalisePerSite: true);
        for (int i = 1; i < lattice.SiteCount; i++)
        {
            Assert.Equal(1.0 / (lattice.SiteCount - 1), uniform.Weights[i], 15);
        }
    }
}
