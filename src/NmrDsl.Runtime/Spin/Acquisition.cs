using System;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// Acquisition of the free-induction decay: <see cref="Points"/> complex points at dwell time
/// 1/<see cref="SpectralWidthHz"/>, starting at t = 0 after the last sequence element.
/// </summary>
/// <remarks>
/// Detected signal (quadrature, normalised so that one fully excited spin gives |s(0)| = 1):
/// s(t) = e^{−iφ_rx} Tr(ρ(t) F⁺) / Tr(I_kz²) · e^{−π LB t}, with F⁺ = Σ_channel (I_kx + i I_ky).
/// Evolution under Ω I_z gives s ∝ e^{+iΩt}: a line at positive offset has positive frequency.
/// The receiver phase φ_rx rotates the frame: magnetisation along the transverse direction at
/// angle φ_rx from +x reads as real positive. A 90°ₓ pulse leaves magnetisation along −y, so it
/// gives absorption-mode lines with φ_rx = −90°; a 90°_y pulse (along +x) with φ_rx = 0.
/// LB is the exponential line broadening (Lorentzian FWHM in Hz).
/// </remarks>
/// <param name="Points">Number of complex points.</param>
/// <param name="SpectralWidthHz">Spectral width (sampling rate) in Hz.</param>
/// <param name="LineBroadeningHz">Exponential line broadening (FWHM) in Hz, ≥ 0.</param>
/// <param name="ReceiverPhaseDegrees">Receiver phase φ_rx in degrees.</param>
public sealed record Acquisition(int Points, double SpectralWidthHz, double LineBroadeningHz = 0, double ReceiverPhaseDegrees = 0)
{
    /// <summary>Number of complex points (≥ 1).</summary>
    public int Points { get; } = Points >= 1 ? Points : throw new ArgumentException(Invariant($"An acquisition needs at least one point, got {Points}."), nameof(Points));

    /// <summary>Spectral width in Hz (&gt; 0).</summary>
    public double SpectralWidthHz { get; } = SpectralWidthHz > 0 && double.IsFinite(SpectralWidthHz) ? SpectralWidthHz : throw new ArgumentException(Invariant($"The spectral width must be positive and finite, got {SpectralWidthHz} Hz."), nameof(SpectralWidthHz));

    /// <summary>Line broadening in Hz (≥ 0).</summary>
    public double LineBroadeningHz { get; } = LineBroadeningHz >= 0 && double.IsFinite(LineBroadeningHz) ? LineBroadeningHz : throw new ArgumentException(Invariant($"The line broadening must be finite and ≥ 0, got {LineBroadeningHz} Hz."), nameof(LineBroadeningHz));

    /// <summary>Receiver phase in degrees.</summary>
    public double ReceiverPhaseDegrees { get; } = double.IsFinite(ReceiverPhaseDegrees) ? ReceiverPhaseDegrees : throw new ArgumentException(Invariant($"The receiver phase must be finite, got {ReceiverPhaseDegrees} deg."), nameof(ReceiverPhaseDegrees));

    /// <summary>Dwell time 1/SW in seconds.</summary>
    public double DwellSeconds => 1 / SpectralWidthHz;
}
