using System;
using System.Numerics;
using NmrDsl.Runtime.Echo;

namespace NmrDsl.Runtime.Tests.Echo;

/// <summary>
/// The Bloch-form step equals the reference's 4×4 Liouville exponential, and the ideal pulses are the reference's
/// rotations (reference: /work/shared/reference/echo-challenge.md §1.3).
/// </summary>
public sealed class PropagatorTests
{
    /// <summary>
    /// 200 random (s, b, Γ, dt) with |b| up to 0.6 MHz (beyond the reference's ≈ 0.3), Γ ∈ {0, 10^−6 … 10^−1}, dt ∈ {2, 5}:
    /// <see cref="BlochPropagator.Propagate"/> and, for Γ = 0, <see cref="BlochPropagator.Rotate"/> match
    /// <see cref="LiouvilleReference.Step"/> to 1e-14 absolute per component (|s| ≤ ½; measured worst ≈ 1e-16).
    /// </summary>
    [Fact]
    public void BlochStepMatchesFourByFourLiouvilleExponential()
    {
        var random = new EchoRandom(7);
        double worst = 0;
        for (int trial = 0; trial < 200; trial++)
        {
            double sx = random.NextDouble() - 0.5, sy = random.NextDouble() - 0.5, sz = random.NextDouble() - 0.5;
            double norm = Math.Sqrt(sx * sx + sy * sy + sz * sz) * 2 / (0.5 + random.NextDouble());
            sx /= norm;
            sy /= norm;
            sz /= norm;
            double bx = 1.2 * (random.NextDouble() - 0.5), by = 1.2 * (random.NextDouble() - 0.5), bz = 1.2 * (random.NextDouble() - 0.5);
            double gamma = trial % 6 == 0 ? 0 : Math.Pow(10, -(trial % 6));
            double dt = trial % 2 == 0 ? 2 : 5;
            (double X, double Y, double Z) expected = LiouvilleReference.ToBloch(LiouvilleReference.Step(LiouvilleReference.FromBloch(sx, sy, sz), bx, by, bz, gamma, dt));
            (double px, double py, double pz) = BlochPropagator.Propagate(sx, sy, sz, bx, by, bz, gamma / 2, dt);
            worst = Math.Max(worst, Math.Max(Math.Abs(px - expected.X), Math.Max(Math.Abs(py - expected.Y), Math.Abs(pz - expected.Z))));
            if (gamma == 0)
            {
                (double rx, double ry, double rz) = BlochPropagator.Rotate(sx, sy, sz, bx, by, bz, dt);
                worst = Math.Max(worst, Math.Max(Math.Abs(rx - expected.X), Math.Max(Math.Abs(ry - expected.Y), Math.Abs(rz - expected.Z))));
            }
        }

        Assert.True(worst < 1e-14, $"worst deviation {worst:E3}");
    }

    /// <summary>
    /// The vectorised batch step equals the scalar step: 103 spins (a scalar tail after the vector lanes) with |b| up to
    /// 1.3 MHz (so up to 6 sub-steps at dt = 2), Γ = 10⁻³; tolerance 1e-15 absolute per component (both sum the same
    /// series to below 2⁻⁶⁰; they differ only in where they stop). Also: one plan for the reference's largest field,
    /// |b| ≈ 0.35 MHz at dt = 2, is 2 sub-steps of at most 16 terms.
    /// </summary>
    [Fact]
    public void BatchStepMatchesScalarStep()
    {
        const int n = 103;
        var random = new EchoRandom(21);
        double[] x = new double[n], y = new double[n], z = new double[n], bx = new double[n], by = new double[n], bz = new double[n];
        double maxField = 0;
        for (int i = 0; i < n; i++)
        {
            x[i] = 0.3 * (random.NextDouble() - 0.5);
            y[i] = 0.3 * (random.NextDouble() - 0.5);
            z[i] = 0.3 * (random.NextDouble() - 0.5);
            bx[i] = 1.5 * (random.NextDouble() - 0.5);
            by[i] = 1.5 * (random.NextDouble() - 0.5);
            bz[i] = 0.5 * (random.NextDouble() - 0.5);
            maxField = Math.Max(maxField, Math.Sqrt(bx[i] * bx[i] + by[i] * by[i] + bz[i] * bz[i]));
        }

        double[] ex = (double[])x.Clone(), ey = (double[])y.Clone(), ez = (double[])z.Clone();
        const double g = 5e-4;
        var plan = BlochBatchPropagator.Plan(maxField, g, 2);
        BlochBatchPropagator.Propagate(x, y, z, bx, by, bz, g, 2, plan, 0, n);
        double worst = 0;
        for (int i = 0; i < n; i++)
        {
            (ex[i], ey[i], ez[i]) = BlochPropagator.Propagate(ex[i], ey[i], ez[i], bx[i], by[i], bz[i], g, 2);
            worst = Math.Max(worst, Math.Max(Math.Abs(x[i] - ex[i]), Math.Max(Math.Abs(y[i] - ey[i]), Math.Abs(z[i] - ez[i]))));
        }

        Assert.True(worst < 1e-15, $"worst {worst:E3} with plan {plan}");
        Assert.True(plan.Substeps >= 5, $"plan {plan}");
        (int substeps, int terms) = BlochBatchPropagator.Plan(0.35, 5e-4, 2);
        Assert.Equal(2, substeps);
        Assert.InRange(terms, 10, 16);
    }

    /// <summary>90ₓ takes |↑⟩ to s = (0, −½, 0), M(0⁺) = −i/2; 180_y maps (sₓ, s_y, s_z) → (−sₓ, s_y, −s_z). Exact.</summary>
    [Fact]
    public void IdealPulsesAreTheReferenceRotations()
    {
        Assert.Equal((0.0, -0.5, 0.0), IdealPulses.NinetyX(0, 0, 0.5));
        Assert.Equal((-0.1, 0.2, -0.3), IdealPulses.OneEightyY(0.1, 0.2, 0.3));
        // exp(−i(π/2)Iₓ) on ρ: compare with the Liouville reference of H = −b·I with b = (−π/2, 0, 0)/dt… i.e. U = exp(iφ b̂·I).
        Complex[] rho = LiouvilleReference.Step(LiouvilleReference.FromBloch(0, 0, 0.5), -Math.PI / 2, 0, 0, 0, 1);
        (double x, double y, double z) = LiouvilleReference.ToBloch(rho);
        Assert.Equal(0.0, x, 14);
        Assert.Equal(-0.5, y, 14);
        Assert.Equal(0.0, z, 14);
    }
}
