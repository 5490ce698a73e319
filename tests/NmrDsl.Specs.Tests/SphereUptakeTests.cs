using NmrDsl.Testing;
using System;
using System.Collections.Generic;
using NmrDsl.Runtime.Pde;

namespace NmrDsl.Specs.Tests;

/// <summary>
/// specs/pde/sphere-uptake.nmr through the generator: its volume average against Crank's series
/// (The Mathematics of Diffusion, 2nd ed., eq. 6.20), second-order convergence in space, and the
/// D t / R² similarity of diffusion.
/// </summary>
public sealed class SphereUptakeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static double MaxRelativeError(SphereUptake problem, PdeSolution solution)
    {
        var p = problem.Parameters;
        double[] uptake = problem.ObserveUptake(solution);
        double error = 0;
        int compared = 0;
        for (int i = 0; i < solution.Times.Length; i++)
        {
            if (solution.Times[i] < 0.01 * p.R * p.R / p.D) continue; // the issue's range: t >= 0.01 R^2/D
            double exact = ReferenceSolutions.SphereUptake(solution.Times[i], p.R, p.D);
            error = Math.Max(error, Math.Abs(uptake[i] - exact) / exact);
            compared++;
        }
        Assert.True(compared > 100, "too few output times compared: " + compared);
        return error;
    }

    [Fact]
    public void Volume_average_matches_the_analytic_series_to_1e_4_at_200_cells()
    {
        var problem = new SphereUptake();
        Assert.Equal(200, problem.Options.Cells); // from the spec's solve line
        var solution = problem.Solve();
        double error = MaxRelativeError(problem, solution);
        output.WriteLine($"sphere uptake, 200 cells: max relative error {error:E3}, {solution.Statistics.AcceptedSteps} steps");
        Assert.True(error < 1e-4, $"max relative error {error:E3} at 200 cells");
    }

    [Fact]
    public void Volume_average_converges_at_second_order_in_space()
    {
        // Tight time tolerance so that the spatial error dominates on all three grids.
        var errors = new List<double>();
        foreach (int cells in new[] { 50, 100, 200 })
        {
            var problem = new SphereUptake { Options = new FiniteVolumeOptions { Cells = cells, OutputCount = 121, RelativeTolerance = 1e-11 } };
            errors.Add(MaxRelativeError(problem, problem.Solve()));
        }
        double order1 = ReferenceSolutions.Order(errors[0], errors[1]);
        double order2 = ReferenceSolutions.Order(errors[1], errors[2]);
        output.WriteLine($"sphere uptake errors at 50/100/200 cells: {errors[0]:E3} {errors[1]:E3} {errors[2]:E3}; orders {order1:F3} {order2:F3}");
        Assert.InRange(order1, 1.8, 2.3);
        Assert.InRange(order2, 1.8, 2.3);
    }

    [Fact]
    public void Uptake_depends_on_D_t_over_R_squared_only()
    {
        // Doubling R and quadrupling D leaves D t / R^2, hence the uptake curve, unchanged.
        var original = new SphereUptake();
        var scaled = new SphereUptake(original.Parameters.With(new Dictionary<string, double>
        {
            ["R"] = 2 * original.Parameters.R,
            ["D"] = 4 * original.Parameters.D,
        }));
        double[] a = original.ObserveUptake(original.Solve());
        double[] b = scaled.ObserveUptake(scaled.Solve());
        for (int i = 0; i < a.Length; i++) Assert.Equal(a[i], b[i], 1e-7);
    }

    [Fact]
    public void Residual_vanishes_on_an_exact_solution_including_the_centre()
    {
        // u = exp(-D k^2 t) sin(k r) / r solves u_t = D (u_rr + 2 u_r / r); at r = 0 the generated
        // residual uses regularity: (2/r) u_r -> 2 u_rr.
        var problem = new SphereUptake();
        double d = problem.Parameters.D, k = Math.PI / problem.Parameters.R;
        foreach (double r in new[] { 0.0, 1e-9, 2.5e-7, 5e-7, 1e-6 })
        {
            double t = 30;
            double decay = Math.Exp(-d * k * k * t);
            double u, ur, urr;
            if (r == 0)
            {
                u = k; ur = 0; urr = -k * k * k / 3;
            }
            else
            {
                double s = Math.Sin(k * r), c = Math.Cos(k * r);
                u = s / r;
                ur = (k * c / r) - (s / (r * r));
                urr = (-k * k * s / r) - (2 * k * c / (r * r)) + (2 * s / (r * r * r));
            }
            double ut = -d * k * k * u * decay;
            double residual = problem.Residual(r, t, 0, u * decay, ut, ur * decay, urr * decay);
            double scale = Math.Abs(ut) + (d * Math.Abs(urr * decay));
            Assert.True(Math.Abs(residual) < 1e-6 * scale, $"residual {residual:E3} at r = {r} (scale {scale:E3})");
        }
    }

    [Fact]
    public void Generated_problem_reports_its_declarations()
    {
        var problem = new SphereUptake();
        Assert.Equal(Geometry.Sphere, problem.Geometry);
        Assert.Equal(0.0, problem.Start);
        Assert.Equal(1e-6, problem.End, 1e-20);
        Assert.Equal(600.0, problem.EndTime);
        Assert.Equal(BoundaryKind.Regular, problem.StartBoundary(0).Kind);
        Assert.Equal(BoundaryCondition.Dirichlet(1.0), problem.EndBoundary(0));
        Assert.Equal(5e-16, problem.Diffusivity(0, 0, 0), 1e-30);
        Assert.False(problem.IsTimeDependent);
    }
}
