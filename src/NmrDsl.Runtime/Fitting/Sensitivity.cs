using System;
using System.Threading;

namespace NmrDsl.Runtime.Fitting;

/// <summary>Local sensitivities of a model's predictions to one parameter.</summary>
public static class Sensitivity
{
    /// <summary>
    /// d ln yᵢ / d ln θ_index for every prediction yᵢ, by central differences in ln θ:
    /// (y(θ e^{h}) − y(θ e^{−h})) / (2 h y(θ)). Error O(h²); the default h = 1e-4 keeps it below 1e-8 for smooth
    /// models and tolerates solver noise of about 1e-10 relative. NaN where y(θ) = 0.
    /// The three evaluations run in parallel. <paramref name="values"/> must be positive at <paramref name="index"/>.
    /// </summary>
    public static double[] LogDerivatives(Func<double[], double[]> model, double[] values, int index, double relativeStep = 1e-4, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(values);
        if (index < 0 || index >= values.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Parameter index must be in [0, {values.Length - 1}].");
        }

        if (!(values[index] > 0) || !double.IsFinite(values[index]))
        {
            throw new ArgumentException($"Logarithmic sensitivity needs a positive finite parameter value; parameter {index} is {values[index]}.", nameof(values));
        }

        if (!(relativeStep > 0) || !(relativeStep < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeStep), relativeStep, "relativeStep must lie in (0, 1).");
        }

        double[][] points = new double[3][];
        for (int k = 0; k < 3; k++)
        {
            points[k] = (double[])values.Clone();
        }

        points[1][index] = values[index] * Math.Exp(-relativeStep);
        points[2][index] = values[index] * Math.Exp(relativeStep);
        double[][] y = FiniteDifferenceJacobian.EvaluateAll(p => Call(model, p), points, -1, ct);
        if (y[1].Length != y[0].Length || y[2].Length != y[0].Length)
        {
            throw new FitException($"The model returned {y[0].Length}, {y[1].Length} and {y[2].Length} predictions at the three sensitivity points; it must return the same number.");
        }

        var result = new double[y[0].Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = y[0][i] == 0 ? double.NaN : (y[2][i] - y[1][i]) / (2 * relativeStep * y[0][i]);
        }

        return result;
    }

    private static double[] Call(Func<double[], double[]> model, double[] p)
    {
        try
        {
            return model((double[])p.Clone());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new FitException($"The model threw {ex.GetType().Name} at parameter values ({string.Join(", ", System.Linq.Enumerable.Select(p, v => v.ToString("G10", System.Globalization.CultureInfo.InvariantCulture)))}): {ex.Message}", Array.Empty<string>(), p, ex);
        }
    }
}
