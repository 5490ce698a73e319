using System;
using System.Collections.Generic;
using System.Linq;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// The contrast reported for a sequence (docs/language-spin.md, "Glu/Gln contrast"): for each system, the
/// magnitude integral M = Σ_k |S_k| Δf and the real integral R = Σ_k Re S_k Δf over the FFT points of the
/// spectrum with ppm in the term's window (rectangle rule, <see cref="Spectrum"/> units: Σ_k S_k Δf = s(0)/2, so
/// one fully excited spin has area 1/2 over its whole line), simulated at the nominal field (no ensemble) with the sequence's acquisition;
/// the contrast is M(first maximised system) / M(first suppressed system). Magnitude integrals do not depend on
/// the receiver phase or on multiplet phase distortions, so PRESS, MEGA difference spectra and optimised
/// sequences are compared on the same footing.
/// </summary>
public static class ContrastMetric
{
    /// <summary>(M, R) of <paramref name="spectrum"/> over [lowPpm, highPpm].</summary>
    public static (double Magnitude, double Real) Integrals(Spectrum spectrum, double lowPpm, double highPpm)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        double df = Math.Abs(spectrum.ResolutionHz), magnitude = 0, real = 0;
        for (int k = 0; k < spectrum.Ppm.Length; k++)
        {
            if (spectrum.Ppm[k] < lowPpm || spectrum.Ppm[k] > highPpm) continue;
            magnitude += spectrum.Values[k].Magnitude * df;
            real += spectrum.Values[k].Real * df;
        }

        return (magnitude, real);
    }

    /// <summary>The spectrum of <paramref name="sequence"/> (minus <paramref name="subtracted"/>, if given) on <paramref name="system"/>, nominal member.</summary>
    public static Spectrum SpectrumOf(SpinSystem system, PulseSequence sequence, PulseSequence? subtracted = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(sequence);
        var simulator = new HilbertSimulator(system);
        Fid fid = simulator.Simulate(sequence);
        if (subtracted is not null)
        {
            Fid off = simulator.Simulate(subtracted);
            Fid.RequireCompatible(fid, off);
            fid = fid with { Points = fid.Points.Zip(off.Points, (a, b) => a - b).ToArray() };
        }

        return Spectrum.FromFid(fid);
    }

    /// <summary>One comparison row: per term (M, R) in term order, and the contrast (NaN without a suppressed term).</summary>
    public static (IReadOnlyList<(double Magnitude, double Real)> Terms, double Contrast) Row(IReadOnlyList<ContrastTerm> terms, PulseSequence sequence, PulseSequence? subtracted = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var cache = new Dictionary<SpinSystem, Spectrum>(ReferenceEqualityComparer.Instance);
        var values = new List<(double, double)>();
        foreach (ContrastTerm t in terms)
        {
            if (!cache.TryGetValue(t.System, out Spectrum? spectrum))
            {
                spectrum = SpectrumOf(t.System, sequence, subtracted);
                cache[t.System] = spectrum;
            }

            values.Add(Integrals(spectrum, t.LowPpm, t.HighPpm));
        }

        int signal = terms.ToList().FindIndex(t => !t.Suppress), background = terms.ToList().FindIndex(t => t.Suppress);
        double contrast = signal >= 0 && background >= 0 ? values[signal].Item1 / values[background].Item1 : double.NaN;
        return (values, contrast);
    }
}
