using System;
using System.Globalization;
using System.Text;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// Local identifiability of (α, ξ, p, d) from one echo curve M(t), at one parameter point, against the irreducible
/// noise of the random offset draw (reference: /work/shared/reference/echo-challenge.md §1.4). Features are the 2K real
/// numbers (Re M_k, Im M_k), k = 1 … K. All derivatives are per unit of the parameter (α in MHz, ξ in lattice units,
/// p and d dimensionless). Built by <see cref="EchoIdentifiability.Analyse"/>.
/// </summary>
public sealed record EchoIdentifiabilityReport
{
    /// <summary>Parameter names, <see cref="EchoParameters.Names"/>.</summary>
    public required string[] Names { get; init; }

    /// <summary>The point θ₀.</summary>
    public required double[] Values { get; init; }

    /// <summary>Central-difference steps h_j (absolute).</summary>
    public required double[] Steps { get; init; }

    /// <summary>Number of offset draws R.</summary>
    public required int Draws { get; init; }

    /// <summary>max over draws and features of |M(θ₀ + h_j e_j) − M(θ₀ − h_j e_j)|, same offsets: 0 to rounding when M does not depend on θ_j.</summary>
    public required double[] MaxAbsDifference { get; init; }

    /// <summary>RMS over features of S_j = mean over draws of ∂M/∂θ_j.</summary>
    public required double[] SensitivityRms { get; init; }

    /// <summary>RMS over features of the standard deviation of M(θ₀) across offset draws (the noise σ_f).</summary>
    public required double NoiseRms { get; init; }

    /// <summary>
    /// RMS_f(S_jf·w_j)/RMS_f(σ_f): the linearised change of M across the whole prior width w_j relative to the draw noise.
    /// Below ~1 the parameter is buried in the noise of a single curve.
    /// </summary>
    public required double[] SignalToNoise { get; init; }

    /// <summary>F_jk = Σ_f S_jf S_kf / σ_f², the Fisher information of one curve with independent Gaussian feature noise.</summary>
    public required double[,] Fisher { get; init; }

    /// <summary>Eigenvalues of F, ascending.</summary>
    public required double[] FisherEigenvalues { get; init; }

    /// <summary>1/√F_jj: Cramér–Rao bound on θ_j when the other three are known (+∞ when F_jj = 0).</summary>
    public required double[] CramerRaoAlone { get; init; }

    /// <summary>
    /// √(F⁻¹)_jj: Cramér–Rao bound on θ_j when all informative parameters are unknown. +∞ for a parameter that does not
    /// enter M (F_jj &lt; 1e-20 max F_kk), and for all of them when the informative block is singular (λ_min/λ_max &lt; 1e-12).
    /// </summary>
    public required double[] CramerRaoJoint { get; init; }

    /// <summary>Prior standard deviation w_j/√12 of the uniform sampling range: a bound at or above it means "not identifiable".</summary>
    public required double[] PriorStandardDeviation { get; init; }

    /// <summary>Cosine of the angle between the noise-weighted sensitivity vectors S_j/σ and S_k/σ (±1: only a combination is determined).</summary>
    public required double[,] SensitivityCosine { get; init; }

    /// <summary>A culture-invariant table of the above.</summary>
    public override string ToString()
    {
        var b = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        b.AppendLine(c, $"draws {Draws}, noise RMS {NoiseRms:E3}, Fisher eigenvalues [{string.Join(", ", Array.ConvertAll(FisherEigenvalues, v => v.ToString("E3", c)))}]");
        b.AppendLine(c, $"{"param",-6} {"value",10} {"step",10} {"max|dM|",10} {"S rms",10} {"S*w/noise",10} {"CRB alone",10} {"CRB joint",10} {"prior sd",10}");
        for (int j = 0; j < Names.Length; j++)
        {
            b.AppendLine(c, $"{Names[j],-6} {Values[j],10:G4} {Steps[j],10:E2} {MaxAbsDifference[j],10:E2} {SensitivityRms[j],10:E2} {SignalToNoise[j],10:E2} {CramerRaoAlone[j],10:E2} {CramerRaoJoint[j],10:E2} {PriorStandardDeviation[j],10:E2}");
        }

        return b.ToString();
    }
}
