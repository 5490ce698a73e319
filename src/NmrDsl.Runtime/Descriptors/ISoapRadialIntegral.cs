using System;

namespace NmrDsl.Runtime.Descriptors;

/// <summary>
/// Radial part of the SOAP expansion of one neighbour Gaussian: F_nl(R) such that
/// c_nlm = Σ_i w_i F_nl(R_i) Y_lm(R̂_i), with R_i the neighbour distance in Å.
/// </summary>
internal interface ISoapRadialIntegral
{
    /// <summary>Doubles of scratch space <see cref="Evaluate"/> needs.</summary>
    int ScratchLength { get; }

    /// <summary>F_nl(<paramref name="r"/>) into <paramref name="radial"/>[l · n_max + n].</summary>
    void Evaluate(double r, Span<double> radial, Span<double> scratch);
}
