using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using NmrDsl.Benchmarks;
using NmrDsl.Testing;
using NmrDsl.Benchmarks.Specs;
using NmrDsl.Generators;
using NmrDsl.Runtime.Pde;

// Benchmarks for the foundation: (1) front-end compile time per example spec, (2) the generated
// finite-volume solver of SphereUptake against SciPy's BDF on the identical semi-discretisation,
// measured in the same run, both checked against the analytic series.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string root = FindRoot();
if (args.Length > 0 && args[0] == "csd-cv")
{
    // Not part of the default run (minutes): bench/run.sh csd-cv [landmarks]
    Console.WriteLine("CSD-500 (400 crystals) SOAP + Nyström KRR, 5-fold cross-validation");
    NmrDsl.Benchmarks.Shifts.CsdCrossValidation.Run(root, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000);
    return 0;
}
Console.WriteLine("NmrDsl benchmarks — " + DateTime.UtcNow.ToString("u") + ", " + Environment.ProcessorCount + " cores");
Console.WriteLine();

Console.WriteLine("1. Front end: NmrCompiler.Compile (lex, parse, bind, analyse, emit), median of 200 after 20 warm-up");
foreach (var spec in Directory.GetFiles(Path.Combine(root, "specs"), "*.nmr", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
{
    string text = File.ReadAllText(spec);
    double seconds = Measure.MedianSeconds(() => NmrCompiler.Compile(spec, text), 20, 200);
    long bytes = Measure.AllocatedBytes(() => NmrCompiler.Compile(spec, text));
    Console.WriteLine($"   {Path.GetRelativePath(root, spec),-36} {seconds * 1e3,8:F3} ms   {bytes / 1024.0,8:F0} KiB allocated");
}
Console.WriteLine();

Console.WriteLine("2. SphereUptake (sphere, fixed surface value), 200 cells, rtol 1e-8, 121 outputs over 600 s");
var problem = new SphereUptake();
var reference = problem.Parameters;
PdeSolution? solution = null;
double nmrdsl = Measure.MedianSeconds(() => solution = problem.Solve(), 3, 15);
long solveBytes = Measure.AllocatedBytes(() => problem.Solve());
double[] uptake = problem.ObserveUptake(solution!);
double errorNmr = MaxRelativeError(solution!.Times, uptake, reference.R, reference.D);
Console.WriteLine($"   NmrDsl (generated, TR-BDF2 + Thomas): {nmrdsl * 1e3,9:F2} ms  steps {solution.Statistics.AcceptedSteps} (+{solution.Statistics.RejectedSteps} rejected)  max rel. error vs series {errorNmr:E2}  {solveBytes / 1024.0:F0} KiB allocated");

string python = "/usr/bin/python3";
string script = Path.Combine(root, "bench", "reference", "sphere_fv_scipy.py");
var scipy = RunScipy(python, script, reference.R, reference.D, 200, 600.0, 121);
if (scipy is null)
{
    Console.WriteLine("   SciPy reference: not available (install Debian's python3-scipy; bench/run.sh does)");
}
else
{
    Console.WriteLine($"   SciPy solve_ivp BDF (sparse Jacobian): {scipy.Value.Seconds * 1e3,9:F2} ms  rhs evaluations {scipy.Value.Steps}  max rel. error vs series {scipy.Value.Error:E2}  (SciPy {scipy.Value.Version})");
    Console.WriteLine($"   ratio SciPy / NmrDsl = {scipy.Value.Seconds / nmrdsl:F1}x");
}
NmrDsl.Benchmarks.Spin.SpinKernelBenchmark.Run();
Console.WriteLine(); NmrDsl.Benchmarks.Pinn.PinnBenchmark.Run();
Console.WriteLine(); NmrDsl.Benchmarks.Echo.EchoBenchmark.Run(root);
NmrDsl.Benchmarks.Spin.GluGrapeBenchmark.Run(root);
Console.WriteLine(); NmrDsl.Benchmarks.Descriptors.SoapBenchmark.Run(root);
Console.WriteLine(); NmrDsl.Benchmarks.Regression.RegressionBenchmark.Run(root);
return 0;

static double MaxRelativeError(double[] times, double[] uptake, double radius, double diffusivity)
{
    double error = 0;
    for (int i = 0; i < times.Length; i++)
    {
        if (times[i] < 0.01 * radius * radius / diffusivity) continue;
        double exact = ReferenceSolutions.SphereUptake(times[i], radius, diffusivity);
        error = Math.Max(error, Math.Abs(uptake[i] - exact) / exact);
    }
    return error;
}

static (double Seconds, double Error, int Steps, string Version)? RunScipy(string python, string script, double radius, double diffusivity, int cells, double endTime, int outputs)
{
    if (!File.Exists(python)) return null;
    var info = new ProcessStartInfo(python)
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    };
    foreach (var a in new[] { script, radius.ToString("R", CultureInfo.InvariantCulture), diffusivity.ToString("R", CultureInfo.InvariantCulture), cells.ToString(CultureInfo.InvariantCulture), endTime.ToString("R", CultureInfo.InvariantCulture), outputs.ToString(CultureInfo.InvariantCulture) })
    {
        info.ArgumentList.Add(a);
    }
    using var process = Process.Start(info)!;
    string output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0) return null;
    using var json = JsonDocument.Parse(output);
    var r = json.RootElement;
    return (r.GetProperty("seconds").GetDouble(), r.GetProperty("max_rel_error").GetDouble(), r.GetProperty("steps").GetInt32(), r.GetProperty("scipy").GetString() ?? "?");
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NmrDsl.sln"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
}
