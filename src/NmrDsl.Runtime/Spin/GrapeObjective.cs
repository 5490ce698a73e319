using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// A GRAPE figure of merit with exact gradients, Hilbert space, ensemble-averaged:
/// Φ(u) = Σ_m w_m/W Σ_g Re Tr(C_{m,g}† ρ_{M}), where for ensemble member m and coupled group g
/// ρ₀ is the equilibrium after a fixed prefix, ρ_M = U_M…U₁ ρ₀ U₁†…U_M† with
/// U_j = exp(−i(H₀ + Δ_m + 2π s_m(u_x,j F_x + u_y,j F_y))Δt), and C is the target observable seen
/// through a fixed suffix (its adjoint map, <see cref="HilbertSimulator.AdjointEvolve"/>).
/// </summary>
/// <remarks>
/// Gradient (/work/shared/reference/spin-dynamics.md §4.1): with the backward state
/// Λ_j = U_{j+1}†…U_M† C U_M…U_{j+1},
/// ∂Φ/∂u_kj = Re Tr((Λ_j + Λ_j†) (∂U_j/∂u_kj) ρ_{j−1} U_j†), and ∂U_j/∂u_kj is the exact Fréchet
/// derivative of the exponential in direction 2π s F_k, from the step's eigendecomposition
/// (<see cref="FrechetExponential"/>). One forward and one backward sweep per member and group; no
/// first-order (Khaneja) approximation. Ensemble members and coupled groups are swept in parallel
/// (Parallel.For) and summed in a fixed order, so results are deterministic. Evaluate is not re-entrant.
/// </remarks>
public sealed class GrapeObjective : IPulseObjective
{
    private readonly HilbertSimulator _simulator;
    private readonly IReadOnlyList<EnsembleMember> _members;
    private readonly double _totalWeight;
    private readonly (ComplexMatrix Initial, ComplexMatrix Target)[][] _terms;

    private GrapeObjective(HilbertSimulator simulator, int steps, double stepSeconds, IReadOnlyList<EnsembleMember> members, (ComplexMatrix, ComplexMatrix)[][] terms)
    {
        _simulator = simulator;
        Steps = steps;
        StepSeconds = stepSeconds;
        _members = members;
        _totalWeight = members.Sum(m => m.Weight);
        _terms = terms;
    }

    /// <inheritdoc/>
    public int Steps { get; }

    /// <inheritdoc/>
    public double StepSeconds { get; }

    /// <summary>
    /// State-transfer / expectation objective: Φ = Tr(C†ρ_M)/Tr(I_z²) summed over groups, i.e. ⟨C⟩ in units of one spin's polarisation, e.g. C = F_x for excitation (Φ = number of
    /// channel spins at best), or −F_z for inversion. <paramref name="target"/> builds C for each coupled group.
    /// </summary>
    public static GrapeObjective Expectation(
        HilbertSimulator simulator,
        Func<SpinHamiltonian, ComplexMatrix> target,
        int steps,
        double stepSeconds,
        IEnumerable<EnsembleMember>? ensemble = null,
        IEnumerable<SequenceElement>? prefix = null,
        IEnumerable<SequenceElement>? suffix = null)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(target);
        return Build(simulator, steps, stepSeconds, ensemble, prefix, suffix, (g, _) => (Complex)(1 / simulator.Groups[g].SignalNorm) * target(simulator.Groups[g]));
    }

    /// <summary>
    /// Spectral-area objective: Φ = absorption-mode area of [lowPpm, highPpm] in the spectrum acquired after
    /// prefix, pulse and suffix (<see cref="SpectralWindowOperator"/>; 1 per fully excited in-phase spin).
    /// </summary>
    public static GrapeObjective SpectralArea(
        HilbertSimulator simulator,
        double lowPpm,
        double highPpm,
        Acquisition acquisition,
        int steps,
        double stepSeconds,
        IEnumerable<EnsembleMember>? ensemble = null,
        IEnumerable<SequenceElement>? prefix = null,
        IEnumerable<SequenceElement>? suffix = null)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(acquisition);
        return Build(simulator, steps, stepSeconds, ensemble, prefix, suffix, (g, m) => SpectralWindowOperator.Create(simulator, g, m.B0OffsetHz, acquisition, lowPpm, highPpm));
    }

    /// <summary>Φ(u) only.</summary>
    public double Value(ReadOnlySpan<double> controls) => Evaluate(controls, new double[2 * Steps]);

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> controls, Span<double> gradient)
    {
        if (controls.Length != 2 * Steps || gradient.Length != 2 * Steps)
        {
            throw new ArgumentException(Invariant($"Expected {2 * Steps} controls and gradient entries (x then y per step), got {controls.Length} and {gradient.Length}."));
        }

        // Members × groups are independent sweeps: run them in parallel, each into its own buffer, then
        // add the buffers in a fixed order so that the result does not depend on scheduling.
        int groups = _simulator.Groups.Count, tasks = _members.Count * groups;
        double[] controlCopy = controls.ToArray();
        var values = new double[tasks];
        var gradients = new double[tasks][];
        System.Threading.Tasks.Parallel.For(0, tasks, t =>
        {
            int m = t / groups, g = t % groups;
            double weight = _members[m].Weight / _totalWeight;
            gradients[t] = new double[2 * Steps];
            values[t] = weight * Sweep(_simulator.Groups[g], _members[m], controlCopy, _terms[m][g].Initial, _terms[m][g].Target, weight, gradients[t]);
        });

        gradient.Clear();
        double value = 0;
        for (int t = 0; t < tasks; t++)
        {
            value += values[t];
            for (int i = 0; i < gradient.Length; i++) gradient[i] += gradients[t][i];
        }

        return value;
    }

    private static GrapeObjective Build(
        HilbertSimulator simulator,
        int steps,
        double stepSeconds,
        IEnumerable<EnsembleMember>? ensemble,
        IEnumerable<SequenceElement>? prefix,
        IEnumerable<SequenceElement>? suffix,
        Func<int, EnsembleMember, ComplexMatrix> target)
    {
        if (steps < 1) throw new ArgumentException(Invariant($"A pulse needs at least one step, got {steps}."), nameof(steps));
        if (!(stepSeconds > 0) || !double.IsFinite(stepSeconds)) throw new ArgumentException(Invariant($"The step must be positive, got {stepSeconds} s."), nameof(stepSeconds));
        IReadOnlyList<EnsembleMember> members = EnsembleMember.Validate(ensemble);
        SequenceElement[] before = prefix?.ToArray() ?? [], after = suffix?.ToArray() ?? [];
        var terms = new (ComplexMatrix, ComplexMatrix)[members.Count][];
        for (int m = 0; m < members.Count; m++)
        {
            terms[m] = new (ComplexMatrix, ComplexMatrix)[simulator.Groups.Count];
            for (int g = 0; g < simulator.Groups.Count; g++)
            {
                ComplexMatrix initial = simulator.Evolve(g, before, members[m], simulator.Groups[g].Equilibrium);
                ComplexMatrix c = simulator.AdjointEvolve(g, after, members[m], target(g, members[m]));
                terms[m][g] = (initial, c);
            }
        }

        return new GrapeObjective(simulator, steps, stepSeconds, members, terms);
    }

    // One forward and one backward sweep; returns Re Tr(C† ρ_M) and adds weight·∂/∂u to gradient.
    private double Sweep(SpinHamiltonian h, EnsembleMember member, ReadOnlySpan<double> u, ComplexMatrix rho0, ComplexMatrix target, double weight, Span<double> gradient)
    {
        int steps = Steps;
        double dt = StepSeconds, scale = member.B1Scale;
        var eigen = new HermitianEigen[steps];
        var propagators = new ComplexMatrix[steps];
        var states = new ComplexMatrix[steps + 1];
        states[0] = rho0;
        for (int j = 0; j < steps; j++)
        {
            eigen[j] = h.DecomposeWithRf(member.B0OffsetHz, scale * u[j], scale * u[steps + j]);
            propagators[j] = eigen[j].Propagator(dt);
            states[j + 1] = propagators[j] * states[j] * propagators[j].Adjoint();
        }

        double value = ComplexMatrix.TraceOfProduct(target.Adjoint(), states[steps]).Real;
        ComplexMatrix lambda = target;
        ComplexMatrix dx = (Complex)scale * h.ControlX, dy = (Complex)scale * h.ControlY;
        var minusIDt = new Complex(0, -dt);
        for (int j = steps - 1; j >= 0; j--)
        {
            ComplexMatrix v = eigen[j].Vectors, vt = v.Adjoint(), uj = propagators[j];
            ComplexMatrix q = vt * states[j] * uj.Adjoint() * (lambda + lambda.Adjoint()) * v;
            ComplexMatrix phi = FrechetExponential.DividedDifferences(eigen[j].Values, dt);
            // F_x, F_y are sparse: multiplying them first lets the product kernel skip their zeros.
            ComplexMatrix gx = vt * (dx * v), gy = vt * (dy * v);
            // Tr(Q (G ∘ Φ)) = Σ_ab Q_ab G_ba Φ_ba, times −iΔt.
            Complex sx = Complex.Zero, sy = Complex.Zero;
            int n = q.Rows;
            for (int a = 0; a < n; a++)
            {
                for (int b = 0; b < n; b++)
                {
                    Complex qp = q[a, b] * phi[b, a];
                    sx += qp * gx[b, a];
                    sy += qp * gy[b, a];
                }
            }

            gradient[j] += weight * (minusIDt * sx).Real;
            gradient[steps + j] += weight * (minusIDt * sy).Real;
            lambda = uj.Adjoint() * lambda * uj;
        }

        return value;
    }
}
