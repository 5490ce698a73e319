using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NmrDsl.Runtime.IO;
using NmrDsl.Runtime.Plotting;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// Runs and reports a spin simulation declared by a spec (<c>nmrdsl simulate</c>): fid.csv
/// (<c>t,re,im</c>, t in s), spectrum.csv (<c>ppm,re,im</c>, ascending ppm, a singlet at +δ ppm
/// peaks at +δ; see <see cref="Spectrum"/>), spectrum.png (real part) and result.json, each written
/// atomically.
/// </summary>
public static class SpinReport
{
    /// <summary>
    /// Simulates <paramref name="sequence"/> on <paramref name="system"/>: exact Hilbert-space propagators
    /// without relaxation, or the Liouville-space path with <paramref name="relaxation"/>.
    /// </summary>
    /// <remarks>With an <paramref name="ensemble"/> the FID is the weighted average over its B0/B1 members.</remarks>
    public static Fid Simulate(SpinSystem system, PulseSequence sequence, RelaxationModel? relaxation, IReadOnlyList<EnsembleMember>? ensemble = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(sequence);
        return relaxation is null
            ? new HilbertSimulator(system).Simulate(sequence, ensemble)
            : new LiouvilleSimulator(system, relaxation).Simulate(sequence, ensemble);
    }

    /// <summary>Simulates and writes the report into <paramref name="directory"/> (created if missing).</summary>
    public static JobResult Run(string directory, string name, SpinSystem system, PulseSequence sequence, RelaxationModel? relaxation, IReadOnlyList<EnsembleMember>? ensemble = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(sequence);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var fid = Simulate(system, sequence, relaxation, ensemble);
        var spectrum = Spectrum.FromFid(fid);
        double wall = clock.Elapsed.TotalSeconds;
        Directory.CreateDirectory(directory);
        string fidPath = Path.Combine(directory, "fid.csv");
        string spectrumPath = Path.Combine(directory, "spectrum.csv");
        string plotPath = Path.Combine(directory, "spectrum.png");
        string jsonPath = Path.Combine(directory, "result.json");
        CsvWriter.WriteColumns(fidPath, new[] { "t", "re", "im" }, new IReadOnlyList<double>[]
        {
            Enumerable.Range(0, fid.Points.Length).Select(fid.TimeAt).ToArray(),
            fid.Points.Select(p => p.Real).ToArray(),
            fid.Points.Select(p => p.Imaginary).ToArray(),
        });
        var order = Enumerable.Range(0, spectrum.Ppm.Length).OrderBy(k => spectrum.Ppm[k]).ToArray();
        double[] ppm = order.Select(k => spectrum.Ppm[k]).ToArray();
        double[] real = order.Select(k => spectrum.Values[k].Real).ToArray();
        CsvWriter.WriteColumns(spectrumPath, new[] { "ppm", "re", "im" }, new IReadOnlyList<double>[]
        {
            ppm,
            real,
            order.Select(k => spectrum.Values[k].Imaginary).ToArray(),
        });
        LinePlot.Save(plotPath, name + " on " + system.Name, "chemical shift (ppm)", "Re S (Hz^-1)", new[] { new PlotSeries("real", ppm, real) });
        // The largest |S|: an inverted line (a J-modulated echo) is still the peak.
        int peak = Enumerable.Range(0, spectrum.Values.Length).Aggregate(0, (best, k) => spectrum.Values[k].Magnitude > spectrum.Values[best].Magnitude ? k : best);
        var summary = new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["points"] = fid.Points.Length,
            ["spectral_width_Hz"] = sequence.Acquisition.SpectralWidthHz,
            ["resolution_Hz"] = spectrum.ResolutionHz,
            ["peak_ppm"] = spectrum.Ppm[peak],
            ["peak_re_per_Hz"] = spectrum.Values[peak].Real,
            ["wall_time_s"] = wall,
            ["ensemble_members"] = ensemble?.Count ?? 1,
        };
        ResultJson.Write(jsonPath, new
        {
            sequence = name,
            system = system.Name,
            method = relaxation is null ? "hilbert" : "liouville",
            field_T = system.FieldTesla,
            reference_ppm = system.ReferencePpm,
            observe_frequency_Hz = fid.ObserveFrequencyHz,
            spins = system.Spins.Select(s => new { name = s.Name, isotope = s.Isotope.Symbol, shift_ppm = s.ShiftPpm }).ToArray(),
            couplings = system.Couplings.Select(c => new { first = system.Spins[c.First].Name, second = system.Spins[c.Second].Name, hz = c.Hz }).ToArray(),
            summary,
            files = new[] { "fid.csv", "spectrum.csv", "spectrum.png" },
        });
        return new JobResult(name, summary, new[] { fidPath, spectrumPath, plotPath, jsonPath });
    }
}
