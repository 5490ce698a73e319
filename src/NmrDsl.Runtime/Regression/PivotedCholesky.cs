using System;
using System.Collections.Generic;
using static System.FormattableString;

namespace NmrDsl.Runtime.Regression;

/// <summary>
/// Greedy pivoted incomplete Cholesky of a kernel matrix, K ≈ G Gᵀ with G n × m (Fine &amp; Scheinberg, JMLR 2 (2001)
/// 243; Harbrecht, Peters &amp; Schneider, Appl. Numer. Math. 62 (2012) 428). Each step picks the row with the largest
/// residual diagonal d_p = K_pp − Σ_j G_pj², sets G_:,new = (K_:,p − G G_p,:ᵀ) / √d_p, and subtracts its square from
/// the residual diagonal. The residual K − G Gᵀ stays positive semidefinite and decreases in the Loewner order at every
/// step, so its trace (recorded in <see cref="ResidualTrace"/>), Frobenius and spectral norms never increase. The
/// pivots are the Nyström landmarks of <see cref="LandmarkMethod.PivotedCholesky"/>. Columns of K are computed on demand.
/// </summary>
public sealed class PivotedCholesky
{
    private PivotedCholesky(int[] pivots, double[] residualTrace, double[] factor, int n)
    {
        Pivots = pivots;
        ResidualTrace = residualTrace;
        Factor = factor;
        Rows = n;
    }

    /// <summary>Rows chosen, in order.</summary>
    public int[] Pivots { get; }

    /// <summary>tr(K − G_k G_kᵀ) after k = 0, 1, … steps (entry 0 is tr K).</summary>
    public double[] ResidualTrace { get; }

    /// <summary>G, row-major n × Pivots.Length.</summary>
    public double[] Factor { get; }

    /// <summary>n.</summary>
    public int Rows { get; }

    /// <summary>
    /// Runs at most <paramref name="maxRank"/> steps on the kernel matrix of standardised rows <paramref name="z"/> (n × d),
    /// stopping early when the largest residual diagonal falls below <paramref name="tolerance"/>.
    /// </summary>
    public static PivotedCholesky Compute(double[] z, int n, int d, KernelFunction kernel, int maxRank, double tolerance = 1e-12)
    {
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(kernel);
        if (maxRank < 1 || maxRank > n)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRank), Invariant($"Rank {maxRank} must be in [1, {n}]."));
        }

        var diagonal = new double[n];
        Array.Fill(diagonal, 1.0); // k(x, x) = 1 for the Gaussian and Laplacian kernels
        var columns = new List<double[]>();
        var pivots = new List<int>();
        double trace = n;
        var traces = new List<double> { trace };
        for (int step = 0; step < maxRank; step++)
        {
            int p = 0;
            for (int i = 1; i < n; i++)
            {
                if (diagonal[i] > diagonal[p])
                {
                    p = i;
                }
            }

            if (diagonal[p] <= tolerance)
            {
                break;
            }

            double[] column = kernel.Matrix(z, n, z.AsSpan(p * d, d).ToArray(), 1, d, ManagedLinearAlgebra.Instance);
            foreach (double[] g in columns)
            {
                double gp = g[p];
                for (int i = 0; i < n; i++)
                {
                    column[i] -= g[i] * gp;
                }
            }

            double scale = 1 / Math.Sqrt(diagonal[p]);
            trace = 0;
            for (int i = 0; i < n; i++)
            {
                column[i] *= scale;
                diagonal[i] = Math.Max(0, diagonal[i] - column[i] * column[i]);
                trace += diagonal[i];
            }

            diagonal[p] = 0;
            columns.Add(column);
            pivots.Add(p);
            traces.Add(trace);
        }

        int m = columns.Count;
        var factor = new double[(long)n * m];
        for (int j = 0; j < m; j++)
        {
            for (int i = 0; i < n; i++)
            {
                factor[(long)i * m + j] = columns[j][i];
            }
        }

        return new PivotedCholesky([.. pivots], [.. traces], factor, n);
    }
}
