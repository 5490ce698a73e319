using System;
using System.Collections.Generic;
using System.Linq;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// A weighted sum of pulse objectives on the same control grid minus an RF-energy penalty:
/// Φ(u) = Σ_i w_i Φ_i(u) − λ Σ_j (u_x,j² + u_y,j²) Δt, with u in Hz, Δt in s and λ in 1/(Hz²·s).
/// E.g. Glu-selective: w = +1 on area(Glu, 2.30–2.40 ppm) and −w on <see cref="SquaredObjective"/>(area(Gln, 2.30–2.50 ppm))
/// (a plain −1 on the Gln area rewards inverting Gln, which the optimiser finds).
/// </summary>
public sealed class CompositeObjective : IPulseObjective
{
    private readonly (double Weight, IPulseObjective Term)[] _terms;
    private readonly double[] _scratch;

    /// <summary>Creates the sum; all terms must share steps and step duration.</summary>
    public CompositeObjective(IEnumerable<(double Weight, IPulseObjective Term)> terms, double rfEnergyWeight = 0)
    {
        ArgumentNullException.ThrowIfNull(terms);
        _terms = terms.ToArray();
        if (_terms.Length == 0) throw new ArgumentException("A composite objective needs at least one term.", nameof(terms));
        Steps = _terms[0].Term.Steps;
        StepSeconds = _terms[0].Term.StepSeconds;
        foreach ((double w, IPulseObjective t) in _terms)
        {
            if (t is null || !double.IsFinite(w)) throw new ArgumentException("Composite terms need finite weights and non-null objectives.", nameof(terms));
            if (t.Steps != Steps || t.StepSeconds != StepSeconds)
            {
                throw new ArgumentException(Invariant($"All terms must share the control grid: {t.Steps} × {t.StepSeconds} s vs {Steps} × {StepSeconds} s."), nameof(terms));
            }
        }

        if (!(rfEnergyWeight >= 0) || !double.IsFinite(rfEnergyWeight)) throw new ArgumentException(Invariant($"The RF energy weight must be finite and ≥ 0, got {rfEnergyWeight}."), nameof(rfEnergyWeight));
        RfEnergyWeight = rfEnergyWeight;
        _scratch = new double[2 * Steps];
    }

    /// <inheritdoc/>
    public int Steps { get; }

    /// <inheritdoc/>
    public double StepSeconds { get; }

    /// <summary>λ of the RF-energy penalty, 1/(Hz²·s).</summary>
    public double RfEnergyWeight { get; }

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> controls, Span<double> gradient)
    {
        if (controls.Length != 2 * Steps || gradient.Length != 2 * Steps)
        {
            throw new ArgumentException(Invariant($"Expected {2 * Steps} controls and gradient entries, got {controls.Length} and {gradient.Length}."));
        }

        gradient.Clear();
        double value = 0;
        foreach ((double w, IPulseObjective t) in _terms)
        {
            value += w * t.Evaluate(controls, _scratch);
            for (int i = 0; i < gradient.Length; i++) gradient[i] += w * _scratch[i];
        }

        for (int i = 0; i < controls.Length; i++)
        {
            value -= RfEnergyWeight * controls[i] * controls[i] * StepSeconds;
            gradient[i] -= 2 * RfEnergyWeight * controls[i] * StepSeconds;
        }

        return value;
    }
}
