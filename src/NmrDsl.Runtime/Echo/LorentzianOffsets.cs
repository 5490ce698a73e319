using System;
using System.Numerics;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// Site disorder of the echo challenge (reference: /work/shared/reference/echo-challenge.md §1.3, "Spins and disorder"):
/// the resonance frequencies ν_i [MHz] are drawn i.i.d., with replacement and independently of position, from a
/// uniform grid of <see cref="GridPoints"/> points on [ν₀ − bw/2, ν₀ + bw/2] weighted by the Lorentzian
/// L(ν) = (1/π)(w/2)/((ν − ν₀)² + (w/2)²) of FWHM w. Defaults: ν₀ = 10 MHz, bw = 0.5 MHz, w = 0.05 MHz, 2,500 grid
/// points. The simulation uses the offsets Δ_i = ν_i − ν₀ [MHz]. A fresh draw is made for every curve.
/// </summary>
/// <param name="CarrierMHz">ν₀ [MHz], the rotating-frame frequency.</param>
/// <param name="FullWidthMHz">w [MHz], the Lorentzian FWHM.</param>
/// <param name="WindowMHz">bw [MHz], the width of the grid window centred on ν₀.</param>
/// <param name="GridPoints">number of grid points (2,500 in the reference, the same as its spin count).</param>
public sealed record LorentzianOffsets(double CarrierMHz = 10.0, double FullWidthMHz = 0.05, double WindowMHz = 0.5, int GridPoints = 2500)
{
    /// <summary>The reference's distribution.</summary>
    public static LorentzianOffsets Reference { get; } = new();

    /// <summary>Offsets Δ_g = ν_g − ν₀ [MHz] of the grid, g = 0 … G−1: ν_g = ν₀ − bw/2 + g·bw/(G−1).</summary>
    public double[] GridOffsets()
    {
        Validate();
        var grid = new double[GridPoints];
        double step = WindowMHz / (GridPoints - 1);
        for (int g = 0; g < GridPoints; g++)
        {
            grid[g] = (CarrierMHz - WindowMHz / 2 + g * step) - CarrierMHz;
        }

        return grid;
    }

    /// <summary>Normalised probabilities p_g = L(ν_g)/Σ L of the grid points.</summary>
    public double[] GridProbabilities()
    {
        double[] grid = GridOffsets();
        double half = FullWidthMHz / 2;
        var p = new double[grid.Length];
        double total = 0;
        for (int g = 0; g < grid.Length; g++)
        {
            p[g] = (1 / Math.PI) * half / (grid[g] * grid[g] + half * half);
            total += p[g];
        }

        for (int g = 0; g < p.Length; g++)
        {
            p[g] /= total;
        }

        return p;
    }

    /// <summary>
    /// Draws <paramref name="count"/> offsets Δ_i [MHz] from <paramref name="random"/>: for each spin, in site order, one
    /// uniform u ∈ [0, 1) and the first grid point whose cumulative weight (running sum of L(ν_g), unnormalised)
    /// exceeds u·Σ L (inverse-CDF sampling of the categorical distribution).
    /// </summary>
    public double[] Draw(EchoRandom random, int count)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        double[] grid = GridOffsets();
        double half = FullWidthMHz / 2;
        var cumulative = new double[grid.Length];
        double total = 0;
        for (int g = 0; g < grid.Length; g++)
        {
            total += (1 / Math.PI) * half / (grid[g] * grid[g] + half * half);
            cumulative[g] = total;
        }

        var offsets = new double[count];
        for (int i = 0; i < count; i++)
        {
            double target = random.NextDouble() * total;
            int index = Array.BinarySearch(cumulative, target);
            index = index >= 0 ? index + 1 : ~index;    // first g with cumulative[g] > target
            offsets[i] = grid[Math.Min(index, grid.Length - 1)];
        }

        return offsets;
    }

    /// <summary>Draws N offsets for one curve from the seed: <c>Draw(new EchoRandom(seed), count)</c>.</summary>
    public double[] Draw(ulong seed, int count) => Draw(new EchoRandom(seed), count);

    /// <summary>
    /// The exact expectation over the draw of one spin's phase factor, φ(s) = E[e^{−iΔ s}] = Σ_g p_g e^{−iΔ_g s}
    /// (s dimensionless time, t = γ t_phys with γ = 2π·10⁶ s⁻¹). In the continuum, untruncated limit φ(s) → e^{−(w/2)|s|};
    /// the window removes 1 − (2/π)·atan(bw/w) ≈ 6.3 % of the Lorentzian's weight (reference §1.3, closed form).
    /// </summary>
    public Complex CharacteristicFunction(double s)
    {
        double[] grid = GridOffsets();
        double[] p = GridProbabilities();
        double re = 0, im = 0;
        for (int g = 0; g < grid.Length; g++)
        {
            re += p[g] * Math.Cos(grid[g] * s);
            im -= p[g] * Math.Sin(grid[g] * s);
        }

        return new Complex(re, im);
    }

    private void Validate()
    {
        if (GridPoints < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(GridPoints), GridPoints, "The offset grid needs at least 2 points.");
        }

        if (!(FullWidthMHz > 0) || !(WindowMHz > 0) || !double.IsFinite(CarrierMHz))
        {
            throw new ArgumentOutOfRangeException(nameof(FullWidthMHz), "Linewidth and window must be positive and the carrier finite.");
        }
    }
}
