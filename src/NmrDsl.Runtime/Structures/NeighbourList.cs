using System;

namespace NmrDsl.Runtime.Structures;

/// <summary>
/// Neighbours of a set of centres within a cut-off, in compressed-row form: the neighbours of centre c are entries
/// <c>Offsets[c] .. Offsets[c+1]-1</c>, each an atom index and the displacement r_j + T − r_c (Å) to the periodic image
/// T of atom j. An atom that coincides with a centre (the centre atom itself) is included with displacement 0.
/// </summary>
public sealed class NeighbourList
{
    public NeighbourList(int[] offsets, int[] atoms, Vec3[] displacements, double cutoff)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(atoms);
        ArgumentNullException.ThrowIfNull(displacements);
        if (atoms.Length != displacements.Length || offsets.Length == 0 || offsets[^1] != atoms.Length)
        {
            throw new ArgumentException("inconsistent neighbour arrays");
        }

        Offsets = offsets;
        Atoms = atoms;
        Displacements = displacements;
        Cutoff = cutoff;
    }

    /// <summary>Row offsets, one more than the number of centres.</summary>
    public int[] Offsets { get; }

    /// <summary>Atom index of each neighbour entry.</summary>
    public int[] Atoms { get; }

    /// <summary>Displacement from the centre to each neighbour image, Å.</summary>
    public Vec3[] Displacements { get; }

    /// <summary>The cut-off radius used, Å.</summary>
    public double Cutoff { get; }

    public int CentreCount => Offsets.Length - 1;

    /// <summary>Number of neighbour entries of centre <paramref name="centre"/>.</summary>
    public int Count(int centre) => Offsets[centre + 1] - Offsets[centre];
}
