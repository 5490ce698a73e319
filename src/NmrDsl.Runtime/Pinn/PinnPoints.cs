using System;
using System.Collections.Generic;

namespace NmrDsl.Runtime.Pinn;

/// <summary>What a point's value contributes: every PINN loss term is linear in the network jets at its points.</summary>
internal enum PointRole
{
    /// <summary>The equation's residual.</summary>
    Residual,

    /// <summary>The field ũ = ũ0 + h N (interface continuity, Dirichlet data, initial values, quadrature of observables).</summary>
    Value,

    /// <summary>The scaled flux (K/K_ref) dũ/dξ (interface flux continuity, flux boundary conditions).</summary>
    Flux,

    /// <summary>The gradient dũ/dξ (Neumann boundary conditions).</summary>
    Gradient,
}

/// <summary>Where a point's constant term comes from.</summary>
internal enum PointSource
{
    None,
    StartBoundary,
    EndBoundary,
    InitialValue,
}

/// <summary>One point of one region's network with the role it plays in the loss; <see cref="Sign"/> folds the two sides of an interface into one sum.</summary>
internal readonly record struct PinnPoint(double Xi, double Tau, PointRole Role, double Sign = 1.0, PointSource Source = PointSource.None);

/// <summary>A contiguous run of one region's points.</summary>
internal readonly record struct Segment(int Region, int Offset, int Count);

/// <summary>
/// An observable evaluated by quadrature: for every data time m, Σ over segments of Σ_j w_j ũ(ξ_j, τ_m); each
/// segment's points are ordered time-major (all nodes of time 0, then time 1, …).
/// </summary>
internal sealed record DataTerm(string Name, Segment[] Segments, double[][] NodeWeights, double[] Times, double[] Values, double Scale);

/// <summary>
/// Every point the PINN evaluates, per region, and how the loss terms read them: residual segments, interface pairs
/// (value and flux), boundary segments, soft initial values and the data quadratures.
/// </summary>
internal sealed class PinnPoints
{
    public PinnPoints(int regions)
    {
        Points = new List<PinnPoint>[regions];
        for (int i = 0; i < regions; i++) Points[i] = new List<PinnPoint>();
    }

    public List<PinnPoint>[] Points { get; }

    public List<Segment> Residuals { get; } = new();

    /// <summary>Pairs whose elementwise sum must vanish (interface continuity of the value and of the flux).</summary>
    public List<(Segment Left, Segment Right)> InterfacePairs { get; } = new();

    public List<Segment> Boundaries { get; } = new();

    public List<Segment> Initials { get; } = new();

    public List<DataTerm> Data { get; } = new();

    public Segment Add(int region, IEnumerable<PinnPoint> points)
    {
        int offset = Points[region].Count;
        Points[region].AddRange(points);
        return new Segment(region, offset, Points[region].Count - offset);
    }

    public int Count(int region) => Points[region].Count;
}

/// <summary>Node placements for the collocation sets and the quadratures.</summary>
internal static class PinnSampling
{
    /// <summary>
    /// n Chebyshev–Gauss points on (a, b): clustered towards both ends, where the interface and boundary layers of a
    /// diffusion build-up are, and never on the ends themselves.
    /// </summary>
    public static double[] Chebyshev(double a, double b, int n)
    {
        var x = new double[n];
        for (int j = 0; j < n; j++) x[j] = a + (b - a) * 0.5 * (1.0 - Math.Cos(Math.PI * (j + 0.5) / n));
        return x;
    }

    /// <summary>n collocation times in (0, 1] (dimensionless), spread as <paramref name="sampling"/> asks; τ_min is the shortest time scale.</summary>
    public static double[] Times(int n, TimeSampling sampling, double tauMin)
    {
        tauMin = Math.Clamp(tauMin, 1e-6, 0.5);
        int geometric = sampling switch { TimeSampling.Uniform => 0, TimeSampling.Geometric => n, _ => n / 2 };
        var t = new List<double>(n);
        for (int j = 0; j < geometric; j++) t.Add(tauMin * Math.Pow(1.0 / tauMin, geometric == 1 ? 1.0 : j / (double)(geometric - 1)));
        int uniform = n - geometric;
        for (int j = 1; j <= uniform; j++) t.Add(j / (double)uniform);
        t.Sort();
        return t.ToArray();
    }

    /// <summary>Gauss–Legendre nodes and weights on [a, b] (Golub–Welsch via the Newton iteration on P_n).</summary>
    public static (double[] Nodes, double[] Weights) GaussLegendre(double a, double b, int n)
    {
        var nodes = new double[n];
        var weights = new double[n];
        for (int i = 0; i < n; i++)
        {
            double z = Math.Cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0;
            for (int iteration = 0; iteration < 100; iteration++)
            {
                double p0 = 1, p1 = 0;
                for (int k = 1; k <= n; k++)
                {
                    double p2 = p1;
                    p1 = p0;
                    p0 = ((2 * k - 1) * z * p1 - (k - 1) * p2) / k;
                }
                dp = n * (z * p0 - p1) / (z * z - 1);
                double step = p0 / dp;
                z -= step;
                if (Math.Abs(step) < 1e-15) break;
            }
            nodes[n - 1 - i] = a + (b - a) * 0.5 * (z + 1);
            weights[n - 1 - i] = (b - a) / ((1 - z * z) * dp * dp);
        }
        return (nodes, weights);
    }
}
