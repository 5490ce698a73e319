using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using NmrDsl.Runtime.IO;
using NmrDsl.Runtime.Pde;

namespace NmrDsl.Specs.Tests;

/// <summary>
/// specs/dnp/two-region-sphere.nmr against the build-up curves of an independent solver in
/// ../shared/data/dnp/ (verified there against a Laplace-domain solution to ~1e-8; parameters in
/// examples.json): y = solid average and z = solvent average at 600 times, for R = 2.5 µm (0..300 s)
/// and R = 25 nm (0..60 s). Issue 3 asks for agreement below 1e-4 relative. Measured convergence for
/// R = 2.5 µm (max |y − y_ref| / max y_ref): 3.6e-4, 9.1e-5, 2.3e-5 at 1000, 2000, 4000 uniform cells —
/// second order, limited by the solvent's boundary layer √(D T_B) ≈ 39 nm; the spec uses 4000 cells.
/// </summary>
public sealed class RelayedDnpExampleTests(Xunit.Abstractions.ITestOutputHelper output)
{
    public static IEnumerable<object[]> Examples() => new[]
    {
        new object[] { "public_example.csv", 2.5e-6, 300.0 },
        new object[] { "public_example_small.csv", 25e-9, 60.0 },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Build_up_curves_match_the_independent_solver(string file, double radius, double endTime)
    {
        var table = CsvTable.Read(SharedData.DnpFile(file));
        double[] t = table.Column("t"), yRef = table.Column("y"), zRef = table.Column("z");
        var problem = new TwoRegionSphere(new TwoRegionSphereParameters { R = radius, tend = endTime });
        var solution = problem.Solve();
        double[] y = problem.ObserveY(solution), z = problem.ObserveZ(solution);
        Assert.Equal(t.Length, solution.Times.Length);
        for (int i = 0; i < t.Length; i++) Assert.Equal(t[i], solution.Times[i], 1e-9 * endTime);

        // Errors relative to each curve's maximum (both start at 0, so pointwise ratios are undefined at t = 0).
        double yError = t.Select((_, i) => Math.Abs(y[i] - yRef[i])).Max() / yRef.Max();
        double zError = t.Select((_, i) => Math.Abs(z[i] - zRef[i])).Max() / zRef.Max();
        output.WriteLine(FormattableString.Invariant($"{file}: {solution.Mesh.CellCount} cells, {solution.Statistics.AcceptedSteps} steps: max|y - y_ref|/max y_ref = {yError:E2}, z: {zError:E2}"));
        Assert.True(yError < 1e-4, FormattableString.Invariant($"y differs by {yError:E2} of its maximum"));
        Assert.True(zError < 1e-4, FormattableString.Invariant($"z differs by {zError:E2} of its maximum"));
    }

    /// <summary>
    /// d ln y / d ln R at ten times (examples.json, "sensitivity_dlny_dlnR": central differences
    /// R(1 ± 1e-4), Rp scaling with R, all else fixed): how strongly y constrains R. It is ≈ −0.9 at
    /// 2.5 µm but falls to −0.007 by the end at 25 nm, which is why the small particle is hard to size.
    /// </summary>
    [Theory]
    [InlineData("public_example", 2.5e-6, 300.0)]
    [InlineData("public_example_small", 25e-9, 60.0)]
    public void Sensitivity_of_y_to_R_matches_the_published_values(string name, double radius, double endTime)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(SharedData.DnpFile("examples.json")));
        var sensitivity = json.RootElement.GetProperty("datasets").GetProperty(name).GetProperty("sensitivity_dlny_dlnR");
        int[] rows = sensitivity.GetProperty("row_index").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        double[] expected = sensitivity.GetProperty("S_y").EnumerateArray().Select(e => e.GetDouble()).ToArray();

        double[] Y(double r)
        {
            var problem = new TwoRegionSphere(new TwoRegionSphereParameters { R = r, tend = endTime });
            return problem.ObserveY(problem.Solve());
        }
        const double step = 1e-4;
        double[] plus = Y(radius * (1 + step)), minus = Y(radius * (1 - step));
        for (int k = 0; k < rows.Length; k++)
        {
            int i = rows[k];
            double actual = (Math.Log(plus[i]) - Math.Log(minus[i])) / (Math.Log(1 + step) - Math.Log(1 - step));
            output.WriteLine(FormattableString.Invariant($"{name} row {i}: d ln y / d ln R = {actual:F6} (published {expected[k]:F6})"));
            Assert.True(Math.Abs(actual - expected[k]) < 2e-3 * Math.Max(1, Math.Abs(expected[k])) + 1e-4,
                FormattableString.Invariant($"row {i}: {actual:F6} vs published {expected[k]:F6}"));
        }
    }
}
