namespace NmrDsl.Runtime.Pde;

/// <summary>A linear ODE system <c>M(t) du/dt = A(t) u + b(t)</c> with diagonal M and tridiagonal A.</summary>
public interface ILinearOdeSystem
{
    /// <summary>Number of unknowns.</summary>
    int Size { get; }

    /// <summary>False when M, A and b do not depend on t: the integrator then assembles once.</summary>
    bool IsTimeDependent { get; }

    /// <summary>Assembles M, A and b at <paramref name="time"/> into <paramref name="target"/> (overwriting it).</summary>
    void Assemble(double time, SemiDiscreteSystem target);
}
