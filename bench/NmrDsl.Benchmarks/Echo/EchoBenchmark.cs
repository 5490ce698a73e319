using System;
using System.Diagnostics;
using NmrDsl.Runtime.Echo;

namespace NmrDsl.Benchmarks.Echo;

/// <summary>
/// Interacting-spin echo workload (reference /work/shared/reference/echo-challenge.md §1.3): (a) one mean-field
/// evaluation by FFT vs direct sum per lattice size, with the ratio that sets <see cref="MeanField.PrefersFft"/>;
/// (b) curves/s on the reference 50×50 lattice, one curve at a time and a dataset in parallel over curves.
/// </summary>
internal static class EchoBenchmark
{
    public static void Run()
    {
        Console.WriteLine("3. Echo mean field m_i = sum_j K_ij (s_jx + i s_jy): one evaluation, median of 21 after 3 warm-up (power law p = 3, normalised)");
        Console.WriteLine($"   {"lattice",-8} {"N",6} {"FFT ms",10} {"direct ms",10} {"direct/FFT",11}");
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

            var fft = new FftMeanField(kernel);
            var direct = new DirectSumMeanField(kernel);
            int inner = Math.Max(1, 20000 / n);
            int repetitions = n > 5000 ? 5 : 21;
            double tFft = Measure.MedianSeconds(() => { for (int r = 0; r < inner; r++) fft.Compute(sx, sy, mx, my); }, 1, repetitions) / inner;
            double tDirect = Measure.MedianSeconds(() => { for (int r = 0; r < inner; r++) direct.Compute(sx, sy, mx, my); }, 1, repetitions) / inner;
            Console.WriteLine($"   {side + "x" + side,-8} {n,6} {tFft * 1e3,10:F4} {tDirect * 1e3,10:F4} {tDirect / tFft,11:F2}");
        }

        Console.WriteLine($"   Auto uses the FFT from N >= {MeanField.FftFromSiteCountPowerOfTwo} sites for power-of-two extents, N >= {MeanField.FftFromSiteCountOther} otherwise");
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
    }
}
