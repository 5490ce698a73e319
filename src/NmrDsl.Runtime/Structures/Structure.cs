using System;
using System.Collections.Generic;
using System.Linq;

namespace NmrDsl.Runtime.Structures;

/// <summary>
/// An atomic structure: element symbols and atomic numbers, Cartesian positions in Å, an optional periodic
/// <see cref="Lattice"/> (null for an isolated molecule), real per-atom properties and free-form key/value info
/// (extended-XYZ comment-line keys such as NAME or ENERGY).
/// </summary>
public sealed class Structure
{
    private readonly Dictionary<string, AtomProperty> _properties;

    public Structure(
        IReadOnlyList<string> species,
        IReadOnlyList<Vec3> positions,
        Lattice? lattice = null,
        IEnumerable<AtomProperty>? properties = null,
        IReadOnlyDictionary<string, string>? info = null)
    {
        ArgumentNullException.ThrowIfNull(species);
        ArgumentNullException.ThrowIfNull(positions);
        if (species.Count != positions.Count)
        {
            throw new ArgumentException($"{species.Count} species but {positions.Count} positions");
        }

        Species = species.ToArray();
        AtomicNumbers = species.Select(Elements.AtomicNumber).ToArray();
        Positions = positions.ToArray();
        Lattice = lattice;
        _properties = new Dictionary<string, AtomProperty>(StringComparer.Ordinal);
        foreach (AtomProperty p in properties ?? [])
        {
            if (p.Values.Length != p.Components * Species.Length)
            {
                throw new ArgumentException($"property '{p.Name}' has {p.Values.Length / p.Components} atoms, the structure {Species.Length}");
            }

            _properties[p.Name] = p;
        }

        Info = info ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>Element symbol per atom.</summary>
    public string[] Species { get; }

    /// <summary>Atomic number Z per atom.</summary>
    public int[] AtomicNumbers { get; }

    /// <summary>Cartesian positions in Å.</summary>
    public Vec3[] Positions { get; }

    /// <summary>The periodic cell, or null for a non-periodic molecule.</summary>
    public Lattice? Lattice { get; }

    /// <summary>True when a lattice is present and at least one axis is periodic.</summary>
    public bool IsPeriodic => Lattice is not null && Lattice.Periodic.Any(p => p);

    public int Count => Species.Length;

    /// <summary>Per-atom properties by name.</summary>
    public IReadOnlyDictionary<string, AtomProperty> Properties => _properties;

    /// <summary>Key/value information of the frame (e.g. NAME, ENERGY).</summary>
    public IReadOnlyDictionary<string, string> Info { get; }

    /// <summary>The property called <paramref name="name"/>.</summary>
    public AtomProperty Property(string name) =>
        _properties.TryGetValue(name, out AtomProperty? p) ? p
            : throw new KeyNotFoundException($"no per-atom property '{name}'; the structure has {string.Join(", ", _properties.Keys)}");

    /// <summary>The same structure with every position wrapped into the cell along the periodic axes.</summary>
    public Structure Wrapped() =>
        Lattice is null ? this : new Structure(Species, Positions.Select(Lattice.Wrap).ToArray(), Lattice, _properties.Values, Info);

    /// <summary>The distinct atomic numbers present, in increasing order.</summary>
    public int[] DistinctAtomicNumbers() => AtomicNumbers.Distinct().Order().ToArray();
}
