using System;

namespace NmrDsl.Runtime.Structures;

/// <summary>
/// A real per-atom property with <see cref="Components"/> values per atom (extended-XYZ <c>CS:R:2</c>, a magres
/// σ_iso), stored atom-major: value k of atom i is <c>Values[i * Components + k]</c>.
/// </summary>
public sealed class AtomProperty
{
    public AtomProperty(string name, int components, double[] values)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(values);
        if (components < 1 || values.Length % components != 0)
        {
            throw new ArgumentException($"property '{name}': {values.Length} values do not divide into {components} components per atom");
        }

        Name = name;
        Components = components;
        Values = values;
    }

    public string Name { get; }

    public int Components { get; }

    public double[] Values { get; }

    /// <summary>Value <paramref name="component"/> (0-based) of atom <paramref name="atom"/>.</summary>
    public double this[int atom, int component = 0] => Values[atom * Components + component];

    /// <summary>Component <paramref name="component"/> of every atom.</summary>
    public double[] Column(int component)
    {
        if (component < 0 || component >= Components) throw new ArgumentOutOfRangeException(nameof(component));
        var column = new double[Values.Length / Components];
        for (int i = 0; i < column.Length; i++) column[i] = Values[i * Components + component];
        return column;
    }
}
