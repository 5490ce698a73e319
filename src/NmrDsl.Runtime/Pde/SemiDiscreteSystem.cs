using System;

namespace NmrDsl.Runtime.Pde;

/// <summary>
/// The method-of-lines system <c>M du/dt = A u + b</c> at one time: M diagonal (capacity × cell
/// volume), A tridiagonal (face transmissibilities and the linear source), b the constant source
/// and boundary terms. Buffers are reused across assemblies.
/// </summary>
public sealed class SemiDiscreteSystem
{
    public SemiDiscreteSystem(int size)
    {
        Mass = new double[size];
        Stiffness = new TridiagonalMatrix(size);
        Load = new double[size];
    }

    public int Size => Mass.Length;

    /// <summary>Diagonal of M.</summary>
    public double[] Mass { get; }

    /// <summary>A.</summary>
    public TridiagonalMatrix Stiffness { get; }

    /// <summary>b.</summary>
    public double[] Load { get; }

    /// <summary>Time the system was assembled at (in the integrator's time variable).</summary>
    public double Time { get; set; } = double.NaN;

    /// <summary>Zeroes M, A and b before an assembly.</summary>
    public void Clear()
    {
        Array.Clear(Mass);
        Stiffness.Clear();
        Array.Clear(Load);
        Time = double.NaN;
    }

    /// <summary>du/dt = M⁻¹ (A u + b) into <paramref name="rate"/>.</summary>
    public void Rate(ReadOnlySpan<double> u, Span<double> rate)
    {
        Stiffness.Multiply(u, rate);
        for (int i = 0; i < rate.Length; i++)
        {
            rate[i] = (rate[i] + Load[i]) / Mass[i];
        }
    }

    /// <summary>Copies every entry of <paramref name="source"/> into this system.</summary>
    public void CopyFrom(SemiDiscreteSystem source)
    {
        ArgumentNullException.ThrowIfNull(source);
        source.Mass.CopyTo(Mass, 0);
        source.Load.CopyTo(Load, 0);
        source.Stiffness.Lower.CopyTo(Stiffness.Lower, 0);
        source.Stiffness.Diagonal.CopyTo(Stiffness.Diagonal, 0);
        source.Stiffness.Upper.CopyTo(Stiffness.Upper, 0);
        Time = source.Time;
    }
}
