using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using NmrDsl.Runtime.Echo;

namespace NmrDsl.Benchmarks.Echo;

/// <summary>
/// Interacting-spin echo workload (reference /work/shared/reference/echo-challenge.md §1.3): (a) one mean-field
/// evaluation by FFT, direct sum and separable DFT per lattice size, with the ratios behind <see cref="MeanField.Choose"/>;
/// (b) curves/s on the reference 50×50 lattice, one curve at a time and a dataset in parallel over curves; (c) the same
/// curves from the independent NumPy port bench/echo/echo_numpy.py (4×4 Liouville exponentials, dense kernel matrix),
/// same seeds and therefore the same offsets, with the largest difference in M.
/// </summary>
internal static class EchoBenchmark
{
    public static void Run(string root)
    {
        Console.WriteLine("3. Echo mean field m_i = sum_j K_ij (s_jx + i s_jy): one evaluation, median of 21 (5 above 5000 sites) after 1 warm-up (power law p = 3, normalised)");
        Console.WriteLine($"   {"lattice",-8} {"N",6} {"FFT ms",10} {"direct ms",10} {"sepDFT ms",10} {"direct/FFT",11} {"direct/DFT",11}  auto");
        var parameters = new EchoParameters(0.1, 5, 3, 4);
        foreach (int side in new[] { 4, 8, 12, 16, 24, 32, 50, 64, 100, 128 })
        {
            var model = new EchoModel { Lattice = new SquareLattice(side) };
            LatticeKernel kernel = model.CreateLatticeKernel(parameters);
            int n = side * side;
            var random = new EchoRandom(1);
            double[] sx = new double[n], sy = new double[n], mx = new double[n], my = new double[n];
            for (int i = 0; i < n; i++)
            {
                sx[i] = random.NextDouble() - 0.5;
                sy[i] = random.NextDouble() - 0.5;
            }

            int inner = Math.Max(1, 20000 / n);
            int repetitions = n > 5000 ? 5 : 21;
            double Time(IMeanFieldSolver solver) => Measure.MedianSeconds(() => { for (int r = 0; r < inner; r++) solver.Compute(sx, sy, mx, my); }, 1, repetitions) / inner;
            double tFft = Time(new FftMeanField(kernel));
            double tDirect = Time(new DirectSumMeanField(kernel));
            double tDft = Time(new SeparableDftMeanField(kernel));
            Console.WriteLine($"   {side + "x" + side,-8} {n,6} {tFft * 1e3,10:F4} {tDirect * 1e3,10:F4} {tDft * 1e3,10:F4} {tDirect / tFft,11:F2} {tDirect / tDft,11:F2}  {MeanField.Choose(model.Lattice)}");
        }

        Console.WriteLine();

        Console.WriteLine("4. Echo curves on the reference model (50x50, 471 samples, non-secular, d = 4), median of 5 after 1 warm-up");
        EchoModel reference = EchoModel.Reference;
        double[] offsets = reference.Offsets.Draw(5, reference.Lattice.SiteCount);
        foreach (double alpha in new[] { 0.0, 0.1 })
        {
            foreach (int threads in new[] { 1, Environment.ProcessorCount })
            {
                EchoModel m = reference with { SpinParallelism = threads };
                var p = parameters with { Alpha = alpha };
                double t = Measure.MedianSeconds(() => EchoSimulator.Simulate(m, p, offsets), 1, 5);
                Console.WriteLine($"   alpha = {alpha:F1}, {threads} thread(s) over spins: {t * 1e3,8:F1} ms per curve = {1 / t,6:F2} curves/s");
            }
        }

        const int count = 8;
        EchoDataset.Generate(reference, 1, 0, 2);
        var clock = Stopwatch.StartNew();
        EchoDataset.Generate(reference, 2026, 0, count);
        double total = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"   dataset (prior draws, parallel over curves, {Environment.ProcessorCount} cores): {count} curves in {total:F2} s = {count / total:F2} curves/s");

        Console.WriteLine();
        Console.WriteLine("5. Echo cross-check against the NumPy port (bench/echo/echo_numpy.py: 4x4 Liouville exponentials, dense kernel), same seeds");
        string script = Path.Combine(root, "bench", "echo", "echo_numpy.py");
        (int Side, EchoParameters P, ulong Seed, bool Secular)[] cases =
        [
            (12, new EchoParameters(0.15, 4, 2.6, 3.7), 77, false),
            (12, new EchoParameters(0.2, 4, 2.2, 5), 78, true),
            (50, new EchoParameters(0.18, 8.9, 2.7, 3.2), 1, false),
        ];
        foreach ((int side, EchoParameters p, ulong seed, bool secular) in cases)
        {
            var model = new EchoModel { Lattice = new SquareLattice(side), Secular = secular };
            var clock2 = Stopwatch.StartNew();
            EchoCurve curve = EchoSimulator.Simulate(model, p, seed);
            double seconds = clock2.Elapsed.TotalSeconds;
            var numpy = RunNumpy(script, side, p, seed, secular);
            if (numpy is null)
            {
                Console.WriteLine("   NumPy port: not available (install Debian's python3-numpy)");
                return;
            }

            double worst = curve.Samples.Zip(numpy.Value.M, (a, b) => (a - b).Magnitude).Max();
            Console.WriteLine($"   {side}x{side} {(secular ? "secular" : "full"),-7} {p}: max |M_C# - M_numpy| = {worst:E2}; C# {seconds:F2} s, NumPy {numpy.Value.Seconds:F2} s (NumPy {numpy.Value.Version})");
        }
    }

    private static (Complex[] M, double Seconds, string Version)? RunNumpy(string script, int side, EchoParameters p, ulong seed, bool secular)
    {
        using JsonDocument? json = PythonReference.Run(script,
        [
            side.ToString(CultureInfo.InvariantCulture), p.Alpha.ToString("R", CultureInfo.InvariantCulture), p.Xi.ToString("R", CultureInfo.InvariantCulture),
            p.Power.ToString("R", CultureInfo.InvariantCulture), p.DissipationExponent.ToString("R", CultureInfo.InvariantCulture), seed.ToString(CultureInfo.InvariantCulture), secular ? "secular" : "full",
        ]);
        if (json is null) return null;
        JsonElement r = json.RootElement;
        double[] re = r.GetProperty("re").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        double[] im = r.GetProperty("im").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return (re.Zip(im, (x, y) => new Complex(x, y)).ToArray(), r.GetProperty("seconds").GetDouble(), r.GetProperty("numpy").GetString() ?? "?");
    }
}
