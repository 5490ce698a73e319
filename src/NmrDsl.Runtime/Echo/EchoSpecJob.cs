using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using NmrDsl.Runtime.IO;
using NmrDsl.Runtime.Plotting;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// The behaviour shared by every generated <c>echo</c> block class (the generated class only supplies the declared
/// model and parameters). As a job of kind "simulation" it simulates one curve at the declared defaults (or the
/// <c>--set</c> overrides) with offsets drawn from the context's seed and writes <c>echo.csv</c> (k, t, re, im),
/// <c>echo.png</c> (|M|, Re M, Im M against t) and <c>result.json</c>; as an <see cref="IEchoSpec"/> it is the
/// dataset unit.
/// </summary>
public abstract class EchoSpecJob : ISpecJob, IEchoSpec
{
    private readonly EchoParameterRange[] _parameters;

    /// <summary>A job for block <paramref name="name"/>; <paramref name="parameters"/> in the order alpha, xi, p, d.</summary>
    protected EchoSpecJob(string name, string? description, EchoModel model, EchoParameterRange[] parameters)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Length != EchoParameters.Names.Length)
        {
            throw new ArgumentException("An echo spec has the parameters alpha, xi, p, d.", nameof(parameters));
        }
        for (int j = 0; j < parameters.Length; j++)
        {
            if (!string.Equals(parameters[j].Name, EchoParameters.Names[j], StringComparison.Ordinal))
            {
                throw new ArgumentException("Parameter " + j.ToString(CultureInfo.InvariantCulture) + " must be " + EchoParameters.Names[j] + ".", nameof(parameters));
            }
        }
        Name = name;
        Description = description;
        Model = model;
        _parameters = parameters;
        Defaults = EchoParameters.FromArray(Array.ConvertAll(parameters, p => p.Default));
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>The block's description string, if any.</summary>
    public string? Description { get; }

    /// <inheritdoc/>
    public EchoModel Model { get; }

    /// <inheritdoc/>
    public IReadOnlyList<EchoParameterRange> Parameters => _parameters;

    /// <inheritdoc/>
    public EchoParameters Defaults { get; }

    /// <summary>The seed of the offset draw of a single simulation run with <c>--seed</c> <paramref name="seed"/> (two's complement for negative seeds).</summary>
    public static ulong OffsetSeed(int seed) => unchecked((ulong)(long)seed);

    /// <inheritdoc/>
    public EchoSample Sample(ulong datasetSeed, long index) => EchoDataset.Draw(Model, _parameters, datasetSeed, index);

    /// <summary>
    /// The parameters of a single run: the defaults, replaced by overrides (SI: alpha in Hz, converted to MHz; the
    /// others dimensionless).
    /// </summary>
    public EchoParameters ParametersFor(IReadOnlyDictionary<string, double> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        double[] values = Defaults.ToArray();
        for (int j = 0; j < values.Length; j++)
        {
            if (overrides.TryGetValue(_parameters[j].Name, out double si))
            {
                values[j] = _parameters[j].FromSi(si);
            }
        }
        return EchoParameters.FromArray(values);
    }

    /// <inheritdoc/>
    public JobResult Run(JobContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.CancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(context.OutputDirectory);
        EchoParameters parameters = ParametersFor(context.Overrides);
        ulong seed = OffsetSeed(context.Seed);
        context.Log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Name}: {Model.Lattice}, {Model.TimeGrid.SampleCount} samples, {parameters}, offset seed {seed}"));
        context.Progress?.Report(new JobProgress("simulate", 0.0, Name));
        EchoModel model = Model with { SpinParallelism = Math.Max(1, Environment.ProcessorCount) };
        EchoCurve curve = EchoSimulator.Simulate(model, parameters, seed);
        context.Progress?.Report(new JobProgress("simulate", 1.0, Name));

        int n = curve.Samples.Length;
        var k = new double[n];
        var re = new double[n];
        var im = new double[n];
        var magnitude = new double[n];
        for (int i = 0; i < n; i++)
        {
            k[i] = i + 1;
            re[i] = curve.Samples[i].Real;
            im[i] = curve.Samples[i].Imaginary;
            magnitude[i] = curve.Samples[i].Magnitude;
        }
        string csv = Path.Combine(context.OutputDirectory, "echo.csv");
        CsvWriter.WriteColumns(csv, ["k", "t", "re", "im"], [k, curve.Times, re, im]);
        string png = Path.Combine(context.OutputDirectory, "echo.png");
        LinePlot.Save(png, Name + ": M(t)", "t (1/γ, γ = 2π·10⁶ s⁻¹)", "M (1)",
            [new PlotSeries("|M|", curve.Times, magnitude), new PlotSeries("Re M", curve.Times, re), new PlotSeries("Im M", curve.Times, im)]);

        int echo = curve.ArgMaxMagnitude(Model.TimeGrid.StepsBeforeRefocusing + 1);
        var summary = new Dictionary<string, double>
        {
            ["spins"] = Model.Lattice.SiteCount,
            ["samples"] = n,
            ["echo sample (1-based)"] = echo,
            ["echo t (1)"] = curve.Times[echo - 1],
            ["|M| at echo (1)"] = magnitude[echo - 1],
            ["alpha (MHz)"] = parameters.Alpha,
            ["xi (1)"] = parameters.Xi,
            ["p (1)"] = parameters.Power,
            ["d (1)"] = parameters.DissipationExponent,
        };
        string json = Path.Combine(context.OutputDirectory, "result.json");
        ResultJson.Write(json, new
        {
            name = Name,
            kind = "echo",
            offsetSeed = seed,
            lattice = Model.Lattice.ToString(),
            spins = Model.Lattice.SiteCount,
            kernel = Model.Kernel.ToString(),
            normalisedPerSite = Model.NormalisePerSite,
            hamiltonian = Model.Secular ? "secular" : "full",
            parameters = new { alpha_MHz = parameters.Alpha, xi = parameters.Xi, p = parameters.Power, d = parameters.DissipationExponent },
            samples = n,
            dt = Model.TimeGrid.Step,
            echoSample = echo,
            echoTime = curve.Times[echo - 1],
            echoMagnitude = magnitude[echo - 1],
            files = new[] { "echo.csv", "echo.png" },
        });
        return new JobResult(Name, summary, [csv, png, json]);
    }
}
