using System;
using NmrDsl.Runtime.Pde;

namespace NmrDsl.Runtime.Pinn;

/// <summary>
/// The numbers that turn network jets into loss residuals. Every residual is a linear functional of the jets
/// (N, ∂N/∂τ̂, ∂²N/∂q̂², ∂N/∂q̂, 1) at a point, with coefficients that depend on the problem's coefficient functions
/// (generated from the spec), the scales and the unknowns; they are computed here in double precision from the
/// problem at the current unknowns, five per point, row-major.
/// </summary>
/// <remarks>
/// With x = Start + Lξ, t = Tτ, u = U ũ, ũ = ũ0 + h(τ) N(q̂(ξ), τ̂(τ)), the equation
/// A ∂u/∂t = x^-k ∂x(x^k K ∂x u) + S0 + S1 u divided by A_ref U / T reads
/// <code>
///   (A/A_ref) ũ_τ − T/(A_ref L²) [K ũ_ξξ + (L ∂xK + k L K / x) ũ_ξ] − T S0/(A_ref U) − (T S1/A_ref) ũ = 0
/// </code>
/// and ũ_ξ = q̂' h N_q̂, ũ_ξξ = (q̂'' N_q̂ + q̂'² N_q̂q̂) h, ũ_τ = h' N + h τ̂' N_τ̂. ∂xK is a central difference of the
/// generated diffusivity (exact for piecewise-constant materials).
/// </remarks>
internal static class PinnCoefficients
{
    public const int Channels = 5;

    /// <summary>Fills <paramref name="output"/> (length 5 n) for the points of <paramref name="region"/>.</summary>
    public static void Compute(IDiffusionReactionProblem p, PinnDomain domain, int region, RegionInputMap map, TimeInputMap time,
        System.Collections.Generic.IReadOnlyList<PinnPoint> points, Span<double> output)
    {
        double length = p.End - p.Start;
        double T = domain.TimeScale, U = domain.FieldScale, aRef = domain.CapacityScale, kRef = domain.DiffusivityScale;
        int k = domain.Metric;
        double diffusive = T / (aRef * length * length);
        double? uniform = domain.UniformInitial[region];
        double u0 = (uniform ?? 0.0) / U;
        for (int n = 0; n < points.Count; n++)
        {
            var point = points[n];
            double xi = point.Xi, tau = point.Tau;
            double x = p.Start + length * xi, t = T * tau;
            double h = uniform.HasValue ? time.Ramp(tau) : 1.0;
            double hSlope = uniform.HasValue ? time.RampSlope(tau) : 0.0;
            double slope = map.Slope(xi);
            Span<double> c = output.Slice(Channels * n, Channels);
            c.Clear();
            switch (point.Role)
            {
                case PointRole.Residual:
                {
                    double a = p.Capacity(x, t, region), K = p.Diffusivity(x, t, region);
                    double s0 = p.SourceConstant(x, t, region), s1 = p.SourceLinear(x, t, region);
                    double step = 1e-6 * length;
                    double kx = (p.Diffusivity(x + step, t, region) - p.Diffusivity(x - step, t, region)) / (2 * step);
                    double cTime = a / aRef;
                    double cSecond = diffusive * K * slope * slope;
                    double cFirst = map.Squared
                        ? diffusive * (K * map.Curvature + length * kx * slope + k * K * map.SlopeOverPosition(xi))
                        : diffusive * (length * kx + (k == 0 ? 0.0 : k * length * K / x)) * slope;
                    double c1 = T * s1 / aRef;
                    c[0] = cTime * hSlope - c1 * h;          // N
                    c[1] = cTime * h * time.Slope(tau);      // ∂N/∂τ̂
                    c[2] = -cSecond * h;                     // ∂²N/∂q̂²
                    c[3] = -cFirst * h;                      // ∂N/∂q̂
                    c[4] = -(T * s0 / (aRef * U) + c1 * u0); // 1
                    break;
                }
                case PointRole.Value:
                    c[0] = point.Sign * h;
                    c[4] = point.Sign * u0 + Constant(p, domain, point, t, x, region);
                    break;
                case PointRole.Flux:
                    c[3] = point.Sign * p.Diffusivity(x, t, region) / kRef * slope * h;
                    c[4] = Constant(p, domain, point, t, x, region);
                    break;
                case PointRole.Gradient:
                    c[3] = point.Sign * slope * h;
                    c[4] = Constant(p, domain, point, t, x, region);
                    break;
            }
        }
    }

    /// <summary>
    /// The constant of a boundary or initial residual (dimensionless): Dirichlet ũ − v/U, flux ±(K/K_ref) ũ_ξ + vL/(K_ref U),
    /// Neumann ±ũ_ξ − vL/U (outward normal: − at the start, + at the end), soft initial value ũ − u0(ξ)/U.
    /// </summary>
    private static double Constant(IDiffusionReactionProblem p, PinnDomain domain, PinnPoint point, double t, double x, int region)
    {
        double length = p.End - p.Start, U = domain.FieldScale;
        switch (point.Source)
        {
            case PointSource.InitialValue:
                return -p.Initial(x, region) / U;
            case PointSource.StartBoundary:
            case PointSource.EndBoundary:
            {
                var bc = point.Source == PointSource.StartBoundary ? p.StartBoundary(t) : p.EndBoundary(t);
                return bc.Kind switch
                {
                    BoundaryKind.Dirichlet => -bc.Value / U,
                    BoundaryKind.Flux => bc.Value * length / (domain.DiffusivityScale * U),
                    BoundaryKind.Neumann => -bc.Value * length / U,
                    _ => 0.0,
                };
            }
            default:
                return 0.0;
        }
    }
}
