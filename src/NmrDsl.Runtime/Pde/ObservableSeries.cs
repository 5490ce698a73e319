using System;

namespace NmrDsl.Runtime.Pde;

/// <summary>
/// An observable of a PDE solution (e.g. <c>y(t) = mean(P over solid)</c>): its name, unit and one
/// value per output time of the solution.
/// </summary>
public sealed record ObservableSeries
{
    public ObservableSeries(string name, string unit, double[] values)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(values);
        Name = name;
        Unit = unit;
        Values = values;
    }

    public string Name { get; }

    /// <summary>Unit text as declared in the spec ("1" for dimensionless).</summary>
    public string Unit { get; }

    /// <summary>Values[j] at the solution's Times[j].</summary>
    public double[] Values { get; }
}
