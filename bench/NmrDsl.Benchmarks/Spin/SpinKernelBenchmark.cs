using System;
using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using NmrDsl.Runtime.Spin;
using NmrDsl.Runtime.Tensors;
using TorchSharp;

namespace NmrDsl.Benchmarks.Spin;

/// <summary>
/// Kernel choice for the spin runtime (issue 4): complex products and Hermitian eigendecompositions
/// of the sizes spin dynamics uses (8…64 = 3…6 spins in Hilbert space, 64 = 3 spins in Liouville
/// space), hand-written (NmrDsl.Runtime.Spin.ComplexMatrix) vs MathNet.Numerics 5.0 managed vs
/// TorchSharp (libtorch, complex128), plus what the total-M block structure saves for a delay.
/// Torch inputs are square and shape-checked before every call (mm, never matmul: DESIGN.md).
/// </summary>
internal static class SpinKernelBenchmark
{
    public static void Run()
    {
        Console.WriteLine();
        Console.WriteLine("3. Spin kernels (median of repeated calls; µs per call)");
        bool torchOk = TryInitTorch();
        Console.WriteLine("   complex n×n product           hand      MathNet    Torch mm   Torch mm+copies   MathNet/hand  Torch/hand");
        foreach (int n in new[] { 8, 16, 32, 64 })
        {
            var random = new Random(n);
            ComplexMatrix a = RandomMatrix(n, random), b = RandomMatrix(n, random), c = new(n, n);
            int reps = Math.Max(20, 200_000 / (n * n * n / 8));
            double hand = Timed(() => ComplexMatrix.MultiplyInto(a, b, c), reps);
            Matrix<Complex> ma = ToMathNet(a), mb = ToMathNet(b), mc = Matrix<Complex>.Build.Dense(n, n);
            double mathnet = Timed(() => ma.Multiply(mb, mc), reps);
            double tmm = double.NaN, tcopy = double.NaN;
            if (torchOk)
            {
                using var ta = ToTorch(a);
                using var tb = ToTorch(b);
                RequireSquare(ta, n);
                RequireSquare(tb, n);
                tmm = Timed(() => { using var r = torch.mm(ta, tb); }, reps);
                tcopy = Timed(
                    () =>
                    {
                        using var x = ToTorch(a);
                        using var y = ToTorch(b);
                        using var r = torch.mm(x, y);
                        r.data<Complex>().ToArray().AsSpan().CopyTo(c.Data);
                    },
                    reps);
            }

            Console.WriteLine($"   {n,3}                        {hand * 1e6,9:F2} {mathnet * 1e6,10:F2} {tmm * 1e6,10:F2} {tcopy * 1e6,14:F2} {mathnet / hand,14:F2} {tmm / hand,11:F2}");
        }

        // torch.linalg.eigh is not timed: called repeatedly on complex128 tensors (8×8, from torch.tensor of a
        // managed Complex[]) it crashed the process with SIGSEGV (exit 139) on this host, with 1 or 2 threads,
        // while a single call worked. MathNet's EVD is what HermitianEigen uses.
        Console.WriteLine("   Hermitian eigendecomposition  MathNet EVD (torch eigh: see source comment)");
        foreach (int n in new[] { 8, 16, 32, 64 })
        {
            var random = new Random(100 + n);
            ComplexMatrix a = RandomMatrix(n, random);
            ComplexMatrix h = a + a.Adjoint();
            int reps = Math.Max(10, 20_000 / (n * n * n / 8));
            double mathnet = Timed(() => HermitianEigen.Decompose(h), reps);
            Console.WriteLine($"   {n,3}                        {mathnet * 1e6,12:F2}");
        }

        SpinHamiltonian glu = new(Metabolites.Glutamate(2.89));
        double denseEvd = Timed(() => HermitianEigen.Decompose(glu.Free), 200);
        double blockEvd = Timed(() => HermitianEigen.Decompose(glu.Free, glu.TotalTwiceM), 200);
        double dense = Timed(() => HermitianEigen.Decompose(glu.Free).Propagator(0.01), 200);
        double blocks = Timed(() => HermitianEigen.Decompose(glu.Free, glu.TotalTwiceM).Propagator(0.01), 200);
        Console.WriteLine($"   Glu H0 (32×32) eigendecomposition: dense {denseEvd * 1e6:F1} µs, total-M blocks (1,5,10,10,5,1) {blockEvd * 1e6:F1} µs, ratio {denseEvd / blockEvd:F2}x");
        Console.WriteLine($"   Glu delay propagator incl. V e^(-iΛt) V†: dense {dense * 1e6:F1} µs, blocks {blocks * 1e6:F1} µs, ratio {dense / blocks:F2}x");

        var three = new SpinHamiltonian(new SpinSystem("abx", [new SpinSite("A", Isotope.H1, 2.0), new SpinSite("B", Isotope.H1, 2.1), new SpinSite("X", Isotope.H1, 3.7)], [new ScalarCoupling(0, 1, -14.8), new ScalarCoupling(0, 2, 7.3)], 3, 4.65));
        ComplexMatrix generator = (Complex)1e-4 * LiouvilleSpace.AugmentedGenerator(three.WithRf(0, 1000, 0), LiouvilleSpace.Relaxation(three.Operators, RelaxationModel.Uniform(3, 1.2, 0.1)), three.Equilibrium);
        double taylor = Timed(() => MatrixExponential.Exp(generator), 100);
        double texp = double.NaN;
        if (torchOk)
        {
            texp = Timed(
                () =>
                {
                    using var t = ToTorch(generator);
                    RequireSquare(t, generator.Rows);
                    using var e = torch.linalg.matrix_exp(t);
                    _ = e.data<Complex>().ToArray();
                },
                100);
        }

        var gluSimulator = new HilbertSimulator(Metabolites.Glutamate(2.89));
        var area = GrapeObjective.SpectralArea(gluSimulator, 2.30, 2.40, new Acquisition(1, 1000, 4), 200, 50e-6);
        var controls = new double[400];
        var gradient = new double[400];
        var rng = new Random(5);
        for (int i = 0; i < controls.Length; i++) controls[i] = 300 * ((2 * rng.NextDouble()) - 1);
        double grape = Measure.MedianSeconds(() => area.Evaluate(controls, gradient), 1, 5);
        var area4 = GrapeObjective.SpectralArea(gluSimulator, 2.30, 2.40, new Acquisition(1, 1000, 4), 200, 50e-6, EnsembleMember.Grid(0.9, 1.1, 2, -5, 5, 2));
        double grape4 = Measure.MedianSeconds(() => area4.Evaluate(controls, gradient), 1, 5);
        Console.WriteLine($"   GRAPE value + exact gradient, Glu (32×32), 200 steps × 50 µs: one ensemble member {grape * 1e3:F1} ms, four members {grape4 * 1e3:F1} ms ({Environment.ProcessorCount} cores, members in parallel)");
        Console.WriteLine($"   Liouville exp, 3 spins (65×65 augmented, 1 kHz RF, 100 µs): hand Taylor {taylor * 1e6:F1} µs, Torch matrix_exp+copies {texp * 1e6:F1} µs, ratio {texp / taylor:F2}");
    }

    // Runs the action for ≥ 0.3 s first so that tiered JIT has promoted it (otherwise the first, smallest
    // sizes are timed in unoptimised tier-0 code), then takes the median of Measure's repetitions.
    private static double Timed(Action action, int repetitions)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < 0.3) action();
        return Measure.MedianSeconds(action, 0, repetitions);
    }

    private static bool TryInitTorch()
    {
        try
        {
            TorchRuntime.EnsureInitialized();
            // One intra-op thread: per-call latency of small products (with 2 threads a 64×64 mm took
            // ~16 ms in one run here, thread hand-off dominating).
            torch.set_num_threads(1);
            Console.WriteLine("   (TorchSharp " + torch.__version__ + ", " + torch.get_num_threads() + " intra-op threads; MathNet managed provider; hand = AVX2/FMA kernel)");
            return true;
        }
        catch (TorchRuntimeException ex)
        {
            Console.WriteLine("   TorchSharp unavailable: " + ex.Message);
            return false;
        }
    }

    private static void RequireSquare(torch.Tensor t, long n)
    {
        if (t.dim() != 2 || t.shape[0] != n || t.shape[1] != n || t.dtype != torch.complex128)
        {
            throw new InvalidOperationException("Expected a complex128 square tensor before calling libtorch.");
        }
    }

    private static ComplexMatrix RandomMatrix(int n, Random random)
    {
        var m = new ComplexMatrix(n, n);
        Span<Complex> d = m.Data;
        for (int i = 0; i < d.Length; i++) d[i] = new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5);
        return m;
    }

    private static Matrix<Complex> ToMathNet(ComplexMatrix m) => Matrix<Complex>.Build.Dense(m.Rows, m.Columns, (r, c) => m[r, c]);

    private static torch.Tensor ToTorch(ComplexMatrix m) => torch.tensor(m.ToRowMajorArray(), new long[] { m.Rows, m.Columns }, torch.complex128);
}
