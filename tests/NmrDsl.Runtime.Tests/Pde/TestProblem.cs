using System;
using System.Collections.Generic;
using NmrDsl.Runtime.Pde;

namespace NmrDsl.Runtime.Tests.Pde;

/// <summary>
/// A hand-written <see cref="IDiffusionReactionProblem"/> whose coefficients are delegates, the way
/// generated code implements the interface with expressions. Defaults: one region, A = 1, K = 1, no source.
/// </summary>
internal sealed record TestProblem : IDiffusionReactionProblem
{
    public Geometry Geometry { get; init; } = Geometry.Slab;

    public double Start { get; init; }

    public double End { get; init; } = 1.0;

    public IReadOnlyList<double> Interfaces { get; init; } = Array.Empty<double>();

    public double EndTime { get; init; } = 1.0;

    public bool IsTimeDependent { get; init; }

    public Func<double, double, int, double> A { get; init; } = (_, _, _) => 1.0;

    public Func<double, double, int, double> K { get; init; } = (_, _, _) => 1.0;

    public Func<double, double, int, double> S0 { get; init; } = (_, _, _) => 0.0;

    public Func<double, double, int, double> S1 { get; init; } = (_, _, _) => 0.0;

    public Func<double, int, double> U0 { get; init; } = (_, _) => 0.0;

    public Func<double, BoundaryCondition> Left { get; init; } = _ => BoundaryCondition.Flux(0);

    public Func<double, BoundaryCondition> Right { get; init; } = _ => BoundaryCondition.Flux(0);

    public double Capacity(double x, double t, int region) => A(x, t, region);

    public double Diffusivity(double x, double t, int region) => K(x, t, region);

    public double SourceConstant(double x, double t, int region) => S0(x, t, region);

    public double SourceLinear(double x, double t, int region) => S1(x, t, region);

    public double Initial(double x, int region) => U0(x, region);

    public BoundaryCondition StartBoundary(double t) => Left(t);

    public BoundaryCondition EndBoundary(double t) => Right(t);
}
