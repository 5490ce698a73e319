using System;
using System.Collections.Generic;
using System.Linq;
using NmrDsl.Runtime.Fitting;
using NmrDsl.Runtime.Pde;
using NmrDsl.Runtime.Pinn;

namespace NmrDsl.Testing;

/// <summary>
/// A hand-written IPinnProblem (what the generator emits for a spec with an unknown): a sphere of unknown radius R,
/// initially at 0, surface held at 1, D fixed; observable y = volume average of u. Its uptake has the closed form of
/// Crank eq. 6.20 (tests/Shared/ReferenceSolutions.cs), in which R enters only through D t / R².
/// </summary>
internal sealed class PinnSphereProblem : IPinnProblem, IDiffusionReactionProblem
{
    public const double Diffusivity0 = 1e-13; // m²/s: R²/D = 10 s for R = 1 µm

    public PinnSphereProblem(double radius = 1e-6, double endTime = 3.0, double initialGuess = 0.6e-6, double relaxationTime = 0.0, bool surfaceSource = false)
    {
        RelaxationTime = relaxationTime;
        SurfaceSource = surfaceSource;
        Radius = radius;
        EndTime = endTime;
        InitialGuess = initialGuess;
    }

    public double Radius { get; }

    /// <summary>T1 &gt; 0: the variant with a relaxation source (u → 1 at rate 1/T1) and an insulated surface, whose exact field is 1 − exp(−t/T1) everywhere.</summary>
    public double RelaxationTime { get; }

    /// <summary>
    /// With <see cref="RelaxationTime"/>: the relaxation rate grows as (r/R)⁴ (1/T1 at the surface, nothing at the
    /// centre), so polarization enters near the surface and diffuses inwards; smooth, and y(t) depends on R through
    /// D t / R². No closed form: the reference is the finite-volume solver (validated to 1e-5 elsewhere).
    /// </summary>
    public bool SurfaceSource { get; }

    public double InitialGuess { get; }

    public string Name => "SphereUptake";

    public IReadOnlyList<FitParameter> Unknowns => new[] { new FitParameter("R", InitialGuess, 1e-7, 1e-5, LogScale: true, SiUnit: "m") };

    public IReadOnlyList<string> ObservableNames { get; } = new[] { "y" };

    public IReadOnlyList<RegionAverage> RegionAverages { get; } = new[] { new RegionAverage("y", 0) };

    public PinnOptions? PinnSettings => null;

    public FiniteVolumeOptions Options { get; init; } = new() { Cells = 200 };

    public IDiffusionReactionProblem Instantiate(IReadOnlyDictionary<string, double> values) =>
        new PinnSphereProblem(values.TryGetValue("R", out double r) ? r : Radius, values.TryGetValue("tend", out double t) ? t : EndTime, InitialGuess, RelaxationTime, SurfaceSource) { Options = Options };

    public double[][] Predict(IReadOnlyDictionary<string, double> values, double[] times)
    {
        var p = Instantiate(values);
        var solution = FiniteVolumeSolver.Solve(p, Options with { OutputTimes = times });
        return new[] { solution.Times.Select((_, n) => Average(solution, n)).ToArray() };
    }

    /// <summary>Analytic data: t (s) and y at <paramref name="count"/> evenly spaced times in [0, end].</summary>
    public PinnData Data(int count) => new(
        Enumerable.Range(0, count).Select(i => EndTime * i / (count - 1)).ToArray(),
        new Dictionary<string, double[]> { ["y"] = Enumerable.Range(0, count).Select(i => Exact(EndTime * i / (count - 1))).ToArray() });

    /// <summary>Data from the finite-volume solver (400 cells) at the true radius.</summary>
    public PinnData SolverData(int count)
    {
        double[] times = Enumerable.Range(0, count).Select(i => EndTime * i / (count - 1)).ToArray();
        var y = With400().Predict(new Dictionary<string, double> { ["R"] = Radius }, times)[0];
        return new PinnData(times, new Dictionary<string, double[]> { ["y"] = y });
    }

    private PinnSphereProblem With400() => new(Radius, EndTime, InitialGuess, RelaxationTime, SurfaceSource) { Options = new FiniteVolumeOptions { Cells = 400 } };

    private double Exact(double t) => RelaxationTime > 0 ? 1 - Math.Exp(-t / RelaxationTime) : ReferenceSolutions.SphereUptake(t, Radius, Diffusivity0);

    private static double Average(PdeSolution s, int n)
    {
        double total = 0, volume = 0;
        for (int i = 0; i < s.Mesh.CellCount; i++)
        {
            total += s.Mesh.Volumes[i] * s.Values[n][i];
            volume += s.Mesh.Volumes[i];
        }
        return total / volume;
    }

    // IDiffusionReactionProblem: du/dt = r^-2 d/dr(r² D du/dr), u(R) = 1, u(r, 0) = 0.
    public Geometry Geometry => Geometry.Sphere;
    public double Start => 0.0;
    public double End => Radius;
    public IReadOnlyList<double> Interfaces { get; } = Array.Empty<double>();
    public double EndTime { get; }
    public bool IsTimeDependent => false;
    public double Capacity(double x, double t, int region) => 1.0;
    public double Diffusivity(double x, double t, int region) => Diffusivity0;
    public double SourceConstant(double x, double t, int region) => Rate(x);
    public double SourceLinear(double x, double t, int region) => -Rate(x);
    private double Rate(double x) => RelaxationTime > 0 ? (SurfaceSource ? Math.Pow(x / Radius, 4) : 1.0) / RelaxationTime : 0.0;
    public double Initial(double x, int region) => 0.0;
    public BoundaryCondition StartBoundary(double t) => BoundaryCondition.Regular;
    public BoundaryCondition EndBoundary(double t) => RelaxationTime > 0 ? BoundaryCondition.Flux(0.0) : BoundaryCondition.Dirichlet(1.0);
}
