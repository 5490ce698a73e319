using System;
using MathNet.Numerics;
using NmrDsl.Runtime.Pde;
using NmrDsl.Testing;

namespace NmrDsl.Specs.Tests;

/// <summary>
/// The relayed-DNP forward models of specs/dnp/ in other geometries (issue 3, item 6):
/// two-region-slab.nmr and two-region-cylinder.nmr against closed-form long-time steady states of
/// D ∇²P = (P − P0)/T1 per region (L = √(D T1)), joined by continuity of P and of C D dP/dx at R,
/// and heterogeneous-t1-sphere.nmr (no closed form) by self-convergence under mesh refinement and a
/// physical ordering against its homogeneous limit fs = 0.
/// </summary>
public sealed class DnpGeometryTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const double C1 = 75_000, C2 = 19_000, D = 5e-16, T11 = 60, T12 = 3, P01 = 1, P02 = 100; // SI, from the specs
    private const double SteadyTime = 3000; // 50 solid T1: every transient has decayed below e^-50

    /// <summary>
    /// Slab: P = P01 + a cosh(x/L1) in the solid (zero flux at x = 0), P = P02 + c cosh((x − Lp)/L2)
    /// in the solvent (zero flux at Lp). With w = (R − Lp)/L2, continuity at R gives
    /// a cosh(R/L1) − c cosh(w) = P02 − P01 and C1 D a sinh(R/L1)/L1 − C2 D c sinh(w)/L2 = 0.
    /// Tolerance: 1e-4 of P02 pointwise (spec's 400 cells; second-order FV error ~ (h/L2)² ≈ 1.5e-4
    /// of the solvent drop), 1e-4 relative for the region means against Simpson quadrature.
    /// </summary>
    [Fact]
    public void Slab_long_time_field_matches_the_two_region_steady_state()
    {
        var problem = new TwoRegionSlab();
        double radius = problem.Parameters.R, outer = problem.End;
        Assert.Equal(2 * radius, outer, 1e-20);
        double l1 = Math.Sqrt(D * T11), l2 = Math.Sqrt(D * T12), w = (radius - outer) / l2;
        double m11 = Math.Cosh(radius / l1), m12 = -Math.Cosh(w);
        double m21 = C1 * D * Math.Sinh(radius / l1) / l1, m22 = -C2 * D * Math.Sinh(w) / l2;
        var (a, c) = Solve2(m11, m12, m21, m22, P02 - P01);
        double Exact(double x) => x < radius ? P01 + (a * Math.Cosh(x / l1)) : P02 + (c * Math.Cosh((x - outer) / l2));

        CheckSteadyState("slab", problem, problem.Options, Exact, radius, outer, 0, problem.ObserveY, problem.ObserveZ);
    }

    /// <summary>
    /// Cylinder: P = P01 + a I0(r/L1) in the solid (regular at 0), P = P02 + c G(r) in the solvent with
    /// G = I0(r/L2) K1(Rp/L2) + K0(r/L2) I1(Rp/L2), whose derivative (I1(r/L2) K1(Rp/L2) − K1(r/L2) I1(Rp/L2))/L2
    /// vanishes at Rp (d I0(r/L)/dr = I1/L, d K0(r/L)/dr = −K1/L). Continuity of P and C D dP/dr at R
    /// gives the 2×2 system. Bessel functions: MathNet.Numerics.SpecialFunctions.
    /// Tolerance: 1e-4 of P02 pointwise at the spec's 400 cells, 1e-4 relative for the region means.
    /// </summary>
    [Fact]
    public void Cylinder_long_time_field_matches_the_two_region_steady_state()
    {
        var problem = new TwoRegionCylinder();
        double radius = problem.Parameters.R, outer = problem.End;
        Assert.Equal(radius * Math.Sqrt(2), outer, 1e-20);
        double l1 = Math.Sqrt(D * T11), l2 = Math.Sqrt(D * T12);
        double k1o = SpecialFunctions.BesselK1(outer / l2), i1o = SpecialFunctions.BesselI1(outer / l2);
        double G(double r) => (SpecialFunctions.BesselI0(r / l2) * k1o) + (SpecialFunctions.BesselK0(r / l2) * i1o);
        double Gp(double r) => ((SpecialFunctions.BesselI1(r / l2) * k1o) - (SpecialFunctions.BesselK1(r / l2) * i1o)) / l2;
        Assert.True(Math.Abs(Gp(outer)) < 1e-12 * Math.Abs(G(outer)) / l2, "G'(Rp) = 0");
        double m11 = SpecialFunctions.BesselI0(radius / l1), m12 = -G(radius);
        double m21 = C1 * D * SpecialFunctions.BesselI1(radius / l1) / l1, m22 = -C2 * D * Gp(radius);
        var (a, c) = Solve2(m11, m12, m21, m22, P02 - P01);
        double Exact(double r) => r < radius ? P01 + (a * SpecialFunctions.BesselI0(r / l1)) : P02 + (c * G(r));

        CheckSteadyState("cylinder", problem, problem.Options, Exact, radius, outer, 1, problem.ObserveY, problem.ObserveZ);
    }

    /// <summary>
    /// Heterogeneous solid T1 (no closed form): y(t_end = 120 s) on 100, 200 and 400 cells. The observed
    /// order log2((y100 − y200)/(y200 − y400)) must lie in [1.7, 2.3] (the scheme is second order), and
    /// y400 must lie within 1e-4 relative of the Richardson extrapolation y400 + (y400 − y200)/(2^p − 1).
    /// </summary>
    [Fact]
    public void Heterogeneous_t1_sphere_converges_at_second_order()
    {
        var problem = new HeterogeneousT1Sphere();
        double Y(int cells)
        {
            var p = new HeterogeneousT1Sphere { Options = problem.Options with { Cells = cells, OutputCount = 2 } };
            return p.ObserveY(p.Solve())[^1];
        }

        double y100 = Y(100), y200 = Y(200), y400 = Y(400);
        double order = ReferenceSolutions.Order(Math.Abs(y100 - y200), Math.Abs(y200 - y400));
        double extrapolated = y400 + ((y400 - y200) / (Math.Pow(2, order) - 1));
        double relative = Math.Abs(y400 - extrapolated) / Math.Abs(extrapolated);
        output.WriteLine($"heterogeneous T1: y(120 s) = {y100:R} / {y200:R} / {y400:R} on 100/200/400 cells; observed order {order:F3}; Richardson {extrapolated:R}; |y400 - yR|/yR = {relative:E3}");
        Assert.InRange(order, 1.7, 2.3);
        Assert.True(relative < 1e-4, $"|y400 - yR|/yR = {relative:E3}");
    }

    /// <summary>
    /// Physical ordering. At t_end = 120 s the solid's mean polarization y is far above its thermal value
    /// P0 = 1, so its relaxation drains it; a solid relaxing faster near its surface (fs = 0.5: T1 from
    /// 60 s at the centre to 30 s at r = R) must end lower than the homogeneous solid (fs = 0, T1 = 60 s
    /// throughout), everything else equal (same R = 250 nm, Vratio, times and 400 cells). The comparison is
    /// of y at t_end only: at early times, while P &lt; 1 in the core, faster relaxation raises P instead
    /// (measured on the spec's 121 outputs: y(1 s) = 1.3050 for fs = 0.5 against 1.3042 for fs = 0; lower from 2 s on).
    /// The fs = 0 limit is also checked against two-region-sphere.nmr run with R = 250 nm and t_end = 120 s
    /// on the same mesh (same equations, so equal to 1e-8 relative, the integrator's tolerance).
    /// </summary>
    [Fact]
    public void Faster_surface_relaxation_lowers_the_final_solid_polarization()
    {
        var heterogeneous = new HeterogeneousT1Sphere();
        var options = heterogeneous.Options with { OutputCount = 2 };
        heterogeneous = new HeterogeneousT1Sphere { Options = options };
        var homogeneous = new HeterogeneousT1Sphere(new HeterogeneousT1SphereParameters { fs = 0 }) { Options = options };
        var reference = new TwoRegionSphere(new TwoRegionSphereParameters { R = heterogeneous.Parameters.R, tend = heterogeneous.Parameters.tend }) { Options = options };
        Assert.Equal(0.5, heterogeneous.Parameters.fs);

        double yHet = heterogeneous.ObserveY(heterogeneous.Solve())[^1];
        double yHom = homogeneous.ObserveY(homogeneous.Solve())[^1];
        double yRef = reference.ObserveY(reference.Solve())[^1];
        output.WriteLine($"y(120 s): fs = 0.5 -> {yHet:R}; fs = 0 -> {yHom:R}; TwoRegionSphere(R = 250 nm) -> {yRef:R}");
        Assert.True(Math.Abs(yHom - yRef) / yRef < 1e-8, $"fs = 0 limit {yHom} vs TwoRegionSphere {yRef}");
        Assert.True(yHet > P01 && yHet < yHom, $"y_het = {yHet}, y_hom = {yHom}");
    }

    private static (double A, double C) Solve2(double m11, double m12, double m21, double m22, double rhs)
    {
        double det = (m11 * m22) - (m12 * m21);
        return (rhs * m22 / det, -rhs * m21 / det);
    }

    private void CheckSteadyState(string name, IDiffusionReactionProblem problem, FiniteVolumeOptions options, Func<double, double> exact,
        double radius, double outer, int k, Func<PdeSolution, double[]> observeY, Func<PdeSolution, double[]> observeZ)
    {
        var solution = FiniteVolumeSolver.Solve(new ProblemWithEndTime(problem, SteadyTime), options with { OutputCount = 11 });
        double[] field = solution.Values[^1];
        double maxError = 0;
        for (int i = 0; i < solution.Mesh.CellCount; i++)
        {
            maxError = Math.Max(maxError, Math.Abs(field[i] - exact(solution.Mesh.Centres[i])) / P02);
        }
        output.WriteLine($"{name} steady state, {solution.Mesh.CellCount} cells: max |P - P_exact| / P0 = {maxError:E3}");
        Assert.True(maxError < 1e-4, $"max |P - P_exact| / P0 = {maxError:E3}");

        double y = observeY(solution)[^1], z = observeZ(solution)[^1];
        double yExact = Average(exact, 0, radius, k), zExact = Average(exact, radius, outer, k);
        output.WriteLine($"{name}: y = {y:R} (exact {yExact:R}, rel {Math.Abs(y - yExact) / yExact:E2}), z = {z:R} (exact {zExact:R}, rel {Math.Abs(z - zExact) / zExact:E2})");
        Assert.True(Math.Abs(y - yExact) / yExact < 1e-4, $"y = {y}, exact {yExact}");
        Assert.True(Math.Abs(z - zExact) / zExact < 1e-4, $"z = {z}, exact {zExact}");
        Assert.True(y > P01 && y < z && z < P02, "polarization flows from the solvent into the solid");
    }

    /// <summary>Mean of f over [from, to] with weight x^k (k = 0 slab, 1 cylinder), composite Simpson.</summary>
    private static double Average(Func<double, double> f, double from, double to, int k)
    {
        const int n = 20_000;
        double h = (to - from) / n, sum = 0, weights = 0;
        for (int i = 0; i <= n; i++)
        {
            double x = from + (i * h);
            double w = (i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2)) * Math.Pow(x, k);
            sum += w * f(x);
            weights += w;
        }
        return sum / weights;
    }
}
