using NmrDsl.Testing;
using System;
using NmrDsl.Runtime.Pde;
using Xunit.Abstractions;

namespace NmrDsl.Runtime.Tests.Pde;

/// <summary>
/// Slab heat equation u_t = α u_xx on [0, L] with u = 0 at both ends: the fundamental mode
/// u = sin(πx/L) exp(−α π² t / L²) is exact (separation of variables; Carslaw &amp; Jaeger,
/// Conduction of Heat in Solids, 2nd ed., §3.3).
/// </summary>
public sealed class SlabHeatEquationTests
{
    private const double L = 2e-6;        // m
    private const double Alpha = 1e-15;   // m²/s (1000 nm²/s)
    private const double EndTime = 0.1 * L * L / Alpha; // 400 s: the amplitude decays to e^(−π²/10) ≈ 0.37

    private readonly ITestOutputHelper _output;

    public SlabHeatEquationTests(ITestOutputHelper output) => _output = output;

    private static TestProblem Mode() => new()
    {
        Geometry = Geometry.Slab,
        Start = 0,
        End = L,
        EndTime = EndTime,
        K = (_, _, _) => Alpha,
        U0 = (x, _) => Math.Sin(Math.PI * x / L),
        Left = _ => BoundaryCondition.Dirichlet(0),
        Right = _ => BoundaryCondition.Dirichlet(0),
    };

    /// <summary>max over outputs and cells of |u − exact| / amplitude(t).</summary>
    internal static double MaxRelativeError(PdeSolution solution, Func<double, double> amplitude, Func<double, double> shape)
    {
        double worst = 0;
        for (int j = 0; j < solution.Times.Length; j++)
        {
            double a = amplitude(solution.Times[j]);
            double[] u = solution.Field(j);
            for (int i = 0; i < u.Length; i++)
            {
                worst = Math.Max(worst, Math.Abs(u[i] - a * shape(solution.Mesh.Centres[i])) / a);
            }
        }

        return worst;
    }

    private static double Error(int cells, double rtol)
    {
        PdeSolution s = FiniteVolumeSolver.Solve(Mode(), new FiniteVolumeOptions { Cells = cells, OutputCount = 21, RelativeTolerance = rtol, AbsoluteTolerance = 1e-14 });
        return MaxRelativeError(s, t => Math.Exp(-Alpha * Math.PI * Math.PI * t / (L * L)), x => Math.Sin(Math.PI * x / L));
    }

    [Fact]
    public void ModeDecayMatchesExactSolution()
    {
        // Tolerance: max |u − exact| < 1e-4 × amplitude at 200 cells, default integrator tolerances.
        PdeSolution s = FiniteVolumeSolver.Solve(Mode(), new FiniteVolumeOptions { Cells = 200 });
        double error = MaxRelativeError(s, t => Math.Exp(-Alpha * Math.PI * Math.PI * t / (L * L)), x => Math.Sin(Math.PI * x / L));
        _output.WriteLine($"slab mode, 200 cells: max error / amplitude {error:E3}; {s.Statistics.AcceptedSteps} steps, {s.Statistics.RejectedSteps} rejected");
        Assert.True(error < 1e-4, $"error {error:E3}");
    }

    [Fact]
    public void SpatialOrderIsTwo()
    {
        // Expected: log2(e_N / e_2N) within [1.8, 2.2]; rtol 1e-11 keeps the time error negligible.
        double e50 = Error(50, 1e-11), e100 = Error(100, 1e-11), e200 = Error(200, 1e-11);
        double p1 = ReferenceSolutions.Order(e50, e100), p2 = ReferenceSolutions.Order(e100, e200);
        _output.WriteLine($"slab errors 50/100/200: {e50:E3} {e100:E3} {e200:E3}; orders {p1:F3} {p2:F3}");
        Assert.InRange(p1, 1.8, 2.2);
        Assert.InRange(p2, 1.8, 2.2);
    }
}
