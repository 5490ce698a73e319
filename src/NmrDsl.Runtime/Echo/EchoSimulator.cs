using System;
using System.Numerics;
using System.Threading.Tasks;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// Mean-field simulation of one Hahn echo of interacting spins (reference: /work/shared/reference/echo-challenge.md
/// §1.3). Each spin i carries its own state (product-state ansatz) as a Bloch vector s_i = Tr(Iρ_i), starts in |↑⟩, is
/// rotated by the ideal 90ₓ pulse, and is propagated over each step k = 1 … 3n_τ (t_k = k·dt):
/// <list type="number">
/// <item>the mean field m_i = Σ_{j≠i} K_ij (s_jx + i s_jy) from the state at the start of the step (explicit in m; after
/// step n_τ the state is the one after the 180_y pulse);</item>
/// <item>the effective field b_i of <see cref="EchoHamiltonian"/> at t = t_k (the generator advances t before
/// building H);</item>
/// <item>s_i ← exp(A_i dt) s_i, exact per spin, with Γ = 10^−d: a rotation (<see cref="BlochPropagator.Rotate"/>) when
/// Γ = 0, otherwise the vectorised series of <see cref="BlochBatchPropagator"/>; at α = 0 the field is constant and the
/// per-spin exponential is tabulated once;</item>
/// <item>M_k = (1/N) Σ_i (s_ix + i s_iy), summed in site order.</item>
/// </list>
/// Spins are updated independently within a step and M_k is summed sequentially, so the result does not depend on
/// <see cref="EchoModel.SpinParallelism"/>: same inputs, bit-identical curve.
/// </summary>
public static class EchoSimulator
{
    /// <summary>One curve for <paramref name="parameters"/> with offsets drawn from <paramref name="seed"/> (the dataset unit).</summary>
    public static EchoCurve Simulate(EchoModel model, EchoParameters parameters, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        double[] offsets = model.Offsets.Draw(seed, model.Lattice.SiteCount);
        return new EchoCurve(parameters, seed, Simulate(model, parameters, offsets), model.TimeGrid.Times());
    }

    /// <summary>M_k for given offsets Δ_i [MHz] (one per site, site order): for common random numbers across parameter values.</summary>
    public static Complex[] Simulate(EchoModel model, EchoParameters parameters, double[] offsets)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(parameters);
        IMeanFieldSolver? meanField = parameters.Alpha == 0 ? null : MeanField.Create(model.CreateLatticeKernel(parameters), model.MeanField);
        return Simulate(model, parameters, offsets, meanField);
    }

    /// <summary>
    /// M_k with a prepared mean-field solver (null only when α = 0, where the field does not enter). When
    /// <paramref name="finalBloch"/> is given (length 3N) it receives the final Bloch vectors, (sₓ, s_y, s_z) per site.
    /// </summary>
    public static Complex[] Simulate(EchoModel model, EchoParameters parameters, double[] offsets, IMeanFieldSolver? meanField, double[]? finalBloch = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(offsets);
        int n = model.Lattice.SiteCount;
        if (offsets.Length != n)
        {
            throw new ArgumentException($"Expected {n} offsets (one per site), got {offsets.Length}.", nameof(offsets));
        }

        if (parameters.Alpha != 0 && meanField is null)
        {
            throw new ArgumentNullException(nameof(meanField), "A mean-field solver is needed when alpha is not zero.");
        }

        if (!double.IsFinite(parameters.Alpha) || double.IsNaN(parameters.DissipationExponent) || double.IsNegativeInfinity(parameters.DissipationExponent))
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters, "alpha must be finite and d finite or +infinity (no dissipation).");
        }

        var state = new SpinState(n);
        for (int i = 0; i < n; i++)
        {
            (state.X[i], state.Y[i], state.Z[i]) = IdealPulses.NinetyX(0, 0, 0.5);
        }

        EchoTimeGrid grid = model.TimeGrid;
        double dt = grid.Step;
        double g = parameters.Gamma / 2;
        double twoNu0 = 2 * model.Offsets.CarrierMHz;
        int threads = Math.Max(1, Math.Min(model.SpinParallelism, n));
        var samples = new Complex[grid.SampleCount];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        double[]? uncoupled = meanField is null ? UncoupledPropagators(offsets, g, dt) : null;
        for (int k = 1; k <= grid.SampleCount; k++)
        {
            if (k == grid.StepsBeforeRefocusing + 1)
            {
                for (int i = 0; i < n; i++)
                {
                    (state.X[i], state.Y[i], state.Z[i]) = IdealPulses.OneEightyY(state.X[i], state.Y[i], state.Z[i]);
                }
            }

            (int Substeps, int Terms) plan = default;
            if (meanField is not null)
            {
                meanField.Compute(state.X, state.Y, state.Mx, state.My);
                (double sin2, double cos2) = Math.SinCos(twoNu0 * grid.TimeOf(k));
                double maxSquare = 0;
                for (int i = 0; i < n; i++)
                {
                    (double bx, double by, double bz) = EchoHamiltonian.EffectiveField(offsets[i], state.Mx[i], state.My[i], parameters.Alpha, cos2, sin2, model.Secular);
                    state.Bx[i] = bx;
                    state.By[i] = by;
                    maxSquare = Math.Max(maxSquare, bx * bx + by * by + bz * bz);
                }

                plan = BlochBatchPropagator.Plan(Math.Sqrt(maxSquare), g, dt);
            }

            var step = new StepContext(state, offsets, g, dt, uncoupled, plan);
            if (threads == 1)
            {
                step.Run(0, n);
            }
            else
            {
                int width = System.Numerics.Vector<double>.Count;
                int chunk = ((n + threads - 1) / threads + width - 1) / width * width;
                Parallel.For(0, threads, options, c => step.Run(c * chunk, Math.Min(n, (c + 1) * chunk)));
            }

            double re = 0, im = 0;
            for (int i = 0; i < n; i++)
            {
                re += state.X[i];
                im += state.Y[i];
            }

            samples[k - 1] = new Complex(re / n, im / n);
        }

        if (finalBloch is not null)
        {
            if (finalBloch.Length != 3 * n)
            {
                throw new ArgumentException($"finalBloch must have length 3N = {3 * n}.", nameof(finalBloch));
            }

            for (int i = 0; i < n; i++)
            {
                finalBloch[3 * i] = state.X[i];
                finalBloch[3 * i + 1] = state.Y[i];
                finalBloch[3 * i + 2] = state.Z[i];
            }
        }

        return samples;
    }

    /// <summary>
    /// Without coupling b_i = (0, 0, Δ_i) is constant, so each spin's exp(A_i dt) is the same every step: tabulated once
    /// (3×3 per spin, row-major, columns = <see cref="BlochPropagator"/> applied to the unit vectors) and reused.
    /// </summary>
    private static double[] UncoupledPropagators(double[] offsets, double g, double dt)
    {
        var table = new double[9 * offsets.Length];
        for (int i = 0; i < offsets.Length; i++)
        {
            for (int column = 0; column < 3; column++)
            {
                double x = column == 0 ? 1 : 0, y = column == 1 ? 1 : 0, z = column == 2 ? 1 : 0;
                (x, y, z) = g == 0
                    ? BlochPropagator.Rotate(x, y, z, 0, 0, offsets[i], dt)
                    : BlochPropagator.Propagate(x, y, z, 0, 0, offsets[i], g, dt);

                table[9 * i + column] = x;
                table[9 * i + 3 + column] = y;
                table[9 * i + 6 + column] = z;
            }
        }

        return table;
    }

    private sealed class SpinState(int n)
    {
        public double[] X { get; } = new double[n];

        public double[] Y { get; } = new double[n];

        public double[] Z { get; } = new double[n];

        public double[] Mx { get; } = new double[n];

        public double[] My { get; } = new double[n];

        public double[] Bx { get; } = new double[n];

        public double[] By { get; } = new double[n];
    }

    private readonly struct StepContext(SpinState state, double[] offsets, double g, double dt, double[]? uncoupled, (int Substeps, int Terms) plan)
    {
        public void Run(int from, int to)
        {
            double[] x = state.X, y = state.Y, z = state.Z;
            if (uncoupled is not null)
            {
                for (int i = from; i < to; i++)
                {
                    ReadOnlySpan<double> p = uncoupled.AsSpan(9 * i, 9);
                    double sx = x[i], sy = y[i], sz = z[i];
                    x[i] = p[0] * sx + p[1] * sy + p[2] * sz;
                    y[i] = p[3] * sx + p[4] * sy + p[5] * sz;
                    z[i] = p[6] * sx + p[7] * sy + p[8] * sz;
                }
            }
            else if (g == 0)
            {
                for (int i = from; i < to; i++)
                {
                    (x[i], y[i], z[i]) = BlochPropagator.Rotate(x[i], y[i], z[i], state.Bx[i], state.By[i], offsets[i], dt);
                }
            }
            else
            {
                BlochBatchPropagator.Propagate(x, y, z, state.Bx, state.By, offsets, g, dt, plan, from, to);
            }
        }
    }
}
