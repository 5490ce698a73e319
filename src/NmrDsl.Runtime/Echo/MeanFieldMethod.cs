namespace NmrDsl.Runtime.Echo;

/// <summary>How the mean field is evaluated.</summary>
public enum MeanFieldMethod
{
    /// <summary>The fastest for the lattice size (measured; see <see cref="MeanField.Choose"/>).</summary>
    Auto,

    /// <summary>Periodic convolution by 2-D FFT (MathNet.Numerics), O(N log N) per step.</summary>
    Fft,

    /// <summary>Periodic convolution with the 2-D DFT as two dense matrix products, O(N(L₀ + L₁)) per step.</summary>
    SeparableDft,

    /// <summary>The defining sum over all pairs, O(N²) per step.</summary>
    DirectSum,
}
