using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NmrDsl.Runtime.IO;
using NmrDsl.Runtime.Pde;
using NmrDsl.Runtime.Tests.IO;
using NmrDsl.Runtime.Tests.Plotting;

namespace NmrDsl.Runtime.Tests.Pde;

public sealed class PdeReportTests
{
    /// <summary>
    /// The relayed-DNP sphere of the design's spec sketch: solid r &lt; R (C 75 mol/L, T1 60 s, P0 1),
    /// solvent R &lt; r &lt; Rp (C 19 mol/L, T1 3 s, P0 100), D = 500 nm²/s, no flux at Rp.
    /// Equation C dP/dt = div(D C grad P) − C (P − P0)/T1, i.e. S0 = C P0/T1, S1 = −C/T1.
    /// </summary>
    internal static TestProblem RelayedDnp()
    {
        const double r = 1e-6, rp = 1.2599210498948732e-6; // Rp = R cbrt(2)
        double[] c = { 75e3, 19e3 }, t1 = { 60, 3 }, p0 = { 1, 100 };
        return new TestProblem
        {
            Geometry = Geometry.Sphere,
            End = rp,
            Interfaces = new[] { r },
            EndTime = 300,
            A = (_, _, k) => c[k],
            K = (_, _, k) => 500e-18 * c[k],
            S0 = (_, _, k) => c[k] * p0[k] / t1[k],
            S1 = (_, _, k) => -c[k] / t1[k],
            Left = _ => BoundaryCondition.Regular,
            Right = _ => BoundaryCondition.Flux(0),
        };
    }

    [Fact]
    public void WritesEveryFileWithTheDocumentedColumns()
    {
        using var folder = new TempFolder();
        PdeSolution s = FiniteVolumeSolver.Solve(RelayedDnp(), new FiniteVolumeOptions { Cells = 60, OutputCount = 31 });
        var observables = new[]
        {
            new ObservableSeries("y", "1", s.VolumeAverages(region: 0)),
            new ObservableSeries("z", "1", s.VolumeAverages(region: 1)),
        };
        var files = PdeReport.Write(folder.Path, "SphereRelayedDnp", s, observables, "P", "1", "r");

        string[] expected = { "field.csv", "observables.csv", "observables.png", "profiles.png", "field.png", "result.json" };
        Assert.Equal(expected, files.Select(Path.GetFileName));
        Assert.Equal(expected.Order(StringComparer.Ordinal), Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        CsvTable field = CsvTable.Read(Path.Combine(folder.Path, "field.csv"));
        Assert.Equal(new[] { "r_m", "t_s", "P" }, field.Headers);
        Assert.Equal(60 * 31, field.RowCount);
        Assert.Equal(s.Values[^1][^1], field.Column("P")[^1]);

        CsvTable obs = CsvTable.Read(Path.Combine(folder.Path, "observables.csv"));
        Assert.Equal(new[] { "t_s", "y", "z" }, obs.Headers);
        Assert.Equal(s.Times, obs.Column("t_s"));

        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "result.json")));
        JsonElement root = json.RootElement;
        Assert.Equal("SphereRelayedDnp", root.GetProperty("name").GetString());
        Assert.Equal("sphere", root.GetProperty("geometry").GetString());
        Assert.Equal(60, root.GetProperty("cells").GetInt32());
        Assert.Equal(s.Statistics.AcceptedSteps, root.GetProperty("steps").GetProperty("accepted").GetInt32());
        Assert.True(root.GetProperty("wallTime_s").GetDouble() > 0);
        JsonElement y = root.GetProperty("finalObservables")[0];
        Assert.Equal("y", y.GetProperty("name").GetString());
        Assert.Equal("1", y.GetProperty("unit").GetString());
        Assert.Equal(observables[0].Values[^1], y.GetProperty("value").GetDouble());
        Assert.Equal(expected, root.GetProperty("files").EnumerateArray().Select(e => e.GetString()));

        foreach (string png in expected.Where(f => f.EndsWith(".png", StringComparison.Ordinal)))
        {
            PlotTests.AssertNonTrivialPng(Path.Combine(folder.Path, png));
        }

        // Physics sanity of the example: the solvent relaxes fast towards 100 and the solid (no fast relaxation of its own)
        // is polarised from outside, so 0 < y < z < 100 at the end.
        Assert.InRange(observables[0].Values[^1], 0.1, observables[1].Values[^1]);
        Assert.InRange(observables[1].Values[^1], 1, 100);
    }

    [Fact]
    public void WithoutObservablesTheVolumeAverageIsReported()
    {
        using var folder = new TempFolder();
        PdeSolution s = FiniteVolumeSolver.Solve(RelayedDnp(), new FiniteVolumeOptions { Cells = 20, OutputCount = 5 });
        PdeReport.Write(folder.Path, "Dnp", s, Array.Empty<ObservableSeries>(), "P", "1", "r");
        Assert.Equal(new[] { "t_s", "mean_P" }, CsvTable.Read(Path.Combine(folder.Path, "observables.csv")).Headers);
    }
}
