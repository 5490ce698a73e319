using System;

namespace NmrDsl.Runtime.Descriptors;

/// <summary>Radial weighting function families of DScribe's SOAP (weighting.cpp).</summary>
public enum SoapWeightingFunction
{
    /// <summary>w = 1 (only <see cref="SoapWeighting.W0"/> may change the centre atom).</summary>
    None,

    /// <summary>w = c (1 + 2(r/r0)³ − 3(r/r0)²)^m for r ≤ r0, else 0.</summary>
    Poly,

    /// <summary>w = c / (d + (r/r0)^m).</summary>
    Pow,

    /// <summary>w = c / (d + exp(−r/r0)).</summary>
    Exp,
}

/// <summary>
/// Per-neighbour weight w(r) that scales each atom's Gaussian amplitude (not the density), DScribe conventions
/// (/work/shared/reference/descriptors.md §1.1, "Weighting"); r in Å. <see cref="W0"/>, when set, replaces the weight
/// of an atom exactly on the centre (r = 0); W0 = 0 removes the centre atom.
/// </summary>
public sealed record SoapWeighting(SoapWeightingFunction Function, double R0 = 1, double C = 1, double D = 1, double M = 1)
{
    /// <summary>Weight of an atom on the centre, overriding the function at r = 0; null keeps w(0).</summary>
    public double? W0 { get; init; }

    /// <summary>w(r) for a neighbour at distance <paramref name="r"/> Å.</summary>
    public double Weight(double r)
    {
        if (r == 0 && W0 is { } w0) return w0;
        double x = r / R0;
        return Function switch
        {
            SoapWeightingFunction.None => 1,
            SoapWeightingFunction.Poly => x <= 1 ? C * Math.Pow(1 + 2 * x * x * x - 3 * x * x, M) : 0,
            SoapWeightingFunction.Pow => C / (D + Math.Pow(x, M)),
            SoapWeightingFunction.Exp => C / (D + Math.Exp(-x)),
            _ => throw new InvalidOperationException(Function.ToString()),
        };
    }
}
