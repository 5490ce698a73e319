using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using NmrDsl.Runtime.Spin;

namespace NmrDsl.Benchmarks.Spin;

/// <summary>
/// Issue 4 acceptance benchmark: 5-spin glutamate at 2.89 T (one strongly coupled group, 32-dimensional Hilbert
/// space) with a 200-step shaped pulse (10 µs steps, random controls up to 1 kHz, seed 4). Times (1) one step
/// propagator, NmrDsl's eigendecomposition route (HermitianEigen, then V e^{−iλΔt} V†) against
/// scipy.linalg.expm, and (2) one GRAPE objective + exact gradient (GrapeObjective.Expectation with target F_x,
/// one forward and one backward sweep) against the same computation in NumPy/SciPy (expm forward, two
/// expm_frechet per step backward; bench/spin/glu_grape_scipy.py), on the identical matrices, in the same run.
/// The SciPy value and gradient are checked against NmrDsl's (they must agree to ~1e-9 relative).
/// </summary>
internal static class GluGrapeBenchmark
{
    private const int Steps = 200;
    private const double StepSeconds = 1e-5;

    public static void Run(string root)
    {
        Console.WriteLine();
        Console.WriteLine("Spin GRAPE on 5-spin glutamate (32-dim Hilbert space), 200-step shaped pulse: NmrDsl vs NumPy/SciPy (same matrices, same run)");
        var simulator = new HilbertSimulator(Metabolites.Glutamate(2.89));
        SpinHamiltonian h = simulator.Groups[0];
        var objective = GrapeObjective.Expectation(simulator, g => g.Operators.TotalX(g.ChannelSpins), Steps, StepSeconds);
        var random = new Random(4);
        double[] controls = Enumerable.Range(0, 2 * Steps).Select(_ => 1000 * ((2 * random.NextDouble()) - 1)).ToArray();
        var gradient = new double[2 * Steps];
        double value = objective.Evaluate(controls, gradient);
        double propagator = Measure.MedianSeconds(() => HermitianEigen.Decompose(h.WithRf(0, controls[0], controls[Steps])).Propagator(StepSeconds), 50, 500);
        double evaluation = Measure.MedianSeconds(() => objective.Evaluate(controls, gradient), 2, 9);
        Console.WriteLine($"   NmrDsl: propagator {propagator * 1e6,9:F1} µs   objective+gradient {evaluation * 1e3,9:F2} ms   (Φ = {value:G10})");
        string input = Path.Combine(Path.GetTempPath(), "nmrdsl-glu-grape-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".json");
        try
        {
            WriteInput(input, h, objective, controls);
            var scipy = RunScipy(Path.Combine(root, "bench", "spin", "glu_grape_scipy.py"), input);
            if (scipy is null)
            {
                Console.WriteLine("   NumPy/SciPy reference: not available (install Debian's python3-scipy; bench/run.sh does)");
                return;
            }

            var (prop, eval, refValue, refGradient, versions) = scipy.Value;
            double gradientError = refGradient.Zip(gradient, (a, b) => Math.Abs(a - b)).Max() / refGradient.Max(Math.Abs);
            Console.WriteLine($"   SciPy:  propagator {prop * 1e6,9:F1} µs   objective+gradient {eval * 1e3,9:F2} ms   ({versions}, expm / expm_frechet)");
            Console.WriteLine($"   agreement: |ΔΦ|/|Φ| = {Math.Abs(refValue - value) / Math.Abs(value):E2}, max|Δ∇Φ|/max|∇Φ| = {gradientError:E2}");
            Console.WriteLine($"   ratio SciPy / NmrDsl: propagator {prop / propagator:F1}x, objective+gradient {eval / evaluation:F1}x");
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static void WriteInput(string path, SpinHamiltonian h, GrapeObjective objective, double[] controls)
    {
        // The target the objective uses: F_x / Tr(I_z²) (GrapeObjective.Expectation normalisation).
        var target = (System.Numerics.Complex)(1 / h.SignalNorm) * h.Operators.TotalX(h.ChannelSpins);
        static object M(ComplexMatrix m) => new { re = m.ToRowMajorArray().Select(c => c.Real).ToArray(), im = m.ToRowMajorArray().Select(c => c.Imaginary).ToArray() };
        string json = JsonSerializer.Serialize(new
        {
            n = h.System.Dimension,
            h0 = M(h.Free),
            cx = M(h.ControlX),
            cy = M(h.ControlY),
            rho0 = M(h.Equilibrium),
            target = M(target),
            dt = objective.StepSeconds,
            controls,
            repeats = 3,
        });
        File.WriteAllText(path, json);
    }

    private static (double Propagator, double Evaluation, double Value, double[] Gradient, string Versions)? RunScipy(string script, string input)
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python)) return null;
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(input);
        info.Environment["OMP_NUM_THREADS"] = "1";
        info.Environment["OPENBLAS_NUM_THREADS"] = "1";
        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) return null;
        using var doc = JsonDocument.Parse(output);
        var r = doc.RootElement;
        return (r.GetProperty("propagator_s").GetDouble(), r.GetProperty("objective_gradient_s").GetDouble(), r.GetProperty("value").GetDouble(),
            r.GetProperty("gradient").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
            "NumPy " + r.GetProperty("numpy").GetString() + ", SciPy " + r.GetProperty("scipy").GetString());
    }
}
