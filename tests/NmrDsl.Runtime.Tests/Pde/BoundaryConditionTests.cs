using System;
using NmrDsl.Runtime.Pde;

namespace NmrDsl.Runtime.Tests.Pde;

/// <summary>
/// Sign conventions of the boundary conditions (BoundaryCondition.cs: n is the outward normal), checked
/// on linear steady states of a slab, which the scheme reproduces exactly (to 1e-8 after 40 diffusion times).
/// </summary>
public sealed class BoundaryConditionTests
{
    private const double L = 1e-6, D = 500e-18, C = 75e3;

    private static double[] SteadyState(BoundaryCondition left, BoundaryCondition right, out FiniteVolumeMesh mesh)
    {
        var p = new TestProblem
        {
            End = L,
            EndTime = 40 * L * L / D,
            A = (_, _, _) => C,
            K = (_, _, _) => D * C,
            Left = _ => left,
            Right = _ => right,
        };
        PdeSolution s = FiniteVolumeSolver.Solve(p, new FiniteVolumeOptions { Cells = 30, OutputCount = 2 });
        mesh = s.Mesh;
        return s.Values[^1];
    }

    private static void AssertLinear(double[] u, FiniteVolumeMesh mesh, Func<double, double> exact)
    {
        for (int i = 0; i < u.Length; i++)
        {
            Assert.True(Math.Abs(u[i] - exact(mesh.Centres[i])) < 1e-8, $"cell {i}: {u[i]} vs {exact(mesh.Centres[i])}");
        }
    }

    [Fact]
    public void NeumannIsTheOutwardDerivative()
    {
        // Left du/dn = g means du/dx = −g at x = 0; with u(L) = 1: u = 1 − g (x − L).
        const double g = 2e5; // 1/m: a change of 0.2 over the 1 µm slab
        double[] u = SteadyState(BoundaryCondition.Neumann(g), BoundaryCondition.Dirichlet(1), out FiniteVolumeMesh mesh);
        AssertLinear(u, mesh, x => 1 - g * (x - L));

        // Right du/dn = g means du/dx = g at x = L; with u(0) = 1: u = 1 + g x.
        u = SteadyState(BoundaryCondition.Dirichlet(1), BoundaryCondition.Neumann(g), out mesh);
        AssertLinear(u, mesh, x => 1 + g * x);
    }

    [Fact]
    public void FluxIsTheOutwardDiffusiveFlux()
    {
        // Left −K du/dn = q means K du/dx = q at x = 0 (q > 0 leaves the slab); with u(L) = 0: u = (q/K)(x − L).
        const double q = 1e-5; // mol m⁻² s⁻¹ → du/dx = q / (D C) = 2.7e5 / m
        double k = D * C;
        double[] u = SteadyState(BoundaryCondition.Flux(q), BoundaryCondition.Dirichlet(0), out FiniteVolumeMesh mesh);
        AssertLinear(u, mesh, x => q / k * (x - L));
        Assert.True(u[0] < 0, "an outward flux at the left drains the slab below the right-end value");
    }
}
