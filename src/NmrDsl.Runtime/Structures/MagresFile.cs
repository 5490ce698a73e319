using System;
using System.Collections.Generic;

namespace NmrDsl.Runtime.Structures;

/// <summary>
/// The content of a CCP-NC <c>.magres</c> file: the structure (Å; periodic when a lattice is given), the site
/// labels and indices of the <c>atom</c> lines, and per atom the magnetic-shielding tensor σ (ppm) and the
/// electric-field-gradient tensor (atomic units, E_h/(e a₀²)) when present, each 3×3 row-major, plus the units
/// the file declared. The structure carries σ_iso = tr σ / 3 in the per-atom property <see cref="SigmaIsoProperty"/>
/// (NaN for atoms without an <c>ms</c> line).
/// </summary>
public sealed class MagresFile
{
    /// <summary>Name of the per-atom property with σ_iso in ppm.</summary>
    public const string SigmaIsoProperty = "sigma_iso";

    public MagresFile(Structure structure, string[] labels, int[] indices, double[]?[] shielding, double[]?[] efg, IReadOnlyDictionary<string, string> units)
    {
        Structure = structure;
        Labels = labels;
        Indices = indices;
        Shielding = shielding;
        Efg = efg;
        Units = units;
    }

    public Structure Structure { get; }

    /// <summary>Site label per atom (the species symbol or a custom label such as H1).</summary>
    public string[] Labels { get; }

    /// <summary>Site index per atom, as in the file (unique per label).</summary>
    public int[] Indices { get; }

    /// <summary>Magnetic-shielding tensor per atom (ppm, row-major 3×3), null where the file has none.</summary>
    public double[]?[] Shielding { get; }

    /// <summary>EFG tensor per atom (atomic units, row-major 3×3), null where the file has none.</summary>
    public double[]?[] Efg { get; }

    /// <summary>Declared units by tag (<c>units ms ppm</c> gives ms → ppm).</summary>
    public IReadOnlyDictionary<string, string> Units { get; }

    /// <summary>Isotropic shielding σ_iso = (σ_xx + σ_yy + σ_zz)/3 of atom <paramref name="atom"/> in ppm.</summary>
    public double SigmaIso(int atom)
    {
        double[] s = Shielding[atom] ?? throw new InvalidOperationException($"atom {Labels[atom]} {Indices[atom]} has no ms tensor");
        return Trace(s) / 3;
    }

    /// <summary>Trace of a row-major 3×3 tensor.</summary>
    public static double Trace(double[] tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return tensor[0] + tensor[4] + tensor[8];
    }
}
