using System;

namespace NmrDsl.Runtime.Mas;

/// <summary>
/// A simulated 1-D MAS spectrum: intensity density (1/ppm) on a <see cref="PpmAxis"/>, so that Σ intensity × step is
/// the total site weight that fell inside the axis; <see cref="OutsideWeight"/> is what fell outside it.
/// </summary>
public sealed class MasSpectrum
{
    internal MasSpectrum(PpmAxis axis, double[] intensity, double outsideWeight)
    {
        Axis = axis;
        Intensity = intensity;
        OutsideWeight = outsideWeight;
    }

    /// <summary>The chemical-shift axis.</summary>
    public PpmAxis Axis { get; }

    /// <summary>Intensity density per bin centre (1/ppm).</summary>
    public double[] Intensity { get; }

    /// <summary>Site weight whose lines fell outside the axis (not in <see cref="Intensity"/>).</summary>
    public double OutsideWeight { get; }

    /// <summary>Area Σ I_i Δδ (weight units).</summary>
    public double Area()
    {
        double sum = 0;
        foreach (double value in Intensity)
        {
            sum += value;
        }

        return sum * Axis.Step;
    }

    /// <summary>First moment (centre of gravity) Σ δ_i I_i / Σ I_i (ppm).</summary>
    public double FirstMoment()
    {
        double weighted = 0, total = 0;
        for (int i = 0; i < Intensity.Length; i++)
        {
            weighted += Axis.At(i) * Intensity[i];
            total += Intensity[i];
        }

        return weighted / total;
    }
}
