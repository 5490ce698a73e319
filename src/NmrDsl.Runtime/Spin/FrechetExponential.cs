using System;
using System.Numerics;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// The Fréchet derivative of the propagator U = exp(−iHΔt) of a Hermitian H in its eigenbasis
/// (divided differences; /work/shared/reference/spin-dynamics.md §4.1, item 2, "eigenbasis"):
/// with H = V Λ V†, dU[E] = V [(V† (−iΔt E) V) ∘ Φ] V†, where
/// Φ_ab = (e^{μ_a} − e^{μ_b})/(μ_a − μ_b), μ = −iλΔt, and Φ_aa = e^{μ_a}.
/// </summary>
/// <remarks>
/// For μ purely imaginary the divided difference has the closed form
/// Φ_ab = exp(−i(λ_a + λ_b)Δt/2) · sinc((λ_a − λ_b)Δt/2), sinc x = sin x / x, which is exact and
/// well conditioned at (near-)degenerate eigenvalues (sinc by its Taylor series for |x| &lt; 1e-4),
/// so no special case is needed. One eigendecomposition per step serves every control direction.
/// </remarks>
public static class FrechetExponential
{
    /// <summary>The matrix Φ of divided differences for eigenvalues λ (rad/s) and step Δt (s).</summary>
    public static ComplexMatrix DividedDifferences(double[] eigenvalues, double stepSeconds)
    {
        ArgumentNullException.ThrowIfNull(eigenvalues);
        int n = eigenvalues.Length;
        var phi = new ComplexMatrix(n, n);
        var half = new Complex[n];
        for (int a = 0; a < n; a++) half[a] = Complex.FromPolarCoordinates(1, -eigenvalues[a] * stepSeconds / 2);
        for (int a = 0; a < n; a++)
        {
            for (int b = a; b < n; b++)
            {
                // Φ is symmetric: exp(−i(λa + λb)Δt/2) = half_a·half_b, sinc is even.
                double x = (eigenvalues[a] - eigenvalues[b]) * stepSeconds / 2;
                double sinc = Math.Abs(x) < 1e-4 ? 1 - (x * x / 6) + (x * x * x * x / 120) : Math.Sin(x) / x;
                Complex value = half[a] * half[b] * sinc;
                phi[a, b] = value;
                phi[b, a] = value;
            }
        }

        return phi;
    }

    /// <summary>dU[E] = ∂/∂ε exp(−i(H + εE)Δt) at ε = 0, from the eigendecomposition of H.</summary>
    public static ComplexMatrix Derivative(HermitianEigen eigen, ComplexMatrix direction, double stepSeconds)
    {
        ArgumentNullException.ThrowIfNull(eigen);
        ArgumentNullException.ThrowIfNull(direction);
        ComplexMatrix v = eigen.Vectors, vt = v.Adjoint();
        ComplexMatrix g = vt * direction * v;
        ComplexMatrix phi = DividedDifferences(eigen.Values, stepSeconds);
        Span<Complex> gd = g.Data;
        ReadOnlySpan<Complex> pd = phi.Data;
        var minusIDt = new Complex(0, -stepSeconds);
        for (int i = 0; i < gd.Length; i++) gd[i] *= minusIDt * pd[i];
        return v * g * vt;
    }
}
