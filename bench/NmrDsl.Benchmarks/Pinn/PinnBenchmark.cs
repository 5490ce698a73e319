using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using NmrDsl.Runtime.Fitting;
using NmrDsl.Runtime.Pinn;
using NmrDsl.Runtime.Tensors;
using NmrDsl.Testing;
using TorchSharp;
using static TorchSharp.torch;
using static NmrDsl.Runtime.Pinn.TensorArithmetic;

namespace NmrDsl.Benchmarks.Pinn;

/// <summary>
/// Issue 3's PINN benchmark. (a) Time per training step (loss + gradient) of a 2 × 32 tanh PINN on 18,000
/// collocation points (30 radii × 600 times, one region), float64 and float32: NmrDsl's path with forward-mode
/// Taylor jets and with nested autograd, against a plain TorchSharp implementation of the same network and
/// residual (nn.Sequential, autograd.grad with create_graph) measured in the same run. (b) Time to an R estimate
/// for the PINN against the classical finite-volume fit of the same problem and data.
/// </summary>
internal static class PinnBenchmark
{
    public static void Run()
    {
        TorchRuntime.EnsureInitialized();
        Console.WriteLine($"4. PINN (issue 3), libtorch threads {TorchRuntime.Threads}");
        var problem = new PinnSphereProblem(initialGuess: 1e-6, relaxationTime: 0.5, surfaceSource: true);
        var data = problem.SolverData(30);
        foreach (bool single in new[] { false, true })
        {
            string precision = single ? "float32" : "float64";
            var times = new Dictionary<string, double>();
            foreach (var mode in new[] { DerivativeMode.TaylorJet, DerivativeMode.Autograd })
            {
                var options = new PinnOptions { Radii = 30, Times = 600, Derivatives = mode, SinglePrecision = single, MaxDataTimes = 30, QuadratureNodes = 32 };
                var (model, _, points, _, _, _) = PinnTrainer.Build(problem, data, options, new Dictionary<string, double>());
                using (model)
                {
                    double[] p = model.InitialParameters(1);
                    times[mode.ToString()] = Measure.MedianSeconds(() => model.Evaluate(p, gradient: true), 3, 15);
                    if (mode == DerivativeMode.TaylorJet) Console.WriteLine($"   collocation points {points.Residuals.Sum(s => s.Count)} (+ {model.ParameterCount} parameters)");
                }
            }
            times["plain"] = Measure.MedianSeconds(PlainStep(single), 3, 15);
            Console.WriteLine($"   {precision}: NmrDsl jets {times["TaylorJet"] * 1e3,7:F1} ms/step, NmrDsl autograd {times["Autograd"] * 1e3,7:F1} ms/step, plain TorchSharp autograd {times["plain"] * 1e3,7:F1} ms/step;  plain / jets = {times["plain"] / times["TaylorJet"]:F2}x, autograd / jets = {times["Autograd"] / times["TaylorJet"]:F2}x");
        }

        // (b) time to an estimate of R (true 1 µm, start 0.6 µm).
        var fitProblem = new PinnSphereProblem(relaxationTime: 0.5, surfaceSource: true);
        var clock = Stopwatch.StartNew();
        var table = new Dictionary<string, double[]> { ["t"] = data.Times, ["y"] = data.Observables["y"] };
        var fv = InverseFit.Fit(fitProblem, Csv(table), new InverseFitOptions());
        double fvSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var pinn = PinnTrainer.Fit(fitProblem, data, new PinnOptions
        {
            Width = 16, Radii = 12, Times = 40, AdamIterations = 2000, LbfgsIterations = 1500, QuadratureNodes = 16, MaxDataTimes = 30,
            Weights = new PinnLossWeights { Pde = 10 },
        });
        double pinnSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"   R from y(t), true 1 um: finite-volume fit {fv.Fit.Estimates[0] * 1e6:F5} um ({fv.Fit.Estimates[0] / 1e-6 - 1:P3}) in {fvSeconds:F1} s; PINN {pinn.Estimates[0] * 1e6:F4} um ({pinn.Estimates[0] / 1e-6 - 1:P1}) in {pinnSeconds:F1} s; time ratio PINN / FV = {pinnSeconds / fvSeconds:F0}x");
    }

    /// <summary>
    /// The same 2 × 32 tanh network and residual written the usual way: nn.Sequential, inputs with requires_grad,
    /// u = h(τ) N, u_r, u_t, u_rr by autograd.grad (create_graph, retain_graph), the radial residual on the same
    /// 18,000 points, mean square, backward.
    /// </summary>
    private static Action PlainStep(bool single)
    {
        var dtype = single ? ScalarType.Float32 : ScalarType.Float64;
        var net = nn.Sequential(nn.Linear(2, 32), nn.Tanh(), nn.Linear(32, 32), nn.Tanh(), nn.Linear(32, 1));
        net.to(dtype);
        double[] r = PinnSampling.Chebyshev(0, 1, 30);
        double[] t = PinnSampling.Times(600, TimeSampling.Mixed, 1e-3);
        var rr = r.SelectMany(x => t.Select(_ => x)).ToArray();
        var tt = r.SelectMany(_ => t).ToArray();
        var input = stack(new[] { tensor(rr, dtype: dtype), tensor(tt, dtype: dtype) }, 1);
        var k = tensor(0.3, dtype: dtype);
        var two = tensor(2.0, dtype: dtype);
        var rate = tensor(rr.Select(x => 6 * Math.Pow(x, 4)).ToArray(), dtype: dtype);
        var ramp = tensor(tt.Select(x => 1 - Math.Exp(-x / 0.1)).ToArray(), dtype: dtype);
        var rampSlope = tensor(tt.Select(x => Math.Exp(-x / 0.1) / 0.1).ToArray(), dtype: dtype);
        var inverseR = tensor(rr.Select(x => 1 / x).ToArray(), dtype: dtype);
        return () =>
        {
            using var scope = NewDisposeScope();
            var x = input.detach().requires_grad_(true);
            var n = net.call(x).view(-1);
            var u = ramp * n;
            var g = autograd.grad(new[] { u.sum() }, new[] { x }, retain_graph: true, create_graph: true)[0];
            var ur = g.narrow(1, 0, 1).view(-1);
            var ut = g.narrow(1, 1, 1).view(-1) / ramp;
            var urr = autograd.grad(new[] { ur.sum() }, new[] { x }, retain_graph: true, create_graph: true)[0].narrow(1, 0, 1).view(-1);
            var ut2 = (rampSlope * n).Plus(ramp * ut);
            var residual = ut2.Minus(k * urr.Plus(two * inverseR * ur)).Plus(rate * u).Minus(rate);
            var loss = residual.square().mean();
            net.zero_grad();
            loss.backward();
        };
    }

    private static NmrDsl.Runtime.IO.CsvTable Csv(Dictionary<string, double[]> columns)
    {
        var text = new System.Text.StringBuilder(string.Join(",", columns.Keys)).Append('\n');
        int n = columns.Values.First().Length;
        for (int i = 0; i < n; i++) text.Append(string.Join(",", columns.Values.Select(c => c[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture)))).Append('\n');
        return NmrDsl.Runtime.IO.CsvTable.Read(new System.IO.StringReader(text.ToString()), "pinn-benchmark-data.csv");
    }
}
