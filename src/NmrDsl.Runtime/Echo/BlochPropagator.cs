using System;
using System.Runtime.CompilerServices;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// Exact one-step propagation of one spin over dt with its Hamiltonian H = −b·I held constant (reference:
/// /work/shared/reference/echo-challenge.md §1.3, "Stepping": ρ_L ← exp((−iL_H + J)dt) ρ_L, with Lindblad dephasing
/// dρ/dt = −i[H, ρ] + Γ(I_z ρ I_z − ρ/4), Γ = 10^−d). Written for the Bloch vector s = Tr(Iρ): in the basis
/// (½𝟙, Iₓ, I_y, I_z) the 4×4 Liouvillian is block-diagonal, the identity component is invariant (trace), and the
/// other three obey ds/dt = A s, the equivalent form of §1.3:
/// <code>
/// ds/dt = s × b − (Γ/2)(sₓ, s_y, 0),   A = [[−g, b_z, −b_y], [−b_z, −g, bₓ], [b_y, −bₓ, 0]],   g = Γ/2   [per time unit]
/// </code>
/// so exp(A dt) is the reference's 4×4 exponential restricted to its non-trivial block (checked against an explicit
/// 4×4 Liouville exponential in tests/NmrDsl.Runtime.Tests/Echo).
/// </summary>
public static class BlochPropagator
{
    private const double TermTolerance = 8.673617379884035e-19; // 2^-60: |s| ≤ ½, so below 2^-59 relative to |s|
    private const double MaxSubstepNorm = 0.5;

    /// <summary>
    /// Γ = 0: the new Bloch vector under the 2×2 propagator exp(i b·I dt) ∈ SU(2) acts on s as the rotation about b̂ by −|b|dt (Rodrigues):
    /// s' = s cos φ + (b̂ × s) sin φ + b̂(b̂·s)(1 − cos φ), φ = −|b|dt. Exact to rounding; conserves |s|.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double X, double Y, double Z) Rotate(double sx, double sy, double sz, double bx, double by, double bz, double dt)
    {
        double norm = Math.Sqrt(bx * bx + by * by + bz * bz);
        if (norm == 0)
        {
            return (sx, sy, sz);
        }

        double nx = bx / norm, ny = by / norm, nz = bz / norm;
        (double sin, double cos) = Math.SinCos(-norm * dt);
        double dot = (nx * sx + ny * sy + nz * sz) * (1 - cos);
        double cx = ny * sz - nz * sy;
        double cy = nz * sx - nx * sz;
        double cz = nx * sy - ny * sx;
        double x = sx * cos + cx * sin + nx * dot;
        double y = sy * cos + cy * sin + ny * dot;
        double z = sz * cos + cz * sin + nz * dot;
        return (x, y, z);
    }

    /// <summary>
    /// Γ ≥ 0: the new Bloch vector exp(A dt) s. The exponential is summed as its Taylor series applied to s, term_n = (A h/n) term_{n−1},
    /// until a term's largest component is below 2⁻⁶⁰ (under 2⁻⁵⁹ relative to |s| ≤ ½, i.e. below double rounding);
    /// h = dt/q with q = ⌈‖A‖dt/0.5⌉ sub-steps, ‖A‖ ≤ |b| + g, so every term is at most 0.5ⁿ/n! of s and the series
    /// has no cancellation. exp(A dt) = exp(A h)^q exactly because A is constant over the step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double X, double Y, double Z) Propagate(double sx, double sy, double sz, double bx, double by, double bz, double g, double dt)
    {
        double bound = (Math.Sqrt(bx * bx + by * by + bz * bz) + g) * dt;
        int substeps = bound <= MaxSubstepNorm ? 1 : (int)Math.Ceiling(bound / MaxSubstepNorm);
        double h = dt / substeps;
        for (int q = 0; q < substeps; q++)
        {
            double tx = sx, ty = sy, tz = sz;
            double ax = sx, ay = sy, az = sz;
            for (int n = 1; n <= 40; n++)
            {
                double f = h / n;
                double ux = (-g * tx + bz * ty - by * tz) * f;
                double uy = (-bz * tx - g * ty + bx * tz) * f;
                double uz = (by * tx - bx * ty) * f;
                tx = ux;
                ty = uy;
                tz = uz;
                ax += tx;
                ay += ty;
                az += tz;
                if (Math.Max(Math.Abs(tx), Math.Max(Math.Abs(ty), Math.Abs(tz))) < TermTolerance)
                {
                    break;
                }
            }

            sx = ax;
            sy = ay;
            sz = az;
        }

        return (sx, sy, sz);
    }
}
