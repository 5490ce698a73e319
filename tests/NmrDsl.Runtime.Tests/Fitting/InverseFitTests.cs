using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NmrDsl.Runtime.Fitting;
using NmrDsl.Runtime.IO;

namespace NmrDsl.Runtime.Tests.Fitting;

/// <summary>
/// <see cref="InverseFit"/> and <see cref="FitReport"/> on a closed-form stand-in for a generated problem:
/// y = 1 − exp(−t/τ), z = 100 (1 − exp(−t/(τ/2))) with τ unknown (log scale) and a fixed scale parameter.
/// </summary>
public sealed class InverseFitTests
{
    private sealed class Exponential : IFittableProblem
    {
        public string Name => "Exponential";

        public IReadOnlyList<FitParameter> Unknowns { get; } = [new FitParameter("tau", 1.0, 0.01, 100, LogScale: true, SiUnit: "s")];

        public IReadOnlyList<string> ObservableNames { get; } = ["y", "z", "w"];

        public double[][] Predict(IReadOnlyDictionary<string, double> values, double[] times)
        {
            double tau = values["tau"], scale = values.TryGetValue("scale", out double s) ? s : 1.0;
            return
            [
                times.Select(t => scale * (1 - Math.Exp(-t / tau))).ToArray(),
                times.Select(t => 100 * (1 - Math.Exp(-2 * t / tau))).ToArray(),
                times.Select(_ => double.NaN).ToArray(),
            ];
        }
    }

    private static CsvTable Table(string header, Func<double, string> row)
    {
        string text = header + "\n" + string.Concat(Enumerable.Range(0, 101).Select(i => row(0.1 * i) + "\n"));
        return CsvTable.Read(new StringReader(text), "data.csv");
    }

    private static string Row(double t, double tau) => FormattableString.Invariant($"{t},{1 - Math.Exp(-t / tau)},{100 * (1 - Math.Exp(-2 * t / tau))}");

    /// <summary>Exact data, only y and z present (w has no column, so it is not fitted): τ to 1e-8.</summary>
    [Fact]
    public void Recovers_the_unknown_from_the_observables_with_columns()
    {
        var result = InverseFit.Fit(new Exponential(), Table("t,y,z", t => Row(t, 3.0)), new InverseFitOptions { MaxTimes = 30 });
        Assert.Equal(["y", "z"], result.Observables);
        Assert.Equal(30, result.Times.Length);
        Assert.Equal(3.0, result.Fit.Estimate("tau"), 3.0 * 1e-8);
        Assert.True(result.SensitivityTimes.Length > 0 && result.SensitivityTimes.All(t => t > 0));
        // d ln y / d ln τ = −(t/τ) e^{−t/τ} / (1 − e^{−t/τ}); at t = 10 s: −(10/3) e^{−10/3}/(1 − e^{−10/3}) ≈ −0.1237
        double t = result.SensitivityTimes[^1], x = t / 3.0;
        Assert.Equal(-x * Math.Exp(-x) / (1 - Math.Exp(-x)), result.Sensitivities[0][0][^1], 1e-6);
    }

    /// <summary>A fixed parameter reaches the model, and a fixed value of an unknown is its starting value.</summary>
    [Fact]
    public void Fixed_values_reach_the_model_and_start_the_unknown()
    {
        var table = Table("t,y", t => FormattableString.Invariant($"{t},{2 * (1 - Math.Exp(-t / 0.5))}"));
        var result = InverseFit.Fit(new Exponential(), table, new InverseFitOptions { Fixed = new Dictionary<string, double> { ["scale"] = 2, ["tau"] = 0.2 } });
        Assert.Equal(0.2, result.Fit.Parameters[0].Initial);
        Assert.Equal(0.5, result.Fit.Estimate("tau"), 0.5 * 1e-8);
    }

    [Fact]
    public void Sigma_columns_for_some_observables_only_are_refused()
    {
        var table = Table("t,y,z,sigma_y", t => Row(t, 3.0) + ",0.01");
        var ex = Assert.Throws<DataFormatException>(() => InverseFit.Fit(new Exponential(), table));
        Assert.Contains("sigma_y", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_observable_column_is_a_data_error()
    {
        var ex = Assert.Throws<DataFormatException>(() => InverseFit.Fit(new Exponential(), Table("t,q", t => FormattableString.Invariant($"{t},1"))));
        Assert.Contains("y, z, w", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>The report: result.json with the estimate and unit, fit.csv's columns, a PNG.</summary>
    [Fact]
    public void Report_writes_result_json_fit_csv_and_png()
    {
        var result = InverseFit.Fit(new Exponential(), Table("t,y,z", t => Row(t, 3.0)));
        string dir = Path.Combine(Path.GetTempPath(), "nmrdsl-inversefit-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var files = FitReport.Write(dir, result);
            Assert.Equal(3, files.Count);
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "result.json")));
            var tau = json.RootElement.GetProperty("unknowns")[0];
            Assert.Equal(3.0, tau.GetProperty("estimate").GetDouble(), 1e-7);
            Assert.Equal("s", tau.GetProperty("unit").GetString());
            Assert.Equal("t_s,y_data,y_fit,z_data,z_fit", File.ReadLines(Path.Combine(dir, "fit.csv")).First());
            Assert.Equal((byte)0x89, File.ReadAllBytes(Path.Combine(dir, "fit.png"))[0]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
