using System;
using System.Threading;
using System.Threading.Tasks;

namespace NmrDsl.Runtime.Fitting;

/// <summary>
/// Finite-difference Jacobian in the internal variables (ln θ for log-scale parameters), split into
/// independent model evaluations: <see cref="Plan"/> lists the points, any executor evaluates them (here
/// Parallel.For; later a remote worker), <see cref="Assemble"/> builds the columns. Results are placed by
/// index, so the Jacobian does not depend on the order in which evaluations finish.
/// </summary>
public static class FiniteDifferenceJacobian
{
    /// <summary>One column's difference: the internal-variable offsets of its two points (0 = the base point, not re-evaluated).</summary>
    public readonly record struct Column(int Index, double MinusOffset, double PlusOffset);

    /// <summary>
    /// The columns for internal point <paramref name="z"/>: central differences z ± h where both fit the bounds,
    /// one-sided (forward or backward, using the base point) where one does not, or forward only when
    /// <paramref name="central"/> is false. h = step · max(|z_j|, typical_j) for linear parameters and step for
    /// log-scale ones, rounded so z + h − z = h exactly.
    /// </summary>
    public static Column[] Plan(FitParameter[] parameters, double[] z, bool central, double step)
    {
        var columns = new Column[parameters.Length];
        for (int j = 0; j < parameters.Length; j++)
        {
            FitParameter p = parameters[j];
            double scale = p.LogScale ? 1.0 : Math.Max(Math.Abs(z[j]), p.TypicalScale);
            double h = step * scale;
            h = (z[j] + h) - z[j];
            bool plusFits = z[j] + h <= p.InternalUpper;
            bool minusFits = z[j] - h >= p.InternalLower;
            columns[j] = central && plusFits && minusFits ? new Column(j, -h, h)
                : plusFits ? new Column(j, 0, h)
                : minusFits ? new Column(j, -h, 0)
                : throw new ArgumentException($"Parameter '{p.Name}': bound interval [{p.Lower}, {p.Upper}] is narrower than the finite-difference step.");
        }

        return columns;
    }

    /// <summary>The internal points to evaluate for <paramref name="columns"/> (two per central column, one per one-sided).</summary>
    public static double[][] Points(double[] z, Column[] columns)
    {
        var points = new System.Collections.Generic.List<double[]>();
        foreach (Column c in columns)
        {
            foreach (double offset in new[] { c.MinusOffset, c.PlusOffset })
            {
                if (offset != 0)
                {
                    double[] p = (double[])z.Clone();
                    p[c.Index] += offset;
                    points.Add(p);
                }
            }
        }

        return points.ToArray();
    }

    /// <summary>Jacobian [point, parameter] from the base predictions and the evaluations of <see cref="Points"/>, in order.</summary>
    public static double[,] Assemble(double[] basePrediction, Column[] columns, double[][] evaluations)
    {
        int m = basePrediction.Length, k = 0;
        var jac = new double[m, columns.Length];
        foreach (Column c in columns)
        {
            double[] minus = c.MinusOffset != 0 ? evaluations[k++] : basePrediction;
            double[] plus = c.PlusOffset != 0 ? evaluations[k++] : basePrediction;
            double width = c.PlusOffset - c.MinusOffset;
            for (int i = 0; i < m; i++)
            {
                jac[i, c.Index] = (plus[i] - minus[i]) / width;
            }
        }

        return jac;
    }

    /// <summary>Evaluates <paramref name="points"/> in parallel; result i belongs to point i.</summary>
    internal static double[][] EvaluateAll(Func<double[], double[]> evaluate, double[][] points, int maxDegreeOfParallelism, CancellationToken ct)
    {
        var results = new double[points.Length][];
        var po = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = ct };
        try
        {
            Parallel.For(0, points.Length, po, i => results[i] = evaluate(points[i]));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            // Report the failure of the lowest-index point, whichever thread saw it first.
            foreach (Exception inner in ex.InnerExceptions)
            {
                if (inner is FitException or OperationCanceledException or ArgumentException)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inner).Throw();
                }
            }

            throw;
        }

        return results;
    }
}
