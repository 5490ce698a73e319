using NmrDsl.Testing;
using System;
using NmrDsl.Runtime.Pde;
using Xunit.Abstractions;

namespace NmrDsl.Runtime.Tests.Pde;

/// <summary>
/// Cylinder 0 ≤ r ≤ R with u(R) = 0: the first radial mode u = J0(α r/R) exp(−α² D t / R²),
/// α = 2.404825557695773 the first zero of J0, is exact (Crank, The Mathematics of Diffusion,
/// 2nd ed., §5.3.1, eq. 5.24 term n = 1); its area average is 2 J1(α)/α times the amplitude.
/// </summary>
public sealed class CylinderModeTests
{
    private const double R = 1e-6;       // m
    private const double D = 500e-18;    // m²/s
    private const double Alpha = ReferenceSolutions.J0FirstZero;
    private const double EndTime = 0.2 * R * R / D; // 400 s: amplitude e^(−α²/5) ≈ 0.31

    private readonly ITestOutputHelper _output;

    public CylinderModeTests(ITestOutputHelper output) => _output = output;

    private static TestProblem Mode() => new()
    {
        Geometry = Geometry.Cylinder,
        Start = 0,
        End = R,
        EndTime = EndTime,
        K = (_, _, _) => D,
        U0 = (r, _) => ReferenceSolutions.BesselJ0(Alpha * r / R),
        Left = _ => BoundaryCondition.Regular,
        Right = _ => BoundaryCondition.Dirichlet(0),
    };

    private static double Amplitude(double t) => Math.Exp(-Alpha * Alpha * D * t / (R * R));

    private static PdeSolution Solve(int cells, double rtol) =>
        FiniteVolumeSolver.Solve(Mode(), new FiniteVolumeOptions { Cells = cells, OutputCount = 21, RelativeTolerance = rtol, AbsoluteTolerance = 1e-14 });

    [Fact]
    public void BesselModeDecaysAtTheFirstZeroRate()
    {
        // Tolerance: max |u − exact| < 1e-4 × amplitude and |mean − 2 J1(α)/α × amplitude| < 1e-4 × that, at 200 cells.
        PdeSolution s = FiniteVolumeSolver.Solve(Mode(), new FiniteVolumeOptions { Cells = 200, OutputCount = 21 });
        double field = SlabHeatEquationTests.MaxRelativeError(s, Amplitude, r => ReferenceSolutions.BesselJ0(Alpha * r / R));
        double meanRatio = 2 * ReferenceSolutions.BesselJ1(Alpha) / Alpha;
        double mean = 0;
        for (int j = 0; j < s.Times.Length; j++)
        {
            double exact = meanRatio * Amplitude(s.Times[j]);
            mean = Math.Max(mean, Math.Abs(s.VolumeAverage(j) - exact) / exact);
        }

        _output.WriteLine($"cylinder J0 mode, 200 cells: field error {field:E3}, mean error {mean:E3}; {s.Statistics.AcceptedSteps} steps");
        Assert.True(field < 1e-4, $"field error {field:E3}");
        Assert.True(mean < 1e-4, $"mean error {mean:E3}");
    }

    [Fact]
    public void SpatialOrderIsTwo()
    {
        // Expected: log2(e_N / e_2N) within [1.8, 2.2] for N = 50, 100.
        double e50 = SlabHeatEquationTests.MaxRelativeError(Solve(50, 1e-11), Amplitude, r => ReferenceSolutions.BesselJ0(Alpha * r / R));
        double e100 = SlabHeatEquationTests.MaxRelativeError(Solve(100, 1e-11), Amplitude, r => ReferenceSolutions.BesselJ0(Alpha * r / R));
        double e200 = SlabHeatEquationTests.MaxRelativeError(Solve(200, 1e-11), Amplitude, r => ReferenceSolutions.BesselJ0(Alpha * r / R));
        double p1 = ReferenceSolutions.Order(e50, e100), p2 = ReferenceSolutions.Order(e100, e200);
        _output.WriteLine($"cylinder errors 50/100/200: {e50:E3} {e100:E3} {e200:E3}; orders {p1:F3} {p2:F3}");
        Assert.InRange(p1, 1.8, 2.2);
        Assert.InRange(p2, 1.8, 2.2);
    }

    [Fact]
    public void BesselSeriesMatchesTabulatedValues()
    {
        // Abramowitz & Stegun Table 9.1: J0(1) = 0.7651976866, J1(1) = 0.4400505857; J0(α) = 0 at the first zero.
        Assert.Equal(0.7651976866, ReferenceSolutions.BesselJ0(1.0), 9);
        Assert.Equal(0.4400505857, ReferenceSolutions.BesselJ1(1.0), 9);
        Assert.True(Math.Abs(ReferenceSolutions.BesselJ0(Alpha)) < 1e-15);
    }
}
