using System;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// Computes the local mean field m_i = Σ_{j≠i} K_ij Tr(I⁺ρ_j) = Σ_{j≠i} K_ij (s_jx + i s_jy) (reference:
/// /work/shared/reference/echo-challenge.md §1.3, "Local mean field"), dimensionless like s. Instances hold scratch
/// buffers: one per simulation, not shared between threads.
/// </summary>
public interface IMeanFieldSolver
{
    /// <summary>Writes Re m_i into <paramref name="mx"/> and Im m_i into <paramref name="my"/>, from the transverse Bloch components.</summary>
    void Compute(ReadOnlySpan<double> sx, ReadOnlySpan<double> sy, Span<double> mx, Span<double> my);
}
