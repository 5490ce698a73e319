using NmrDsl.Testing;
using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using NmrDsl.Generators.Tests.TestSupport;

namespace NmrDsl.Generators.Tests.Generator;

/// <summary>
/// "Always compile the generated code in tests" (CommunityToolkit): the sources of every example
/// spec, together, compile against NmrDsl.Runtime with nullable enabled, warning level 9999 and
/// XML documentation diagnostics on, without a single error or warning.
/// </summary>
public sealed class CompileTests
{
    [Fact]
    public void GeneratedCode_OfAllExampleSpecs_CompilesWithZeroDiagnostics()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.ExampleSpecs());
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        // A problem emits its class and its residual; a spin system or sequence one class each; an echo block
        // (specs/echo/) one class.
        int echoSpecs = RepoPaths.ExampleSpecs().Count(s => s.StartsWith("specs/echo/", StringComparison.Ordinal));
        Assert.Equal((2 * RepoPaths.ProblemSpecs().Count) + RepoPaths.SpinBlockCount() + echoSpecs, run.Sources.Count);

        var diagnostics = run.OutputCompilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.ToString())
            .ToList();
        Assert.True(diagnostics.Count == 0, "generated code does not compile cleanly:\n" + string.Join("\n", diagnostics));
    }

    /// <summary>
    /// Runs the generated SphereUptake and checks the volume-averaged uptake at t = 600 s against
    /// the analytic series for a sphere with a fixed surface value (Crank, The Mathematics of
    /// Diffusion, 2nd ed., 1975, eq. 6.20): M(t)/M(inf) = 1 - (6/pi^2) sum_n exp(-n^2 pi^2 D t / R^2) / n^2,
    /// with R = 1 um, D = 500 nm^2/s (D t / R^2 = 0.3).
    /// </summary>
    [Fact]
    public void GeneratedSphereUptake_MatchesCrankSeries()
    {
        if (typeof(NmrDsl.Runtime.ISpecJob).Assembly.GetType("NmrDsl.Runtime.Pde.FiniteVolumeSolver") is null) return; // runtime solver not there yet
        const string spec = "specs/pde/sphere-uptake.nmr";
        var run = GeneratorHarness.Run(spec, RepoPaths.ReadText(spec), RuntimeShims.MissingReportTypes());
        using var stream = new MemoryStream();
        var emit = run.OutputCompilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        stream.Position = 0;
        var context = new AssemblyLoadContext("SphereUptake", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(stream);
            var type = assembly.GetType("NmrDsl.Generated.SphereUptake", throwOnError: true)!;
            object problem = Activator.CreateInstance(type)!;
            var solve = type.GetMethod("Solve")!;
            object solution = solve.Invoke(problem, new object?[] { null, default(System.Threading.CancellationToken) })!;
            var uptake = (double[])type.GetMethod("ObserveUptake")!.Invoke(problem, new[] { solution })!;
            var times = (double[])solution.GetType().GetProperty("Times")!.GetValue(solution)!;

            Assert.Equal(600.0, times[^1], 9);
            double expected = ReferenceSolutions.SphereUptake(t: 600.0, radius: 1e-6, diffusivity: 500e-18);
            double actual = uptake[^1];
            Assert.True(
                Math.Abs(actual - expected) <= 1e-4 * expected,
                FormattableString.Invariant($"uptake(600 s) = {actual:R}, Crank eq. 6.20 gives {expected:R} (relative error {Math.Abs(actual - expected) / expected:E2})"));
        }
        finally
        {
            context.Unload();
        }
    }
}
