using System.Collections.Generic;

namespace NmrDsl.Runtime.Pde;

/// <summary>
/// A linear diffusion–reaction problem on a 1-D domain [Start, End] in SI units:
/// <code>
///   A(x,t) du/dt = x^-k d/dx( x^k K(x,t) du/dx ) + S0(x,t) + S1(x,t) u
/// </code>
/// with piecewise coefficients over regions separated by <see cref="Interfaces"/> (faces of the
/// mesh are aligned with them; u and the flux K du/dx are continuous across them).
/// Generated code implements it; the runtime discretises it by conservative finite volumes and
/// integrates it with a stiff implicit method.
/// </summary>
public interface IDiffusionReactionProblem
{
    Geometry Geometry { get; }

    /// <summary>Left end of the domain, m (0 for a full cylinder or sphere).</summary>
    double Start { get; }

    /// <summary>Right end of the domain, m.</summary>
    double End { get; }

    /// <summary>Interior region boundaries in increasing order, m (empty for one region).</summary>
    IReadOnlyList<double> Interfaces { get; }

    /// <summary>Final time, s.</summary>
    double EndTime { get; }

    /// <summary>True when any coefficient or boundary value depends on t (the matrix is re-assembled each stage).</summary>
    bool IsTimeDependent { get; }

    /// <summary>Capacity A at position x (m) in region <paramref name="region"/> at time t (s).</summary>
    double Capacity(double x, double t, int region);

    /// <summary>Diffusivity K at position x in region <paramref name="region"/> at time t, in SI (m^2/s times the capacity unit).</summary>
    double Diffusivity(double x, double t, int region);

    /// <summary>Constant part S0 of the source.</summary>
    double SourceConstant(double x, double t, int region);

    /// <summary>Coefficient S1 of u in the source (e.g. -A/T1 for relaxation).</summary>
    double SourceLinear(double x, double t, int region);

    /// <summary>Initial value u(x, 0).</summary>
    double Initial(double x, int region);

    /// <summary>Condition at <see cref="Start"/>.</summary>
    BoundaryCondition StartBoundary(double t);

    /// <summary>Condition at <see cref="End"/>.</summary>
    BoundaryCondition EndBoundary(double t);
}
