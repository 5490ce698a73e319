using System.Collections.Generic;
using NmrDsl.Runtime.Pde;

namespace NmrDsl.Specs.Tests;

/// <summary>A generated problem run to a different final time (everything else delegated).</summary>
internal sealed class ProblemWithEndTime(IDiffusionReactionProblem inner, double endTime) : IDiffusionReactionProblem
{
    public Geometry Geometry => inner.Geometry;
    public double Start => inner.Start;
    public double End => inner.End;
    public IReadOnlyList<double> Interfaces => inner.Interfaces;
    public double EndTime => endTime;
    public bool IsTimeDependent => inner.IsTimeDependent;
    public double Capacity(double x, double t, int region) => inner.Capacity(x, t, region);
    public double Diffusivity(double x, double t, int region) => inner.Diffusivity(x, t, region);
    public double SourceConstant(double x, double t, int region) => inner.SourceConstant(x, t, region);
    public double SourceLinear(double x, double t, int region) => inner.SourceLinear(x, t, region);
    public double Initial(double x, int region) => inner.Initial(x, region);
    public BoundaryCondition StartBoundary(double t) => inner.StartBoundary(t);
    public BoundaryCondition EndBoundary(double t) => inner.EndBoundary(t);
}
