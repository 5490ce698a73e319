using System;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// Φ(u)² of another objective, with gradient 2Φ∇Φ. Use it to suppress a signal regardless of sign:
/// maximising area(Glu) − area(Gln) is also rewarded by inverting Gln (a negative area), whereas
/// area(Glu) − w·area(Gln)² drives the Gln area to zero.
/// </summary>
public sealed class SquaredObjective : IPulseObjective
{
    private readonly IPulseObjective _inner;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public SquaredObjective(IPulseObjective inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <inheritdoc/>
    public int Steps => _inner.Steps;

    /// <inheritdoc/>
    public double StepSeconds => _inner.StepSeconds;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> controls, Span<double> gradient)
    {
        double value = _inner.Evaluate(controls, gradient);
        for (int i = 0; i < gradient.Length; i++) gradient[i] *= 2 * value;
        return value * value;
    }
}
