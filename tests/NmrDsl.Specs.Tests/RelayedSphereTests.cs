using System;
using NmrDsl.Runtime.Pde;

namespace NmrDsl.Specs.Tests;

/// <summary>
/// specs/pde/relaxing-sphere.nmr: two regions with piecewise C, D, T1, P0, a time-dependent
/// source and a no-flux surface. At long times the field reaches the closed-form steady state of
/// D ∇²P = (P − P0)/T1 per region: P = P0₁ + a sinh(r/L₁)/r in the core (regular at 0),
/// P = P0₂ + c [cosh(w) + (L₂/Rp) sinh(w)]/r with w = (r − Rp)/L₂ in the shell (zero flux at Rp),
/// L = √(D T1), joined by continuity of P and of C D dP/dr at r = R.
/// </summary>
public sealed class RelayedSphereTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const double C1 = 75_000, C2 = 19_000, D = 5e-16, T11 = 60, T12 = 3, P01 = 1, P02 = 100; // SI, from the spec

    [Fact]
    public void Coefficients_are_piecewise_by_region_and_time_dependent()
    {
        var problem = new RelayedSphere();
        Assert.Equal(new[] { "solid", "solvent" }, problem.RegionNames);
        Assert.Equal(2.5e-7, problem.Interfaces[0], 1e-20);
        Assert.Equal(2.5e-7 * Math.Cbrt(2), problem.End, 1e-20);
        Assert.Equal(C1, problem.Capacity(1e-7, 0, 0));
        Assert.Equal(C2 * D, problem.Diffusivity(3e-7, 0, 1), 1e-25);
        Assert.Equal(-C2 / T12, problem.SourceLinear(3e-7, 0, 1), 1e-9);
        Assert.Equal(0.0, problem.SourceConstant(3e-7, 0, 1));                       // source off at t = 0
        Assert.Equal(C2 * P02 / T12 * (1 - Math.Exp(-2.0)), problem.SourceConstant(3e-7, 10, 1), 1e-6); // tau = 5 s
        Assert.True(problem.IsTimeDependent);
        Assert.Equal(BoundaryCondition.Flux(0), problem.EndBoundary(0));
    }

    [Fact]
    public void Long_time_field_matches_the_two_region_steady_state()
    {
        var problem = new RelayedSphere();
        double radius = problem.Parameters.R, outer = problem.End;
        double l1 = Math.Sqrt(D * T11), l2 = Math.Sqrt(D * T12);
        double S(double r) => Math.Sinh(r / l1) / r;
        double Sp(double r) => (Math.Cosh(r / l1) / (l1 * r)) - (Math.Sinh(r / l1) / (r * r));
        double H(double r) { double w = (r - outer) / l2; return (Math.Cosh(w) + (l2 / outer * Math.Sinh(w))) / r; }
        double Hp(double r) { double w = (r - outer) / l2; return ((Math.Sinh(w) / l2) + (Math.Cosh(w) / outer)) / r - ((Math.Cosh(w) + (l2 / outer * Math.Sinh(w))) / (r * r)); }
        // a S(R) - c H(R) = P02 - P01 ;  C1 D a S'(R) - C2 D c H'(R) = 0
        double m11 = S(radius), m12 = -H(radius), m21 = C1 * D * Sp(radius), m22 = -C2 * D * Hp(radius);
        double det = (m11 * m22) - (m12 * m21);
        double a = (P02 - P01) * m22 / det, c = -(P02 - P01) * m21 / det;
        double Exact(double r) => r < radius ? P01 + (a * (r == 0 ? 1 / l1 : S(r))) : P02 + (c * H(r));

        var solution = FiniteVolumeSolver.Solve(new ProblemWithEndTime(problem, 3000), problem.Options with { OutputCount = 11 });
        double[] field = solution.Values[^1];
        double maxError = 0;
        for (int i = 0; i < solution.Mesh.CellCount; i++)
        {
            maxError = Math.Max(maxError, Math.Abs(field[i] - Exact(solution.Mesh.Centres[i])) / P02);
        }
        output.WriteLine($"two-region steady state, {solution.Mesh.CellCount} cells: max |P - P_exact| / P0 = {maxError:E3}");
        Assert.True(maxError < 1e-4, $"max |P - P_exact| / P0 = {maxError:E3}");

        // Region averages against Simpson quadrature of the exact profile (weight r^2).
        double y = problem.ObserveY(solution)[^1], z = problem.ObserveZ(solution)[^1];
        double yExact = Average(Exact, 0, radius), zExact = Average(Exact, radius, outer);
        output.WriteLine($"y = {y:R} (exact {yExact:R}), z = {z:R} (exact {zExact:R})");
        Assert.True(Math.Abs(y - yExact) / yExact < 1e-4, $"y = {y}, exact {yExact}");
        Assert.True(Math.Abs(z - zExact) / zExact < 1e-4, $"z = {z}, exact {zExact}");
        Assert.True(y > P01 && y < z && z < P02, "polarization flows from the solvent into the core");
    }

    private static double Average(Func<double, double> f, double from, double to)
    {
        const int n = 20_000; // Simpson, even number of intervals
        double h = (to - from) / n, sum = 0;
        for (int i = 0; i <= n; i++)
        {
            double r = from + (i * h);
            double w = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += w * f(r) * r * r;
        }
        double integral = sum * h / 3;
        return integral * 3 / ((to * to * to) - (from * from * from));
    }
}
