using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NmrDsl.Runtime.Spin;
using static System.FormattableString;

namespace NmrDsl.Runtime.Mas;

/// <summary>
/// 1-D MAS spectra in the fast-spinning limit: the second-order-broadened central transition of half-integer quadrupolar
/// sites, powder-averaged over a ZCW set (<see cref="MasPowderPattern"/>), and isotropic lines of spin-½ sites. A list
/// of sites is a distribution of NMR parameters (e.g. one site per atom of a glass model with predicted δ_iso, C_Q, η):
/// its spectrum is the weighted sum of the site lineshapes.
/// </summary>
/// <remarks>
/// Each orientation's line position is deposited on the two neighbouring bin centres with linear (cloud-in-cell)
/// weights, which keeps the area and the first moment of the points exactly; the histogram is then convolved with a
/// Gaussian of the given FWHM (sampled on the bins out to ±6σ, normalised to unit sum). A FWHM below one bin gives the
/// bare histogram.
/// </remarks>
public sealed class MasSpectrumSimulator
{
    /// <summary>Sites per parallel work item of <see cref="Simulate(IEnumerable{QuadrupolarSite}, PpmAxis, double)"/>.</summary>
    public const int SitesPerChunk = 16;

    /// <summary>Simulator for <paramref name="isotope"/> at <paramref name="fieldTesla"/> T, ZCW index <paramref name="zcwIndex"/> (22 → 75,025 orientations).</summary>
    public MasSpectrumSimulator(Isotope isotope, double fieldTesla, int zcwIndex = 22)
    {
        ArgumentNullException.ThrowIfNull(isotope);
        if (!(fieldTesla > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(fieldTesla), Invariant($"B0 = {fieldTesla} T must be positive."));
        }

        Isotope = isotope;
        FieldTesla = fieldTesla;
        Orientations = PowderOrientations.Zcw(zcwIndex);
        Pattern = isotope.TwiceSpin >= 3 && isotope.TwiceSpin % 2 == 1 ? MasPowderPattern.Compute(Orientations) : null;
    }

    /// <summary>The observed nucleus.</summary>
    public Isotope Isotope { get; }

    /// <summary>B0 (T).</summary>
    public double FieldTesla { get; }

    /// <summary>The powder set.</summary>
    public PowderOrientations Orientations { get; }

    /// <summary>Rotor-averaged orientation factors (null for spin-½ nuclei).</summary>
    public MasPowderPattern? Pattern { get; }

    /// <summary>Larmor frequency |ν0| (Hz).</summary>
    public double LarmorHz => Math.Abs(Isotope.LarmorFrequencyHz(FieldTesla));

    /// <summary>Spectrum of quadrupolar sites on <paramref name="axis"/> with Gaussian broadening <paramref name="fwhmPpm"/> (ppm).</summary>
    public MasSpectrum Simulate(IEnumerable<QuadrupolarSite> sites, PpmAxis axis, double fwhmPpm)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(axis);
        MasPowderPattern pattern = Pattern ?? throw new InvalidOperationException(
            Invariant($"{Isotope.Symbol} is not a half-integer quadrupolar nucleus; use ChemicalShiftSite."));
        QuadrupolarSite[] all = [.. sites];
        double perOrientation = 1.0 / pattern.Count;
        // Parallel over fixed chunks of sites, each with its own histogram, summed in chunk order: the result does not
        // depend on the thread count or scheduling.
        int chunks = (all.Length + SitesPerChunk - 1) / SitesPerChunk;
        var partial = new double[chunks][];
        var partialOutside = new double[chunks];
        Parallel.For(0, chunks, c =>
        {
            var h = new double[axis.Points];
            double o = 0;
            for (int s = c * SitesPerChunk; s < Math.Min(all.Length, (c + 1) * SitesPerChunk); s++)
            {
                QuadrupolarSite site = all[s];
                double scale = SecondOrderQuadrupolar.ScalePpm(Isotope, FieldTesla, site.CqMHz);
                double w = site.Weight * perOrientation;
                for (int j = 0; j < pattern.Count; j++)
                {
                    o += Deposit(h, axis, site.IsotropicShiftPpm - scale * pattern.Q(j, site.Eta), w);
                }
            }

            partial[c] = h;
            partialOutside[c] = o;
        });
        var histogram = new double[axis.Points];
        double outside = 0;
        for (int c = 0; c < chunks; c++)
        {
            outside += partialOutside[c];
            for (int i = 0; i < histogram.Length; i++)
            {
                histogram[i] += partial[c][i];
            }
        }

        return Finish(histogram, axis, fwhmPpm, outside);
    }

    /// <summary>Spectrum of spin-½ sites (isotropic lines, fast-spinning limit) with Gaussian broadening <paramref name="fwhmPpm"/>.</summary>
    public MasSpectrum Simulate(IEnumerable<ChemicalShiftSite> sites, PpmAxis axis, double fwhmPpm)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(axis);
        var histogram = new double[axis.Points];
        double outside = 0;
        foreach (ChemicalShiftSite site in sites)
        {
            outside += Deposit(histogram, axis, site.IsotropicShiftPpm, site.Weight);
        }

        return Finish(histogram, axis, fwhmPpm, outside);
    }

    private static double Deposit(double[] histogram, PpmAxis axis, double ppm, double weight)
    {
        double x = (ppm - axis.MinPpm) / axis.Step;
        if (!(x >= 0 && x <= axis.Points - 1))
        {
            return weight;
        }

        int i = Math.Min((int)x, axis.Points - 2);
        double f = x - i;
        histogram[i] += weight * (1 - f);
        histogram[i + 1] += weight * f;
        return 0;
    }

    private static MasSpectrum Finish(double[] histogram, PpmAxis axis, double fwhmPpm, double outside)
    {
        if (!(fwhmPpm >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(fwhmPpm), Invariant($"FWHM {fwhmPpm} ppm must be ≥ 0."));
        }

        double[] broadened = fwhmPpm < axis.Step ? histogram : GaussianConvolve(histogram, fwhmPpm / axis.Step);
        for (int i = 0; i < broadened.Length; i++)
        {
            broadened[i] /= axis.Step;
        }

        return new MasSpectrum(axis, broadened, outside);
    }

    private static double[] GaussianConvolve(double[] values, double fwhmBins)
    {
        double sigma = fwhmBins / (2 * Math.Sqrt(2 * Math.Log(2)));
        int half = (int)Math.Ceiling(6 * sigma);
        var kernel = new double[2 * half + 1];
        double sum = 0;
        for (int k = -half; k <= half; k++)
        {
            kernel[k + half] = Math.Exp(-0.5 * k * k / (sigma * sigma));
            sum += kernel[k + half];
        }

        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] == 0)
            {
                continue;
            }

            for (int k = -half; k <= half; k++)
            {
                int target = i + k;
                if (target >= 0 && target < values.Length)
                {
                    result[target] += values[i] * kernel[k + half] / sum;
                }
            }
        }

        return result;
    }
}
