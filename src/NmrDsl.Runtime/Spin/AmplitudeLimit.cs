using System;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// A smooth map from unconstrained optimisation variables to RF controls that respect a peak
/// amplitude: per step, u = A · tanh(r)/r · v with v = (v_x, v_y), r = |v|, so |u| = A tanh r &lt; A.
/// </summary>
/// <remarks>
/// Why a map and not bounds: the limit is on the amplitude √(u_x² + u_y²), a disc per step, which
/// box constraints (MathNet's BfgsBMinimizer) cannot express, while MathNet's
/// LimitedMemoryBfgsMinimizer is unconstrained. tanh(r)/r is an even analytic function of r, so the
/// map is smooth everywhere (including v = 0, where u ≈ A v) and phases are unrestricted.
/// Jacobian: ∂u_i/∂v_j = A[g δ_ij + h v_i v_j], g = tanh(r)/r, h = g'(r)/r = (r sech²r − tanh r)/r³
/// (series −2/3 + 8r²/15 for small r).
/// </remarks>
public sealed class AmplitudeLimit
{
    /// <summary>Creates the map for the peak amplitude <paramref name="maxAmplitudeHz"/> (Hz).</summary>
    public AmplitudeLimit(double maxAmplitudeHz)
    {
        if (!(maxAmplitudeHz > 0) || !double.IsFinite(maxAmplitudeHz)) throw new ArgumentException(Invariant($"The amplitude limit must be positive and finite, got {maxAmplitudeHz} Hz."), nameof(maxAmplitudeHz));
        MaxAmplitudeHz = maxAmplitudeHz;
    }

    /// <summary>The peak amplitude A, Hz.</summary>
    public double MaxAmplitudeHz { get; }

    /// <summary>Controls [u_x…, u_y…] from variables [v_x…, v_y…].</summary>
    public void ToControls(ReadOnlySpan<double> variables, Span<double> controls)
    {
        int m = variables.Length / 2;
        for (int j = 0; j < m; j++)
        {
            (double g, _) = Factors(variables[j], variables[m + j]);
            controls[j] = MaxAmplitudeHz * g * variables[j];
            controls[m + j] = MaxAmplitudeHz * g * variables[m + j];
        }
    }

    /// <summary>Variables from controls (amplitudes above 0.999 A are pulled back to 0.999 A).</summary>
    public void ToVariables(ReadOnlySpan<double> controls, Span<double> variables)
    {
        int m = controls.Length / 2;
        for (int j = 0; j < m; j++)
        {
            double ux = controls[j], uy = controls[m + j], a = Math.Sqrt((ux * ux) + (uy * uy));
            if (a == 0)
            {
                variables[j] = variables[m + j] = 0;
                continue;
            }

            double r = Math.Atanh(Math.Min(a / MaxAmplitudeHz, 0.999));
            variables[j] = ux / a * r;
            variables[m + j] = uy / a * r;
        }
    }

    /// <summary>∂f/∂v from ∂f/∂u (chain rule through the map).</summary>
    public void PullBack(ReadOnlySpan<double> variables, ReadOnlySpan<double> controlGradient, Span<double> variableGradient)
    {
        int m = variables.Length / 2;
        for (int j = 0; j < m; j++)
        {
            double vx = variables[j], vy = variables[m + j];
            (double g, double h) = Factors(vx, vy);
            double gx = controlGradient[j], gy = controlGradient[m + j], dot = (vx * gx) + (vy * gy);
            variableGradient[j] = MaxAmplitudeHz * ((g * gx) + (h * vx * dot));
            variableGradient[m + j] = MaxAmplitudeHz * ((g * gy) + (h * vy * dot));
        }
    }

    private static (double G, double H) Factors(double vx, double vy)
    {
        double r2 = (vx * vx) + (vy * vy), r = Math.Sqrt(r2);
        if (r < 1e-3) return (1 - (r2 / 3) + (2 * r2 * r2 / 15), (-2.0 / 3) + (8 * r2 / 15));
        double t = Math.Tanh(r), sech2 = 1 - (t * t);
        return (t / r, ((r * sech2) - t) / (r2 * r));
    }
}
