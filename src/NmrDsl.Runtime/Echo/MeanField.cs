using System;

namespace NmrDsl.Runtime.Echo;

/// <summary>Chooses and builds a mean-field solver.</summary>
public static class MeanField
{
    /// <summary>
    /// Site count from which <see cref="MeanFieldMethod.Auto"/> leaves the direct sum for the separable DFT. Measured
    /// (Release, 2 shared cores, AVX2): one evaluation at 8×8 took 0.0029 ms direct vs 0.0031 ms separable DFT, at 12×12
    /// 0.0057 vs 0.0045 ms.
    /// </summary>
    public const int SeparableDftFromSiteCount = 144;

    /// <summary>
    /// Site count from which <see cref="MeanFieldMethod.Auto"/> uses MathNet's FFT, when every extent is a power of two
    /// (its radix-2 path; other lengths go through Bluestein at ≈ 20 µs per 1-D call and never win here). Measured:
    /// 64×64 0.61–0.85 ms FFT vs 0.69 ms separable DFT (a tie), 128×128 2.35 ms FFT vs ≈ 5 ms (DFT cost grows as N·L).
    /// Numbers: bench/NmrDsl.Benchmarks/Echo.
    /// </summary>
    public const int FftFromSiteCountPowerOfTwo = 4096;

    /// <summary>The method <see cref="MeanFieldMethod.Auto"/> uses for <paramref name="lattice"/>.</summary>
    public static MeanFieldMethod Choose(IPeriodicLattice lattice)
    {
        ArgumentNullException.ThrowIfNull(lattice);
        bool powersOfTwo = true;
        foreach (int extent in lattice.Extents)
        {
            powersOfTwo &= (extent & (extent - 1)) == 0;
        }

        if (powersOfTwo && lattice.SiteCount >= FftFromSiteCountPowerOfTwo)
        {
            return MeanFieldMethod.Fft;
        }

        return lattice.SiteCount >= SeparableDftFromSiteCount ? MeanFieldMethod.SeparableDft : MeanFieldMethod.DirectSum;
    }

    /// <summary>A solver for <paramref name="kernel"/> by <paramref name="method"/> (<see cref="Choose"/> for Auto).</summary>
    public static IMeanFieldSolver Create(LatticeKernel kernel, MeanFieldMethod method = MeanFieldMethod.Auto)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        if (method == MeanFieldMethod.Auto)
        {
            method = Choose(kernel.Lattice);
        }

        return method switch
        {
            MeanFieldMethod.Fft => new FftMeanField(kernel),
            MeanFieldMethod.DirectSum => new DirectSumMeanField(kernel),
            MeanFieldMethod.SeparableDft => new SeparableDftMeanField(kernel),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown mean-field method."),
        };
    }
}
