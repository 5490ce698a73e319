using NmrDsl.Runtime.Pde;

namespace NmrDsl.Sample;

/// <summary>
/// Hand-written C# next to the specs: the generated types (<see cref="SphereUptake"/>,
/// <see cref="SlabHeat"/>, their parameter records) are ordinary classes in this project's
/// <c>NmrDslNamespace</c>, usable from C# and, through a project reference, from F#.
/// </summary>
public static class SampleProblems
{
    /// <summary>Uptake into a sphere of the given radius (m), other parameters as in the spec.</summary>
    public static SphereUptake Sphere(double radius) => new(new SphereUptakeParameters { R = radius });

    /// <summary>The slab's first Fourier mode with the given thickness (m) and amplitude (K).</summary>
    public static SlabHeat Slab(double thickness, double amplitude) =>
        new(new SlabHeatParameters { L = thickness, T0 = amplitude });

    /// <summary>The sphere solved on a coarser mesh than the spec's (a C# <c>with</c> on the options record).</summary>
    public static PdeSolution SolveCoarse(SphereUptake problem, int cells)
    {
        var coarse = new SphereUptake(problem.Parameters) { Options = problem.Options with { Cells = cells } };
        return coarse.Solve();
    }
}
