using System;
using NmrDsl.Runtime.Pde;
using Xunit.Abstractions;

namespace NmrDsl.Runtime.Tests.Pde;

/// <summary>
/// Global balances that a conservative finite-volume scheme satisfies exactly in the
/// semi-discrete sense (LeVeque, Finite Volume Methods for Hyperbolic Problems, 2002, §2.1 / §4.1):
/// d/dt ∫ A u dV = boundary inflow + ∫ (S0 + S1 u) dV.
/// </summary>
public sealed class ConservationTests
{
    private readonly ITestOutputHelper _output;

    public ConservationTests(ITestOutputHelper output) => _output = output;

    /// <summary>∫ A u dV = Σ A(x_i) u_i V_i at output j (per unit area / radian / steradian).</summary>
    private static double Total(PdeSolution s, IDiffusionReactionProblem p, int j)
    {
        double sum = 0;
        for (int i = 0; i < s.Mesh.CellCount; i++)
        {
            sum += p.Capacity(s.Mesh.Centres[i], s.Times[j], s.Mesh.CellRegion[i]) * s.Values[j][i] * s.Mesh.Volumes[i];
        }

        return sum;
    }

    [Fact]
    public void InsulatedSphereConservesTheTotalToRounding()
    {
        // Two-region sphere (capacity 75 / 19 mol/L, D 500 / 2000 nm²/s), insulated, no source, non-uniform start.
        // Tolerance: |total(t) / total(0) − 1| < 1e-12 at every output.
        var p = new TestProblem
        {
            Geometry = Geometry.Sphere,
            End = 2e-6,
            Interfaces = new[] { 1e-6 },
            EndTime = 2000,
            A = (_, _, region) => region == 0 ? 75e3 : 19e3,
            K = (_, _, region) => region == 0 ? 500e-18 * 75e3 : 2000e-18 * 19e3,
            U0 = (r, region) => region == 0 ? 1 + Math.Cos(Math.PI * r / 1e-6) : 0.25,
            Left = _ => BoundaryCondition.Regular,
            Right = _ => BoundaryCondition.Flux(0),
        };
        PdeSolution s = FiniteVolumeSolver.Solve(p, new FiniteVolumeOptions { Cells = 120, OutputCount = 41 });
        double total0 = Total(s, p, 0), worst = 0;
        for (int j = 1; j < s.Times.Length; j++)
        {
            worst = Math.Max(worst, Math.Abs(Total(s, p, j) / total0 - 1));
        }

        _output.WriteLine($"insulated sphere: max |total/total0 − 1| = {worst:E2}; final spread {Spread(s.Values[^1]):E2}");
        Assert.True(worst < 1e-12, $"drift {worst:E2}");
        Assert.True(Spread(s.Values[0]) > 1, "the start must be non-uniform for the test to mean anything");
    }

    [Fact]
    public void UniformRelaxationDecaysTheTotalExponentially()
    {
        // S1 = −A/T1 with insulated ends: d/dt ∫ A u = −(1/T1) ∫ A u exactly, also for a non-uniform A(x) and u.
        // Because 1ᵀM is a left null vector of the diffusion matrix, the discrete total follows the scalar
        // TR-BDF2 recursion for y' = −y/T1 on the same steps: the deviation is the integrator's global
        // time error (~100 × rtol at the default rtol 1e-8, hence rtol 1e-10 here).
        // Tolerance: |total(t) / (total(0) e^(−t/T1)) − 1| < 1e-6 over three T1.
        const double t1 = 60; // s
        var p = new TestProblem
        {
            Geometry = Geometry.Slab,
            End = 1e-6,
            EndTime = 3 * t1,
            A = (x, _, _) => 1 + x / 1e-6,
            K = (_, _, _) => 500e-18,
            S1 = (x, _, _) => -(1 + x / 1e-6) / t1,
            U0 = (x, _) => 1 + Math.Cos(Math.PI * x / 1e-6),
        };
        PdeSolution s = FiniteVolumeSolver.Solve(p, new FiniteVolumeOptions { Cells = 100, OutputCount = 31, RelativeTolerance = 1e-10 });
        double total0 = Total(s, p, 0), worst = 0;
        for (int j = 1; j < s.Times.Length; j++)
        {
            worst = Math.Max(worst, Math.Abs(Total(s, p, j) / (total0 * Math.Exp(-s.Times[j] / t1)) - 1));
        }

        _output.WriteLine($"relaxation: max relative deviation from exp(−t/T1) {worst:E2}; {s.Statistics.AcceptedSteps} steps");
        Assert.True(worst < 1e-6, $"deviation {worst:E2}");
    }

    [Fact]
    public void ConstantInfluxGrowsTheTotalLinearly()
    {
        // Sphere, regular centre, outward flux −q at r = R (an influx q): ∫ A u dV (per steradian) = q R² t exactly.
        // Tolerance: relative error < 1e-10 at every output after the first.
        const double radius = 1e-6, q = 2.5e-3; // m; mol m^-2 s^-1 for a capacity in mol/m³
        var p = new TestProblem
        {
            Geometry = Geometry.Sphere,
            End = radius,
            EndTime = 500,
            A = (_, _, _) => 75e3,
            K = (_, _, _) => 500e-18 * 75e3,
            Left = _ => BoundaryCondition.Regular,
            Right = _ => BoundaryCondition.Flux(-q),
        };
        PdeSolution s = FiniteVolumeSolver.Solve(p, new FiniteVolumeOptions { Cells = 80, OutputCount = 26 });
        double worst = 0;
        for (int j = 1; j < s.Times.Length; j++)
        {
            double exact = q * radius * radius * s.Times[j];
            worst = Math.Max(worst, Math.Abs(Total(s, p, j) / exact - 1));
        }

        _output.WriteLine($"constant influx: max relative error of q·R²·t {worst:E2}");
        Assert.True(worst < 1e-10, $"error {worst:E2}");
    }

    private static double Spread(double[] u)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in u)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return max - min;
    }
}
