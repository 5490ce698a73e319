using System;
using System.Numerics;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// The step of <see cref="BlochPropagator.Propagate"/> for many spins at once, vectorised over spins with
/// <see cref="Vector{T}"/>: s_i ← exp(A_i dt) s_i with A_i = [[−g, b_iz, −b_iy], [−b_iz, −g, b_ix], [b_iy, −b_ix, 0]]
/// (reference /work/shared/reference/echo-challenge.md §1.3, Bloch form of the 4×4 Liouville step). Instead of stopping
/// each spin's Taylor series at its own small term, the whole batch uses one plan — q sub-steps of h = dt/q and n terms —
/// chosen from the largest ‖A_i‖ ≤ |b_i| + g of the batch so that the truncation bound θⁿ⁺¹/(n+1)!·e^θ (θ = ‖A‖h ≤ ½)
/// is below 2⁻⁶⁰ (under 2⁻⁵⁹ relative to |s| ≤ ½). Every spin then goes through the same operations in the same order
/// whether it sits in a vector lane or in the scalar tail, so results do not depend on vector width or on how spins
/// are split between threads.
/// </summary>
public static class BlochBatchPropagator
{
    private const double Tolerance = 8.673617379884035e-19; // 2^-60
    private const double MaxSubstepNorm = 0.5;

    /// <summary>The plan (q sub-steps, n Taylor terms) for a batch whose largest |b_i| is <paramref name="maxField"/> [MHz].</summary>
    public static (int Substeps, int Terms) Plan(double maxField, double g, double dt)
    {
        double bound = (maxField + g) * dt;
        int substeps = bound <= MaxSubstepNorm ? 1 : (int)Math.Ceiling(bound / MaxSubstepNorm);
        double theta = bound / substeps;
        double term = 1;
        int n = 0;
        while (n < 40)
        {
            n++;
            term *= theta / n;
            if (term * theta / (n + 1) * Math.Exp(theta) < Tolerance)
            {
                break;
            }
        }

        return (substeps, n);
    }

    /// <summary>
    /// Propagates spins [<paramref name="from"/>, <paramref name="to"/>) of the Bloch arrays by dt with fields (bx, by, bz) [MHz]
    /// and transverse damping g = Γ/2, using the plan of <see cref="Plan"/> (the same plan for every spin of a step).
    /// </summary>
    public static void Propagate(double[] x, double[] y, double[] z, double[] bx, double[] by, double[] bz, double g, double dt, (int Substeps, int Terms) plan, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(bx);
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(bz);
        double h = dt / plan.Substeps;
        Span<double> factors = stackalloc double[plan.Terms + 1];
        for (int n = 1; n <= plan.Terms; n++)
        {
            factors[n] = h / n;
        }

        int width = Vector<double>.Count;
        var minusG = new Vector<double>(-g);
        int i = from;
        for (; i + width <= to; i += width)
        {
            var sx = new Vector<double>(x, i);
            var sy = new Vector<double>(y, i);
            var sz = new Vector<double>(z, i);
            var vx = new Vector<double>(bx, i);
            var vy = new Vector<double>(by, i);
            var vz = new Vector<double>(bz, i);
            for (int q = 0; q < plan.Substeps; q++)
            {
                Vector<double> tx = sx, ty = sy, tz = sz, ax = sx, ay = sy, az = sz;
                for (int n = 1; n <= plan.Terms; n++)
                {
                    var f = new Vector<double>(factors[n]);
                    Vector<double> ux = (minusG * tx + vz * ty - vy * tz) * f;
                    Vector<double> uy = (-vz * tx + minusG * ty + vx * tz) * f;
                    Vector<double> uz = (vy * tx - vx * ty) * f;
                    tx = ux;
                    ty = uy;
                    tz = uz;
                    ax += tx;
                    ay += ty;
                    az += tz;
                }

                sx = ax;
                sy = ay;
                sz = az;
            }

            sx.CopyTo(x, i);
            sy.CopyTo(y, i);
            sz.CopyTo(z, i);
        }

        for (; i < to; i++)
        {
            double sx = x[i], sy = y[i], sz = z[i], vx = bx[i], vy = by[i], vz = bz[i];
            for (int q = 0; q < plan.Substeps; q++)
            {
                double tx = sx, ty = sy, tz = sz, ax = sx, ay = sy, az = sz;
                for (int n = 1; n <= plan.Terms; n++)
                {
                    double f = factors[n];
                    double ux = (-g * tx + vz * ty - vy * tz) * f;
                    double uy = (-vz * tx + -g * ty + vx * tz) * f;
                    double uz = (vy * tx - vx * ty) * f;
                    tx = ux;
                    ty = uy;
                    tz = uz;
                    ax += tx;
                    ay += ty;
                    az += tz;
                }

                sx = ax;
                sy = ay;
                sz = az;
            }

            x[i] = sx;
            y[i] = sy;
            z[i] = sz;
        }
    }
}
