namespace NmrDsl.Runtime.Echo;

/// <summary>How the mean field is evaluated.</summary>
public enum MeanFieldMethod
{
    /// <summary>The faster of the two for the lattice size (measured; see <see cref="MeanField.PrefersFft"/>).</summary>
    Auto,

    /// <summary>Periodic convolution by 2-D FFT, O(N log N) per step.</summary>
    Fft,

    /// <summary>The defining sum over all pairs, O(N²) per step.</summary>
    DirectSum,
}
