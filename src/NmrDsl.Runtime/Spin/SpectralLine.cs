namespace NmrDsl.Runtime.Spin;

/// <summary>
/// One transition of the free-evolution Hamiltonian after a sequence: the FID contains
/// Amplitude · e^{i 2π FrequencyHz t} (before line broadening). Frequency in Hz relative to the
/// channel's reference; Amplitude in the FID's normalisation (one excited spin ≈ 1).
/// </summary>
public sealed record SpectralLine(double FrequencyHz, System.Numerics.Complex Amplitude);
