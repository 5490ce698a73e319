using System;
using System.Collections.Generic;
using System.Threading;
using NmrDsl.Runtime.Pde;

namespace NmrDsl.Runtime.Tests.Pde;

/// <summary>Bad input gives an ArgumentException whose message says what and where.</summary>
public sealed class SolverValidationTests
{
    private static TestProblem Ok() => new() { End = 1e-6, EndTime = 10, K = (_, _, _) => 1e-15 };

    [Fact]
    public void NonPositiveCellsAreRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => FiniteVolumeSolver.Solve(Ok(), new FiniteVolumeOptions { Cells = 0 }));
        Assert.Contains("Cells", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyDomainIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => FiniteVolumeSolver.Solve(Ok() with { End = 0 }, new FiniteVolumeOptions()));
        Assert.Contains("end must be greater than its start", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegularConditionOnASlabIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => FiniteVolumeSolver.Solve(Ok() with { Left = _ => BoundaryCondition.Regular }, new FiniteVolumeOptions()));
        Assert.Contains("slab", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegularConditionAwayFromTheAxisIsRejected()
    {
        var shell = Ok() with { Geometry = Geometry.Sphere, Start = 0.5e-6, Left = _ => BoundaryCondition.Regular };
        var e = Assert.Throws<ArgumentException>(() => FiniteVolumeSolver.Solve(shell, new FiniteVolumeOptions()));
        Assert.Contains("r = 5E-07 m", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DirichletAtTheCentreOfASphereIsRejected()
    {
        var ball = Ok() with { Geometry = Geometry.Sphere, Left = _ => BoundaryCondition.Dirichlet(1) };
        var e = Assert.Throws<ArgumentException>(() => FiniteVolumeSolver.Solve(ball, new FiniteVolumeOptions()));
        Assert.Contains("must be Regular", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeDiffusivityNamesRegionAndPosition()
    {
        var p = Ok() with { Interfaces = new[] { 0.5e-6 }, K = (_, _, region) => region == 1 ? -1e-15 : 1e-15 };
        var e = Assert.Throws<ArgumentException>(() => FiniteVolumeSolver.Solve(p, new FiniteVolumeOptions { Cells = 10 }));
        Assert.Contains("Diffusivity K must be positive", e.Message, StringComparison.Ordinal);
        Assert.Contains("region 1 (5E-07 m < x < 1E-06 m)", e.Message, StringComparison.Ordinal);
        Assert.Contains("x = 5.5E-07 m", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZeroCapacityIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => FiniteVolumeSolver.Solve(Ok() with { A = (_, _, _) => 0 }, new FiniteVolumeOptions { Cells = 4 }));
        Assert.Contains("Capacity A must be positive", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputTimesOutsideTheRunAreRejected()
    {
        Assert.Throws<ArgumentException>(() => FiniteVolumeSolver.Solve(Ok(), new FiniteVolumeOptions { OutputTimes = new[] { 0.0, 11 } }));
        Assert.Throws<ArgumentException>(() => FiniteVolumeSolver.Solve(Ok(), new FiniteVolumeOptions { OutputTimes = new[] { 5.0, 5 } }));
    }

    [Fact]
    public void ProgressEndsAtOneAndCancellationStops()
    {
        var reports = new List<JobProgress>();
        var sink = new SynchronousProgress(reports.Add);
        PdeSolution s = FiniteVolumeSolver.Solve(Ok() with { Right = _ => BoundaryCondition.Dirichlet(1) }, new FiniteVolumeOptions { Cells = 20 }, sink);
        Assert.NotEmpty(reports);
        Assert.Equal(1.0, reports[^1].Fraction);
        Assert.Equal("finite-volume", reports[^1].Stage);
        Assert.All(reports, r => Assert.InRange(r.Fraction, 0, 1));
        Assert.Equal(101, s.Times.Length);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => FiniteVolumeSolver.Solve(Ok() with { Right = _ => BoundaryCondition.Dirichlet(1) }, new FiniteVolumeOptions(), null, cancelled.Token));
    }

    [Fact]
    public void ExplicitOutputTimesAreHitExactlyAndFieldAtInterpolates()
    {
        var p = Ok() with { Right = _ => BoundaryCondition.Dirichlet(1) };
        PdeSolution s = FiniteVolumeSolver.Solve(p, new FiniteVolumeOptions { Cells = 20, OutputTimes = new[] { 0.3, 1.7, 10 } });
        Assert.Equal(new[] { 0.3, 1.7, 10 }, s.Times);
        Assert.Equal(s.Values[1], s.FieldAt(1.7));
        double[] mid = s.FieldAt(1.0);
        Assert.Equal(0.5 * (s.Values[0][19] + s.Values[1][19]), mid[19], 15);
        Assert.Throws<ArgumentOutOfRangeException>(() => s.FieldAt(0.1));
    }

    [Fact]
    public void ResultsDoNotDependOnTheUnitsOfTheProblem()
    {
        // Nondimensionalisation: the same physics in µm/s and in m/ks gives the same dimensionless solution.
        // Tolerance 1e-9 (identical scaled systems; only the rounding of the SI inputs differs).
        static TestProblem Uptake(double length, double time) => new()
        {
            Geometry = Geometry.Sphere,
            End = length,
            EndTime = 500 * time,
            K = (_, _, _) => 500e-18 * (length / 1e-6) * (length / 1e-6) / time,
            Left = _ => BoundaryCondition.Regular,
            Right = _ => BoundaryCondition.Dirichlet(1),
        };
        PdeSolution micro = FiniteVolumeSolver.Solve(Uptake(1e-6, 1), new FiniteVolumeOptions { Cells = 40, OutputCount = 11 });
        PdeSolution macro = FiniteVolumeSolver.Solve(Uptake(1, 1000), new FiniteVolumeOptions { Cells = 40, OutputCount = 11 });
        for (int j = 0; j < micro.Times.Length; j++)
        {
            Assert.Equal(micro.VolumeAverage(j), macro.VolumeAverage(j), 9);
        }

        Assert.Equal(micro.Statistics.AcceptedSteps, macro.Statistics.AcceptedSteps);
    }

    private sealed class SynchronousProgress(Action<JobProgress> report) : IProgress<JobProgress>
    {
        public void Report(JobProgress value) => report(value);
    }
}
