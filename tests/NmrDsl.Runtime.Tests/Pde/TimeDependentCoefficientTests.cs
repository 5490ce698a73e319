using System;
using NmrDsl.Runtime.Pde;
using Xunit.Abstractions;

namespace NmrDsl.Runtime.Tests.Pde;

/// <summary>
/// Slab mode with a diffusivity growing in time, K(t) = K0 (1 + t/τ): with the substitution
/// s = ∫ K dt the equation becomes the constant-coefficient one (Crank, The Mathematics of Diffusion,
/// 2nd ed., §7.2), so u = sin(πx/L) exp(−(π²/L²) K0 (t + t²/(2τ))).
/// </summary>
public sealed class TimeDependentCoefficientTests
{
    private const double L = 1e-6, K0 = 500e-18, Tau = 100;   // m, m²/s, s
    private readonly ITestOutputHelper _output;

    public TimeDependentCoefficientTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void ModeDecaysWithTheIntegratedDiffusivity()
    {
        // Tolerance: max |u − exact| < 1e-4 × amplitude at 200 cells; the matrix is re-assembled per stage.
        var p = new TestProblem
        {
            End = L,
            EndTime = 300,
            IsTimeDependent = true,
            K = (_, t, _) => K0 * (1 + t / Tau),
            U0 = (x, _) => Math.Sin(Math.PI * x / L),
            Left = _ => BoundaryCondition.Dirichlet(0),
            Right = _ => BoundaryCondition.Dirichlet(0),
        };
        PdeSolution s = FiniteVolumeSolver.Solve(p, new FiniteVolumeOptions { Cells = 200, OutputCount = 31 });
        double error = SlabHeatEquationTests.MaxRelativeError(
            s,
            t => Math.Exp(-Math.PI * Math.PI / (L * L) * K0 * (t + t * t / (2 * Tau))),
            x => Math.Sin(Math.PI * x / L));

        // The same run with the coefficient frozen at K0 must be far off: the test can fail.
        double frozen = SlabHeatEquationTests.MaxRelativeError(
            s,
            t => Math.Exp(-Math.PI * Math.PI / (L * L) * K0 * t),
            x => Math.Sin(Math.PI * x / L));
        _output.WriteLine($"K(t) mode: error {error:E3} (frozen-K reference would be off by {frozen:E1}); {s.Statistics.AcceptedSteps} steps, {s.Statistics.Assemblies} assemblies");
        Assert.True(error < 1e-4, $"error {error:E3}");
        Assert.True(frozen > 1e-1);
        Assert.True(s.Statistics.Assemblies > 2 * s.Statistics.AcceptedSteps);
    }
}
