using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NmrDsl.Runtime.Structures;

namespace NmrDsl.Runtime.Descriptors;

/// <summary>Parameters (η in Å⁻², R_s in Å) of one radial symmetry function G2.</summary>
public readonly record struct G2Parameters(double Eta, double Rs);

/// <summary>Parameters (η in Å⁻², ζ, λ = ±1) of one angular symmetry function G4.</summary>
public readonly record struct G4Parameters(double Eta, double Zeta, double Lambda);

/// <summary>
/// Behler–Parrinello atom-centred symmetry functions G2 and G4 (Behler, JCP 134, 074106 (2011); as in DScribe's
/// acsf.cpp, /work/shared/reference/descriptors.md §1.3), with f_c(R) = ½[cos(πR/R_c) + 1] for R ≤ R_c, else 0:
/// G2_i = Σ_(j≠i) exp(−η (R_ij − R_s)²) f_c(R_ij);
/// G4_i = 2^(1−ζ) Σ_(j&lt;k, both ≠ i) (1 + λ cos θ_ijk)^ζ exp(−η (R_ij² + R_ik² + R_jk²)) f_c(R_ij) f_c(R_ik) f_c(R_jk).
/// <b>G4 pair convention:</b> every unordered pair {j, k} of neighbours is counted once (DScribe), half of Behler's
/// ordered double sum Σ_(j,k≠i); triplets with R_jk &gt; R_c vanish through f_c(R_jk). No angular shift. Output per
/// centre, stratified by neighbour species like DScribe: for each species Z (increasing) the G2 values in parameter
/// order, then for each pair Z ≤ Z' the G4 values (j of species Z, k of species Z'). The centre species is not encoded.
/// Periodic images are included (cell lists). Lengths in Å.
/// </summary>
public sealed class BehlerParrinello
{
    private readonly Dictionary<int, int> _speciesIndex;

    public BehlerParrinello(double rCut, IReadOnlyList<G2Parameters> g2, IReadOnlyList<G4Parameters> g4, params string[] species)
    {
        if (!(rCut > 0)) throw new ArgumentOutOfRangeException(nameof(rCut), rCut, "R_c must be positive");
        ArgumentNullException.ThrowIfNull(g2);
        ArgumentNullException.ThrowIfNull(g4);
        if (g4.Any(p => p.Lambda is not (1 or -1))) throw new ArgumentException("λ must be +1 or −1", nameof(g4));
        RCut = rCut;
        G2 = g2.ToArray();
        G4 = g4.ToArray();
        AtomicNumbers = species.Select(Elements.AtomicNumber).Distinct().Order().ToArray();
        _speciesIndex = AtomicNumbers.Select((z, i) => (z, i)).ToDictionary(p => p.z, p => p.i);
    }

    public double RCut { get; }

    public G2Parameters[] G2 { get; }

    public G4Parameters[] G4 { get; }

    /// <summary>Neighbour species, increasing Z.</summary>
    public int[] AtomicNumbers { get; }

    /// <summary>S · |G2| + S(S+1)/2 · |G4|.</summary>
    public int FeatureCount => AtomicNumbers.Length * G2.Length + AtomicNumbers.Length * (AtomicNumbers.Length + 1) / 2 * G4.Length;

    /// <summary>Cosine cut-off f_c(R).</summary>
    public double Cutoff(double r) => r <= RCut ? 0.5 * (Math.Cos(Math.PI * r / RCut) + 1) : 0;

    /// <summary>Symmetry functions of every atom of <paramref name="structure"/>, one row per atom.</summary>
    public double[][] Compute(Structure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        NeighbourList neighbours = NeighbourSearch.AroundAtoms(structure, RCut);
        int s = AtomicNumbers.Length;
        var rows = new double[structure.Count][];
        Parallel.For(0, structure.Count, i =>
        {
            var row = new double[FeatureCount];
            var list = new List<(int Species, Vec3 D, double R, double Fc)>();
            for (int e = neighbours.Offsets[i]; e < neighbours.Offsets[i + 1]; e++)
            {
                Vec3 d = neighbours.Displacements[e];
                double r = d.Length;
                if (r < 1e-10) continue;
                int z = structure.AtomicNumbers[neighbours.Atoms[e]];
                if (!_speciesIndex.TryGetValue(z, out int si)) throw new ArgumentException($"neighbour species {Elements.Symbol(z)} is not among the descriptor species");
                list.Add((si, d, r, Cutoff(r)));
            }

            foreach (var (si, _, r, fc) in list)
            {
                for (int p = 0; p < G2.Length; p++)
                {
                    double x = r - G2[p].Rs;
                    row[si * G2.Length + p] += Math.Exp(-G2[p].Eta * x * x) * fc;
                }
            }

            int g4Start = s * G2.Length;
            for (int j = 0; j < list.Count; j++)
            {
                for (int k = j + 1; k < list.Count; k++)
                {
                    var a = list[j];
                    var b = list[k];
                    double rjk = (a.D - b.D).Length;
                    double fjk = Cutoff(rjk);
                    if (fjk == 0) continue;
                    double cos = Vec3.Dot(a.D, b.D) / (a.R * b.R);
                    double sum2 = a.R * a.R + b.R * b.R + rjk * rjk;
                    (int lo, int hi) = a.Species <= b.Species ? (a.Species, b.Species) : (b.Species, a.Species);
                    int pair = lo * s - lo * (lo - 1) / 2 + (hi - lo);
                    double f = a.Fc * b.Fc * fjk;
                    for (int p = 0; p < G4.Length; p++)
                    {
                        G4Parameters q = G4[p];
                        row[g4Start + pair * G4.Length + p] += Math.Pow(2, 1 - q.Zeta) * Math.Pow(Math.Max(0, 1 + q.Lambda * cos), q.Zeta) * Math.Exp(-q.Eta * sum2) * f;
                    }
                }
            }

            rows[i] = row;
        });
        return rows;
    }
}
