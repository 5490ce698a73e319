using System.Collections.Generic;

namespace NmrDsl.Runtime.Fitting;

/// <summary>
/// A compiled spec with <c>unknown</c> declarations: what <see cref="InverseFit"/> needs to estimate them from
/// measured observables. Generated classes implement it when the spec declares at least one unknown.
/// </summary>
public interface IFittableProblem
{
    /// <summary>The spec block's name.</summary>
    string Name { get; }

    /// <summary>The unknowns (SI): starting value, bounds, log scale, unit.</summary>
    IReadOnlyList<FitParameter> Unknowns { get; }

    /// <summary>Observable names, in the order <see cref="Predict"/> returns them.</summary>
    IReadOnlyList<string> ObservableNames { get; }

    /// <summary>
    /// Solves the problem with <paramref name="values"/> (SI, keys as in the spec: unknowns and any other
    /// parameters to override) and returns every observable at <paramref name="times"/> (s, increasing, within
    /// [0, end time]).
    /// </summary>
    double[][] Predict(IReadOnlyDictionary<string, double> values, double[] times);
}
