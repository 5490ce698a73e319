using System;
using System.Numerics;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// The observable whose expectation is the absorption-mode spectral area of a window: for the
/// state σ at the start of the acquisition, A(σ) = 2 ∫_{f1}^{f2} Re S(f) df = Re Tr(C† σ), where S
/// is the continuous Fourier transform of the line-broadened FID of <see cref="Acquisition"/>.
/// </summary>
/// <remarks>
/// With H₀ = V Λ V† and D' = V†F⁺V, the FID is Σ_ab σ'_ab D'_ba e^{−iφ_rx} e^{(i2πf_ab − a)t} / Tr(I_z²),
/// f_ab = (λ_b − λ_a)/2π, a = π·LB. Each term transforms to 1/(a + i2π(f − f_ab)), whose integral over
/// [f1, f2] is w_ab/2 with
/// w_ab = (1/π)[atan(2π(f − f_ab)/a)]_{f1}^{f2} − (i/2π) ln[(a² + 4π²(f2 − f_ab)²)/(a² + 4π²(f1 − f_ab)²)].
/// So A = Re Tr(σ' K), K_ba = D'_ba w_ab e^{−iφ_rx}/Tr(I_z²), and C = V K† V†. The factor 2 makes the
/// whole-axis area equal Re s(0): one fully excited, in-phase spin has area 1. Units: dimensionless
/// (signal per spin). LB must be positive (the window edges would otherwise be discontinuous in f).
/// </remarks>
public static class SpectralWindowOperator
{
    /// <summary>C for group <paramref name="group"/> of <paramref name="simulator"/> at B0 offset <paramref name="b0OffsetHz"/>.</summary>
    public static ComplexMatrix Create(HilbertSimulator simulator, int group, double b0OffsetHz, Acquisition acquisition, double lowPpm, double highPpm)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(acquisition);
        if (!(acquisition.LineBroadeningHz > 0))
        {
            throw new ArgumentException(Invariant($"A spectral-area objective needs a positive line broadening, got {acquisition.LineBroadeningHz} Hz."), nameof(acquisition));
        }

        if (!double.IsFinite(lowPpm) || !double.IsFinite(highPpm) || lowPpm == highPpm)
        {
            throw new ArgumentException(Invariant($"The ppm window [{lowPpm}, {highPpm}] is empty or not finite."), nameof(lowPpm));
        }

        SpinHamiltonian h = simulator.Groups[group];
        double nu0 = simulator.ObserveFrequencyHz, reference = simulator.System.ReferencePpm;
        double fa = (lowPpm - reference) * 1e-6 * nu0, fb = (highPpm - reference) * 1e-6 * nu0;
        double f1 = Math.Min(fa, fb), f2 = Math.Max(fa, fb);
        double decay = Math.PI * acquisition.LineBroadeningHz;
        HermitianEigen eigen = simulator.FreeEigen(group, b0OffsetHz);
        ComplexMatrix v = eigen.Vectors, vt = v.Adjoint();
        ComplexMatrix d = vt * h.DetectionOperator * v;
        Complex receiver = Complex.FromPolarCoordinates(1 / h.SignalNorm, -acquisition.ReceiverPhaseDegrees * Math.PI / 180);
        int n = d.Rows;
        var k = new ComplexMatrix(n, n);
        for (int a = 0; a < n; a++)
        {
            for (int b = 0; b < n; b++)
            {
                if (d[b, a] == Complex.Zero) continue;
                double f = (eigen.Values[b] - eigen.Values[a]) / (2 * Math.PI);
                double x2 = 2 * Math.PI * (f2 - f), x1 = 2 * Math.PI * (f1 - f);
                double re = (Math.Atan(x2 / decay) - Math.Atan(x1 / decay)) / Math.PI;
                double im = -Math.Log(((decay * decay) + (x2 * x2)) / ((decay * decay) + (x1 * x1))) / (2 * Math.PI);
                k[b, a] = d[b, a] * new Complex(re, im) * receiver;
            }
        }

        return v * k.Adjoint() * vt;
    }
}
