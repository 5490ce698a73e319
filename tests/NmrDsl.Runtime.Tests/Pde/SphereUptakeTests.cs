using NmrDsl.Testing;
using System;
using System.Linq;
using NmrDsl.Runtime.Pde;
using Xunit.Abstractions;

namespace NmrDsl.Runtime.Tests.Pde;

/// <summary>
/// Diffusion into a sphere whose surface is held at 1 (Crank, The Mathematics of Diffusion, 2nd ed.,
/// eq. 6.20): the volume average against the exact series, and the observed spatial order.
/// Physical magnitudes of the DNP seed: R = 1 µm, D = 500 nm²/s, C = 75 mol/L (so K = D C).
/// </summary>
public sealed class SphereUptakeTests
{
    private const double Radius = 1e-6;             // m
    private const double D = 500e-18;               // m²/s (500 nm²/s)
    private const double C = 75e3;                  // mol/m³ (75 mol/L)
    private const double DiffusionTime = Radius * Radius / D; // R²/D = 2000 s

    private readonly ITestOutputHelper _output;

    public SphereUptakeTests(ITestOutputHelper output) => _output = output;

    private static TestProblem Uptake() => new()
    {
        Geometry = Geometry.Sphere,
        Start = 0,
        End = Radius,
        EndTime = 0.5 * DiffusionTime,
        A = (_, _, _) => C,
        K = (_, _, _) => D * C,
        U0 = (_, _) => 0.0,
        Left = _ => BoundaryCondition.Regular,
        Right = _ => BoundaryCondition.Dirichlet(1.0),
    };

    /// <summary>Largest |mean(u) − Crank 6.20| over the output times t ≥ 0.01 R²/D (before that the boundary layer is under 20 cells).</summary>
    private static (double Absolute, double Relative) UptakeError(PdeSolution solution)
    {
        double absolute = 0, relative = 0;
        for (int j = 0; j < solution.Times.Length; j++)
        {
            double t = solution.Times[j];
            if (t < 0.01 * DiffusionTime)
            {
                continue;
            }

            double exact = ReferenceSolutions.SphereUptake(t, Radius, D);
            double error = Math.Abs(solution.VolumeAverage(j) - exact);
            absolute = Math.Max(absolute, error);
            relative = Math.Max(relative, error / exact);
        }

        return (absolute, relative);
    }

    [Fact]
    public void VolumeAverageMatchesCrankSeriesToOneInTenThousand()
    {
        // Tolerance: relative error < 1e-4 at 200 cells for every output with t ≥ 0.01 R²/D.
        PdeSolution solution = FiniteVolumeSolver.Solve(Uptake(), new FiniteVolumeOptions { Cells = 200, OutputCount = 101 });
        (double _, double relative) = UptakeError(solution);
        _output.WriteLine($"sphere uptake, 200 cells: max relative error {relative:E3}; steps {solution.Statistics.AcceptedSteps} accepted, {solution.Statistics.RejectedSteps} rejected");
        Assert.True(relative < 1e-4, $"relative error {relative:E3} ≥ 1e-4");
        Assert.Equal(0.5 * DiffusionTime, solution.Times[^1]);
    }

    [Fact]
    public void SpatialOrderIsTwo()
    {
        // Tolerances tight enough that the time error is negligible: with rtol 1e-9, atol 1e-10 the
        // largest error (at t = 0.01 R²/D) agrees with rtol 1e-10, atol 1e-13 to 2e-4 of itself.
        // Outputs from 0.01 to 0.5 R²/D.
        // Expected: observed order log2(e_N / e_2N) within [1.8, 2.2] for N = 50 and 100.
        var options = new FiniteVolumeOptions
        {
            OutputTimes = new[] { 0.01, 0.02, 0.05, 0.1, 0.2, 0.5 }.Select(f => f * DiffusionTime).ToArray(),
            RelativeTolerance = 1e-9,
            AbsoluteTolerance = 1e-10,
        };
        double e50 = UptakeError(FiniteVolumeSolver.Solve(Uptake(), options with { Cells = 50 })).Absolute;
        double e100 = UptakeError(FiniteVolumeSolver.Solve(Uptake(), options with { Cells = 100 })).Absolute;
        double e200 = UptakeError(FiniteVolumeSolver.Solve(Uptake(), options with { Cells = 200 })).Absolute;
        double p1 = ReferenceSolutions.Order(e50, e100), p2 = ReferenceSolutions.Order(e100, e200);
        _output.WriteLine($"sphere uptake errors 50/100/200: {e50:E3} {e100:E3} {e200:E3}; orders {p1:F3} {p2:F3}");
        Assert.InRange(p1, 1.8, 2.2);
        Assert.InRange(p2, 1.8, 2.2);
    }
}
