using NmrDsl.Testing;
using System;
using NmrDsl.Runtime.Pde;
using Xunit.Abstractions;

namespace NmrDsl.Runtime.Tests.Pde;

/// <summary>
/// TR-BDF2 is second order (Hosea &amp; Shampine 1996, §2): with fixed steps h, h/2, h/4 the error at
/// the final time against a reference with steps h/64 falls by ≈ 4 per halving.
/// </summary>
public sealed class TemporalOrderTests
{
    private readonly ITestOutputHelper _output;

    public TemporalOrderTests(ITestOutputHelper output) => _output = output;

    private static TestProblem Small() => new()
    {
        End = 1e-6,
        EndTime = 200,
        K = (_, _, _) => 500e-18,
        S0 = (x, _, _) => 1e-3 * (1 + x / 1e-6),          // a source, so b ≠ 0
        S1 = (_, _, _) => -1.0 / 100,                     // and a relaxation
        U0 = (x, _) => Math.Sin(Math.PI * x / 1e-6) + 0.5 * x / 1e-6,
        Left = _ => BoundaryCondition.Dirichlet(0),
        Right = _ => BoundaryCondition.Dirichlet(0.5),
    };

    private static double[] FinalField(double step) =>
        FiniteVolumeSolver.Solve(Small(), new FiniteVolumeOptions { Cells = 16, OutputCount = 2, FixedStep = step }).Values[^1];

    private static double MaxDifference(double[] a, double[] b)
    {
        double worst = 0;
        for (int i = 0; i < a.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(a[i] - b[i]));
        }

        return worst;
    }

    [Fact]
    public void FixedStepErrorIsSecondOrder()
    {
        // Expected: log2(e_h / e_{h/2}) within [1.8, 2.2] for h = 20 s and 10 s.
        double[] reference = FinalField(20.0 / 64);
        double e1 = MaxDifference(FinalField(20), reference);
        double e2 = MaxDifference(FinalField(10), reference);
        double e3 = MaxDifference(FinalField(5), reference);
        double p1 = ReferenceSolutions.Order(e1, e2), p2 = ReferenceSolutions.Order(e2, e3);
        _output.WriteLine($"TR-BDF2 fixed step errors h=20/10/5 s: {e1:E3} {e2:E3} {e3:E3}; orders {p1:F3} {p2:F3}");
        Assert.InRange(p1, 1.8, 2.2);
        Assert.InRange(p2, 1.8, 2.2);
    }

    [Fact]
    public void FixedStepTakesTheRequestedNumberOfSteps()
    {
        PdeSolution s = FiniteVolumeSolver.Solve(Small(), new FiniteVolumeOptions { Cells = 16, OutputCount = 5, FixedStep = 20 });
        // 200 s in 4 output intervals of 50 s; each is split into ceil(50 / 20) = 3 equal steps.
        Assert.Equal(12, s.Statistics.AcceptedSteps);
        Assert.Equal(0, s.Statistics.RejectedSteps);
        Assert.Equal(new[] { 0.0, 50, 100, 150, 200 }, s.Times);
    }
}
