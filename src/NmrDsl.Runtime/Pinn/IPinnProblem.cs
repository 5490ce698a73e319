using System.Collections.Generic;
using NmrDsl.Runtime.Fitting;
using NmrDsl.Runtime.Pde;

namespace NmrDsl.Runtime.Pinn;

/// <summary>
/// An observable that is the volume average of the field over one region, y(t) = ∫ u x^k dx / ∫ x^k dx: the form a
/// PINN can evaluate by quadrature of its network. Generated code lists the observables of that form.
/// </summary>
/// <param name="Name">Observable name (a data column).</param>
/// <param name="Region">Region index, or -1 for the whole domain.</param>
public sealed record RegionAverage(string Name, int Region);

/// <summary>
/// What the PINN needs from a compiled spec with unknowns: the problem for any parameter values (the coefficient
/// functions, geometry and conditions of <see cref="IDiffusionReactionProblem"/>) and the observables that are
/// region averages of the field. Generated classes implement it next to <see cref="IFittableProblem"/>.
/// </summary>
public interface IPinnProblem : IFittableProblem
{
    /// <summary>The problem with the given values (SI; keys as in the spec) replacing the current ones.</summary>
    IDiffusionReactionProblem Instantiate(IReadOnlyDictionary<string, double> values);

    /// <summary>The observables that are plain region averages of the field (others cannot be fitted by the PINN).</summary>
    IReadOnlyList<RegionAverage> RegionAverages { get; }

    /// <summary>Settings of the classical solver (the spec's <c>solve finite-volume</c> line).</summary>
    FiniteVolumeOptions Options { get; }

    /// <summary>Settings from the spec's <c>solve pinn</c> line, or null when it has none (defaults apply).</summary>
    PinnOptions? PinnSettings { get; }
}
