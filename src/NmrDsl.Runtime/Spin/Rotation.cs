using System;
using System.Numerics;

namespace NmrDsl.Runtime.Spin;

/// <summary>Ideal RF rotations of the channel spins.</summary>
public static class Rotation
{
    /// <summary>
    /// R = exp(−iθ(cos φ F_x + sin φ F_y)) = ⊗_k r_k with r_k = cos(θ/2)·1 − 2i sin(θ/2)(cos φ i_x + sin φ i_y)
    /// for channel spins and r_k = 1 otherwise (the one-spin terms commute, so the exponential factorises).
    /// </summary>
    /// <param name="hamiltonian">Supplies the spin count and the channel.</param>
    /// <param name="flipRadians">θ in radians.</param>
    /// <param name="phaseRadians">φ in radians.</param>
    public static ComplexMatrix HardPulse(SpinHamiltonian hamiltonian, double flipRadians, double phaseRadians)
    {
        ArgumentNullException.ThrowIfNull(hamiltonian);
        double c = Math.Cos(flipRadians / 2), s = Math.Sin(flipRadians / 2);
        // one spin, basis (α, β): −i s (cos φ σx + sin φ σy) has off-diagonal −i s e^{∓iφ}.
        var r = new ComplexMatrix(2, 2);
        r[0, 0] = c;
        r[1, 1] = c;
        r[0, 1] = new Complex(0, -s) * Complex.FromPolarCoordinates(1, -phaseRadians);
        r[1, 0] = new Complex(0, -s) * Complex.FromPolarCoordinates(1, phaseRadians);
        var identity = ComplexMatrix.Identity(2);
        var onChannel = new bool[hamiltonian.System.Count];
        foreach (int k in hamiltonian.ChannelSpins) onChannel[k] = true;
        ComplexMatrix result = onChannel[0] ? r : identity;
        for (int k = 1; k < onChannel.Length; k++) result = ComplexMatrix.Kronecker(result, onChannel[k] ? r : identity);
        return result;
    }
}
