using System;
using NmrDsl.Runtime.Structures;

namespace NmrDsl.Runtime.Descriptors;

/// <summary>
/// The neighbour-density expansion shared by the SOAP conventions: for one centre,
/// c^s_nlm += w(R_i) F_nl(R_i) Y_lm(R̂_i) over its neighbour entries, into a row laid out [species][n][l² + l + m].
/// </summary>
internal static class DensityExpansion
{
    public static void Accumulate(
        NeighbourList neighbours, int centre, int[] species, double[] row, ISoapRadialIntegral radialIntegral,
        RealSphericalHarmonics harmonicsBasis, int nMax, Func<double, double> weight, Workspace work)
    {
        int lm = harmonicsBasis.Count, lMax = harmonicsBasis.LMax;
        double[] radial = work.Radial, harmonics = work.Harmonics;
        for (int e = neighbours.Offsets[centre]; e < neighbours.Offsets[centre + 1]; e++)
        {
            Vec3 d = neighbours.Displacements[e];
            double r = d.Length;
            double w = weight(r);
            if (w == 0) continue;
            radialIntegral.Evaluate(r, radial, work.Scratch);
            harmonicsBasis.Evaluate(d.X, d.Y, d.Z, harmonics);
            int s = species[neighbours.Atoms[e]];
            for (int n = 0; n < nMax; n++)
            {
                Span<double> target = row.AsSpan((s * nMax + n) * lm, lm);
                for (int l = 0; l <= lMax; l++)
                {
                    double f = w * radial[l * nMax + n];
                    int end = (l + 1) * (l + 1);
                    for (int i = l * l; i < end; i++) target[i] += f * harmonics[i];
                }
            }
        }
    }

    /// <summary>Per-thread buffers: radial values, radial scratch, Y_lm.</summary>
    internal sealed class Workspace(int radial, int scratch, int harmonics)
    {
        public double[] Radial { get; } = new double[radial];

        public double[] Scratch { get; } = new double[Math.Max(1, scratch)];

        public double[] Harmonics { get; } = new double[harmonics];
    }
}
