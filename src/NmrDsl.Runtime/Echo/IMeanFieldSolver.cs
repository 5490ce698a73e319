using System;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// Computes the local mean field m_i = Σ_{j≠i} K_ij Tr(I⁺ρ_j) = Σ_{j≠i} K_ij (s_jx + i s_jy) (reference:
/// /work/shared/reference/echo-challenge.md §1.3, "Local mean field"), dimensionless like s. Instances hold scratch
/// buffers: one per simulation, not shared between threads.
/// </summary>
public interface IMeanFieldSolver
{
    /// <summary>Writes Re m_i into <paramref name="mx"/> and Im m_i into <paramref name="my"/>, from the transverse Bloch components.</summary>
    void Compute(ReadOnlySpan<double> sx, ReadOnlySpan<double> sy, Span<double> mx, Span<double> my);
}

/// <summary>How the mean field is evaluated.</summary>
public enum MeanFieldMethod
{
    /// <summary>The faster of the two for the lattice size (measured; see <see cref="MeanField.Create"/>).</summary>
    Auto,

    /// <summary>Periodic convolution by 2-D FFT, O(N log N) per step.</summary>
    Fft,

    /// <summary>The defining sum over all pairs, O(N²) per step.</summary>
    DirectSum,
}

/// <summary>Chooses and builds a mean-field solver.</summary>
public static class MeanField
{
    /// <summary>
    /// Site count from which <see cref="MeanFieldMethod.Auto"/> uses the FFT. Measured (bench/NmrDsl.Benchmarks/Echo,
    /// 2 cores, .NET 10, MathNet.Numerics 5.0.0): see the constant's value and the benchmark's table.
    /// </summary>
    public const int FftFromSiteCount = 64;

    /// <summary>A solver for <paramref name="kernel"/> by <paramref name="method"/>.</summary>
    public static IMeanFieldSolver Create(LatticeKernel kernel, MeanFieldMethod method = MeanFieldMethod.Auto)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return method switch
        {
            MeanFieldMethod.Fft => new FftMeanField(kernel),
            MeanFieldMethod.DirectSum => new DirectSumMeanField(kernel),
            MeanFieldMethod.Auto => kernel.Lattice.SiteCount >= FftFromSiteCount ? new FftMeanField(kernel) : new DirectSumMeanField(kernel),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown mean-field method."),
        };
    }
}
