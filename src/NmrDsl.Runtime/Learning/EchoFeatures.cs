using System;

namespace NmrDsl.Runtime.Learning;

/// <summary>
/// Which samples of M(t) a model sees: the 0-based samples Start, Start + Stride, … below Start + Length (clipped to the
/// curve). Features are Re M then Im M over those samples; <see cref="Build"/> lays them out as [Re…, Im…] per curve,
/// which is both the MLP input (2L values) and the CNN input (2 channels × L).
/// </summary>
/// <param name="Start">First 0-based sample.</param>
/// <param name="Length">Samples spanned (before subsampling).</param>
/// <param name="Stride">Keep every Stride-th sample (1 = all).</param>
public sealed record EchoFeatures(int Start, int Length, int Stride)
{
    /// <summary>
    /// The seed notebook's window, <c>time_keep = range(210, 410)</c>: 200 samples around the echo at 0-based sample 313
    /// (reference /work/shared/reference/echo-challenge.md §3), 400 features.
    /// </summary>
    public static EchoFeatures BaselineWindow { get; } = new(210, 200, 1);

    /// <summary>All P samples.</summary>
    public static EchoFeatures Full(int points) => new(0, points, 1);

    /// <summary>Samples per channel L for curves of <paramref name="points"/> samples.</summary>
    public int SamplesFor(int points)
    {
        Validate(points);
        int end = Math.Min(points, Start + Length);
        return (end - Start + Stride - 1) / Stride;
    }

    /// <summary>Throws when the window does not fit curves of <paramref name="points"/> samples.</summary>
    public void Validate(int points)
    {
        if (Start < 0 || Length < 1 || Stride < 1 || Start >= points)
        {
            throw new ArgumentException($"The feature window (start {Start}, length {Length}, stride {Stride}) does not fit curves of {points} samples.");
        }
    }

    /// <summary>Row-major features [n, 2L] = [Re M(k₀), Re M(k₁), …, Im M(k₀), …] from interleaved curves (2P floats each).</summary>
    public float[] Build(float[][] curves, int points)
    {
        ArgumentNullException.ThrowIfNull(curves);
        int l = SamplesFor(points);
        var features = new float[curves.Length * 2 * l];
        for (int n = 0; n < curves.Length; n++)
        {
            float[] curve = curves[n];
            if (curve.Length != 2 * points)
            {
                throw new ArgumentException($"Curve {n} has {curve.Length / 2} samples, expected {points}.");
            }

            int row = n * 2 * l;
            for (int j = 0; j < l; j++)
            {
                int k = Start + j * Stride;
                features[row + j] = curve[2 * k];
                features[row + l + j] = curve[2 * k + 1];
            }
        }

        return features;
    }
}
