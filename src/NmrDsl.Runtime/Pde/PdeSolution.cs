using System;
using static System.FormattableString;

namespace NmrDsl.Runtime.Pde;

/// <summary>
/// A finite-volume solution in SI units: cell values of the field at each output time.
/// Values[j][i] is u in cell i (centre <see cref="FiniteVolumeMesh.Centres"/>[i], m) at Times[j] (s).
/// </summary>
public sealed class PdeSolution
{
    public PdeSolution(FiniteVolumeMesh mesh, double[] times, double[][] values, SolverStatistics statistics, Scales scales)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != times.Length)
        {
            throw new ArgumentException(Invariant($"{times.Length} times but {values.Length} snapshots."), nameof(values));
        }

        Mesh = mesh;
        Times = times;
        Values = values;
        Statistics = statistics;
        Scales = scales;
    }

    public FiniteVolumeMesh Mesh { get; }

    public Geometry Geometry => Mesh.Geometry;

    /// <summary>Output times, s.</summary>
    public double[] Times { get; }

    /// <summary>Values[time][cell], in the field's unit.</summary>
    public double[][] Values { get; }

    public SolverStatistics Statistics { get; }

    /// <summary>The scales the problem was integrated in.</summary>
    public Scales Scales { get; }

    /// <summary>Cell values at output <paramref name="timeIndex"/>.</summary>
    public double[] Field(int timeIndex) => Values[CheckIndex(timeIndex)];

    /// <summary>
    /// Cell values at time <paramref name="t"/> (s): exact at an output time, linear interpolation
    /// between the two neighbouring outputs otherwise (second order, like the integrator).
    /// </summary>
    public double[] FieldAt(double t)
    {
        if (!(t >= Times[0] && t <= Times[^1]))
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, Invariant($"The solution covers {Times[0]} s to {Times[^1]} s."));
        }

        int index = Array.BinarySearch(Times, t);
        if (index >= 0)
        {
            return (double[])Values[index].Clone();
        }

        int right = ~index;
        int left = right - 1;
        double weight = (t - Times[left]) / (Times[right] - Times[left]);
        var field = new double[Mesh.CellCount];
        for (int i = 0; i < field.Length; i++)
        {
            field[i] = (1 - weight) * Values[left][i] + weight * Values[right][i];
        }

        return field;
    }

    /// <summary>Volume average of u at output <paramref name="timeIndex"/> over the domain or one region.</summary>
    public double VolumeAverage(int timeIndex, int? region = null) => Mesh.VolumeAverage(Values[CheckIndex(timeIndex)], region);

    /// <summary>Volume average over the domain or a region at every output time.</summary>
    public double[] VolumeAverages(int? region = null)
    {
        var averages = new double[Times.Length];
        for (int j = 0; j < averages.Length; j++)
        {
            averages[j] = VolumeAverage(j, region);
        }

        return averages;
    }

    /// <summary>∫ u x^k dx (per unit area / radian / steradian) at output <paramref name="timeIndex"/>.</summary>
    public double Integral(int timeIndex, int? region = null) => Mesh.Integral(Values[CheckIndex(timeIndex)], region);

    private int CheckIndex(int timeIndex)
    {
        if (timeIndex < 0 || timeIndex >= Times.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(timeIndex), timeIndex, Invariant($"There are {Times.Length} output times."));
        }

        return timeIndex;
    }
}
