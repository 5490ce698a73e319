namespace NmrDsl.Runtime.Pde;

/// <summary>
/// Characteristic scales that make a diffusion–reaction problem dimensionless before it is
/// integrated (DESIGN.md: "the runtime nondimensionalises automatically").
/// </summary>
/// <remarks>
/// With ξ = x / L, τ = t / T and Ã = A / C, the equation
/// <c>A du/dt = x^-k d/dx(x^k K du/dx) + S0 + S1 u</c> becomes
/// <c>Ã du/dτ = ξ^-k d/dξ(ξ^k K̃ du/dξ) + S̃0 + S̃1 u</c> with
/// K̃ = K T / (C L²), S̃0 = S0 T / C, S̃1 = S1 T / C; the field u keeps its own unit.
/// <para>
/// T is the final time rather than a diffusive time L²/K: τ then always runs over [0, 1], the
/// first step and the output times are O(1) whatever the problem, and no single "representative"
/// K has to be chosen for composite media whose diffusivities differ by orders of magnitude. The
/// stiffness (K̃ / Δξ² ≫ 1) is what the L-stable implicit integrator is for.
/// L is the domain extent (End − Start) and ξ = x / L is not shifted, so r^k stays the metric.
/// C is the volume-averaged capacity at t = 0 (so Ã = O(1), e.g. 75 mol/L → 1).
/// </para>
/// </remarks>
/// <param name="Length">L, m.</param>
/// <param name="Time">T, s.</param>
/// <param name="Capacity">C, in the capacity's SI unit.</param>
/// <param name="Field">Magnitude U of the field over the run, in the field's unit (sets the default absolute tolerance).</param>
public sealed record Scales(double Length, double Time, double Capacity, double Field)
{
    /// <summary>ξ = x / L.</summary>
    public double Position(double x) => x / Length;

    /// <summary>τ = t / T.</summary>
    public double DimensionlessTime(double t) => t / Time;

    /// <summary>t = τ T, s.</summary>
    public double SiTime(double tau) => tau * Time;

    /// <summary>Ã = A / C.</summary>
    public double ScaleCapacity(double capacity) => capacity / Capacity;

    /// <summary>K̃ = K T / (C L²).</summary>
    public double ScaleDiffusivity(double diffusivity) => diffusivity * Time / (Capacity * Length * Length);

    /// <summary>S̃0 = S0 T / C.</summary>
    public double ScaleSourceConstant(double source) => source * Time / Capacity;

    /// <summary>S̃1 = S1 T / C.</summary>
    public double ScaleSourceLinear(double rate) => rate * Time / Capacity;

    /// <summary>du/dñ = L du/dn (Neumann value).</summary>
    public double ScaleGradient(double gradient) => gradient * Length;

    /// <summary>q̃ = q T / (C L) for a diffusive flux density q = −K du/dn.</summary>
    public double ScaleFluxDensity(double flux) => flux * Time / (Capacity * Length);

    /// <summary>q = q̃ C L / T: back to SI.</summary>
    public double SiFluxDensity(double flux) => flux * Capacity * Length / Time;
}
