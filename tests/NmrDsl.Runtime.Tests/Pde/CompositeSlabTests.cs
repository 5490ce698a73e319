using System;
using NmrDsl.Runtime.Pde;
using Xunit.Abstractions;

namespace NmrDsl.Runtime.Tests.Pde;

/// <summary>
/// Two-layer slab with u(0) = 0, u(L) = 1: the steady state is piecewise linear with the same flux
/// J = 1 / (a/K1 + (L − a)/K2) through both layers (series resistances; Carslaw &amp; Jaeger, Conduction
/// of Heat in Solids, 2nd ed., §3.11). The harmonic-mean face transmissibility reproduces it exactly.
/// </summary>
public sealed class CompositeSlabTests
{
    private const double A1 = 1e-6, L = 3e-6;                 // interface and end, m
    private const double K1 = 500e-18 * 75e3, K2 = 5000e-18 * 19e3; // D C per layer
    private readonly ITestOutputHelper _output;

    public CompositeSlabTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void ReachesPiecewiseLinearSteadyStateWithContinuousFlux()
    {
        // EndTime = 40 L²/D_min: the slowest transient has decayed by e^(−π²·40·...) ≪ 1e-12.
        // Tolerances: |u − exact| < 1e-8 in every cell; every face flux equals J to 1e-8 relative.
        var p = new TestProblem
        {
            Geometry = Geometry.Slab,
            End = L,
            Interfaces = new[] { A1 },
            EndTime = 40 * L * L / 500e-18,
            A = (_, _, region) => region == 0 ? 75e3 : 19e3,
            K = (_, _, region) => region == 0 ? K1 : K2,
            U0 = (x, _) => x / L, // linear, but not the steady state: the layers have different K
            Left = _ => BoundaryCondition.Dirichlet(0),
            Right = _ => BoundaryCondition.Dirichlet(1),
        };
        PdeSolution s = FiniteVolumeSolver.Solve(p, new FiniteVolumeOptions { Cells = 60, OutputCount = 5 });

        double flux = 1 / (A1 / K1 + (L - A1) / K2);  // magnitude, directed −x (from u = 1 to u = 0)
        double interfaceValue = flux * A1 / K1;
        double[] u = s.Values[^1];
        double worstValue = 0;
        for (int i = 0; i < u.Length; i++)
        {
            double x = s.Mesh.Centres[i];
            double exact = x < A1 ? flux * x / K1 : interfaceValue + flux * (x - A1) / K2;
            worstValue = Math.Max(worstValue, Math.Abs(u[i] - exact));
        }

        var discretisation = new FiniteVolumeDiscretisation(p, s.Mesh, s.Scales);
        double[] faceFlux = discretisation.FaceFluxDensities(s.Times[^1], u);
        double worstFlux = 0;
        foreach (double f in faceFlux)
        {
            worstFlux = Math.Max(worstFlux, Math.Abs(f / -flux - 1));
        }

        _output.WriteLine($"composite slab: max |u − exact| {worstValue:E2}, max flux mismatch {worstFlux:E2}; cells per region {string.Join('/', s.Mesh.CellsPerRegion)}; {s.Statistics.AcceptedSteps} steps");
        Assert.Equal(new[] { 20, 40 }, s.Mesh.CellsPerRegion);
        Assert.Contains(A1, s.Mesh.Faces);
        Assert.True(worstValue < 1e-8, $"value error {worstValue:E2}");
        Assert.True(worstFlux < 1e-8, $"flux error {worstFlux:E2}");
    }
}
