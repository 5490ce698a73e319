using NmrDsl.Testing;
using System;
using System.Linq;
using NmrDsl.Runtime.Pde;

namespace NmrDsl.Specs.Tests;

/// <summary>specs/pde/slab-heat.nmr: the first Fourier mode decays as T0 sin(πx/L) exp(−απ²t/L²).</summary>
public sealed class SlabHeatTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static double MaxErrorOverAmplitude(SlabHeat problem)
    {
        var p = problem.Parameters;
        var solution = problem.Solve();
        double error = 0;
        for (int n = 1; n < solution.Times.Length; n++)
        {
            double t = solution.Times[n];
            double amplitude = p.T0 * Math.Exp(-p.alpha * Math.PI * Math.PI * t / (p.L * p.L));
            for (int i = 0; i < solution.Mesh.CellCount; i++)
            {
                double exact = ReferenceSolutions.SlabMode(solution.Mesh.Centres[i], t, p.L, p.alpha, p.T0);
                error = Math.Max(error, Math.Abs(solution.Values[n][i] - exact) / amplitude);
            }
        }
        return error;
    }

    [Fact]
    public void Field_matches_the_decaying_mode_to_1e_4_of_the_amplitude_at_200_cells()
    {
        double error = MaxErrorOverAmplitude(new SlabHeat());
        output.WriteLine($"slab heat, 200 cells: max error / amplitude {error:E3}");
        Assert.True(error < 1e-4, $"max error / amplitude = {error:E3}");
    }

    [Fact]
    public void Field_converges_at_second_order_in_space()
    {
        var errors = new[] { 50, 100, 200 }
            .Select(cells => MaxErrorOverAmplitude(new SlabHeat { Options = new FiniteVolumeOptions { Cells = cells, OutputCount = 11, RelativeTolerance = 1e-11 } }))
            .ToArray();
        output.WriteLine($"slab heat errors at 50/100/200 cells: {errors[0]:E3} {errors[1]:E3} {errors[2]:E3}; orders {ReferenceSolutions.Order(errors[0], errors[1]):F3} {ReferenceSolutions.Order(errors[1], errors[2]):F3}");
        Assert.InRange(ReferenceSolutions.Order(errors[0], errors[1]), 1.8, 2.3);
        Assert.InRange(ReferenceSolutions.Order(errors[1], errors[2]), 1.8, 2.3);
    }

    [Fact]
    public void Residual_vanishes_on_the_exact_solution()
    {
        var problem = new SlabHeat();
        var p = problem.Parameters;
        double k = Math.PI / p.L;
        foreach (double x in new[] { 1e-4, 5e-4, 9e-4 })
        {
            double t = 3;
            double u = ReferenceSolutions.SlabMode(x, t, p.L, p.alpha, p.T0);
            double decay = Math.Exp(-p.alpha * k * k * t);
            double ux = p.T0 * k * Math.Cos(k * x) * decay;
            double uxx = -k * k * u;
            double ut = -p.alpha * k * k * u;
            double residual = problem.Residual(x, t, 0, u, ut, ux, uxx);
            Assert.True(Math.Abs(residual) < 1e-9 * Math.Abs(ut), $"residual {residual:E3} at x = {x}");
        }
    }

    [Fact]
    public void Field_unit_and_kelvin_literal_are_carried_through()
    {
        var problem = new SlabHeat();
        Assert.Equal(2.0, problem.Parameters.T0);       // 2 K
        Assert.Equal(1e-3, problem.Parameters.L, 1e-18); // 1 mm
        Assert.Equal(BoundaryCondition.Dirichlet(0), problem.StartBoundary(0));
        Assert.Equal(2.0 * Math.Sin(Math.PI * 0.5), problem.Initial(0.5e-3, 0), 1e-12);
    }
}
