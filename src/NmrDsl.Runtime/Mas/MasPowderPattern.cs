using System;
using System.Threading.Tasks;

namespace NmrDsl.Runtime.Mas;

/// <summary>
/// The orientation dependence of the second-order quadrupolar central-transition (CT) shift under infinitely fast
/// magic-angle spinning, for every orientation of a powder set, as the three coefficients of its expansion in the
/// asymmetry η: Q_j(η) = Q0_j + η Q1_j + η² Q2_j.
/// </summary>
/// <remarks>
/// <para>Derivation (second-order perturbation theory, e.g. Abragam, The Principles of Nuclear Magnetism (1961) ch. VII;
/// Freude &amp; Haase, NMR Basic Principles and Progress 29 (1993) 1). With the EFG tensor V normalised to V_zz = 1 in its
/// principal frame (V_xx = −(1 − η)/2, V_yy = −(1 + η)/2), H_Q = a Σ_ij V_ij I_i I_j with a = C_Q / (2I(2I − 1)) (Hz),
/// and the Zeeman levels E_m = −ν0 m, the second-order energy of level m is Σ_m' |⟨m'|H_Q|m⟩|² / (E_m − E_m'). Writing
/// F1 = (V_xz − iV_yz)/2 and F2 = (V_xx − V_yy − 2iV_xy)/4 (lab frame), the matrix elements of {I₊, I_z} and I₊² give for
/// the CT (m = ½ ↔ −½) ν⁽²⁾ = −(a² S / ν0) Q with S = I(I + 1) − ¾ and
/// Q = 8|F1|² − 4|F2|² = 2(V_xz² + V_yz²) − ¼[(V_xx − V_yy)² + 4V_xy²].
/// For η = 0 and a symmetry axis at θ to B0 this is the textbook static result −(ν_Q² S / 16ν0)(1 − cos²θ)(9cos²θ − 1)
/// with ν_Q = 3a.</para>
/// <para>Under MAS the lab-frame tensor is V(t) = R_y(θ_m) R_z(ψ) R_y(β) R_z(γ) V_PAS (…)ᵀ with θ_m = arccos(1/√3) and
/// rotor phase ψ = ω_r t + α. In the fast-spinning limit the CT centre band sits at the rotor-period average of ν⁽²⁾.
/// Q(ψ) is a trigonometric polynomial of degree 4 in ψ, so the mean over 8 equally spaced phases is exact. The powder
/// variables are then (β, γ): the polar and azimuthal angles of the rotor axis in the EFG principal frame, which the
/// ZCW set supplies.</para>
/// <para>Nothing here uses the closed-form MAS coefficients A(η, φ), B, C of Freude &amp; Haase; the tests compare with
/// them (singularities, edges, isotropic shift).</para>
/// </remarks>
public sealed class MasPowderPattern
{
    /// <summary>Number of rotor phases averaged (exact for the degree-4 dependence of Q on the phase).</summary>
    public const int RotorPhases = 8;

    /// <summary>The magic angle arccos(1/√3) (rad).</summary>
    public static readonly double MagicAngle = Math.Acos(1 / Math.Sqrt(3));

    private MasPowderPattern(double[] q0, double[] q1, double[] q2)
    {
        Q0 = q0;
        Q1 = q1;
        Q2 = q2;
    }

    /// <summary>Rotor-averaged Q at η = 0, per orientation (dimensionless).</summary>
    public double[] Q0 { get; }

    /// <summary>Coefficient of η.</summary>
    public double[] Q1 { get; }

    /// <summary>Coefficient of η².</summary>
    public double[] Q2 { get; }

    /// <summary>Number of orientations (equal weights).</summary>
    public int Count => Q0.Length;

    /// <summary>Computes the pattern on <paramref name="orientations"/> (α = γ, β as above), in parallel over orientations.</summary>
    public static MasPowderPattern Compute(PowderOrientations orientations)
    {
        ArgumentNullException.ThrowIfNull(orientations);
        int n = orientations.Count;
        var q0 = new double[n];
        var q1 = new double[n];
        var q2 = new double[n];
        double cm = Math.Cos(MagicAngle), sm = Math.Sin(MagicAngle);
        Parallel.For(0, n, j =>
        {
            // V(η) = V0 + η V1 with V0 = diag(−½, −½, 1), V1 = diag(½, −½, 0) in the EFG frame, and Q is a quadratic
            // form: Q(V0 + ηV1) = Q(V0) + 2η B(V0, V1) + η² Q(V1). Same rotations as RotorAveragedQ, without allocations.
            double cb = Math.Cos(orientations.Beta[j]), sb = Math.Sin(orientations.Beta[j]);
            double cg = Math.Cos(orientations.Alpha[j]), sg = Math.Sin(orientations.Alpha[j]);
            // C = R_y(β) R_z(γ)
            double c00 = cb * cg, c01 = -cb * sg, c02 = sb, c10 = sg, c11 = cg, c12 = 0, c20 = -sb * cg, c21 = sb * sg, c22 = cb;
            double s0 = 0, s1 = 0, s2 = 0;
            Span<double> r = stackalloc double[9];
            for (int k = 0; k < RotorPhases; k++)
            {
                double psi = 2 * Math.PI * k / RotorPhases, cp = Math.Cos(psi), sp = Math.Sin(psi);
                // M = R_z(ψ) C, then R = R_y(θ_m) M.
                double m00 = cp * c00 - sp * c10, m01 = cp * c01 - sp * c11, m02 = cp * c02 - sp * c12;
                double m10 = sp * c00 + cp * c10, m11 = sp * c01 + cp * c11, m12 = sp * c02 + cp * c12;
                r[0] = cm * m00 + sm * c20; r[1] = cm * m01 + sm * c21; r[2] = cm * m02 + sm * c22;
                r[3] = m10; r[4] = m11; r[5] = m12;
                r[6] = -sm * m00 + cm * c20; r[7] = -sm * m01 + cm * c21; r[8] = -sm * m02 + cm * c22;
                (double xz0, double yz0, double xy0, double d0) = LabComponents(r, -0.5, -0.5, 1);
                (double xz1, double yz1, double xy1, double d1) = LabComponents(r, 0.5, -0.5, 0);
                s0 += 2 * (xz0 * xz0 + yz0 * yz0) - 0.25 * (d0 * d0 + 4 * xy0 * xy0);
                s1 += 2 * (2 * (xz0 * xz1 + yz0 * yz1) - 0.25 * (d0 * d1 + 4 * xy0 * xy1));
                s2 += 2 * (xz1 * xz1 + yz1 * yz1) - 0.25 * (d1 * d1 + 4 * xy1 * xy1);
            }

            q0[j] = s0 / RotorPhases;
            q1[j] = s1 / RotorPhases;
            q2[j] = s2 / RotorPhases;
        });
        return new MasPowderPattern(q0, q1, q2);
    }

    /// <summary>Q(η) of orientation <paramref name="j"/>.</summary>
    public double Q(int j, double eta) => Q0[j] + eta * (Q1[j] + eta * Q2[j]);

    /// <summary>
    /// The rotor-period average of Q for asymmetry <paramref name="eta"/> and rotor-axis angles (β, γ) in the EFG
    /// principal frame.
    /// </summary>
    public static double RotorAveragedQ(double eta, double beta, double gamma)
    {
        double[,] v = { { -(1 - eta) / 2, 0, 0 }, { 0, -(1 + eta) / 2, 0 }, { 0, 0, 1 } };
        double[,] crystallite = Multiply(RotationY(beta), RotationZ(gamma));
        double[,] tilt = RotationY(MagicAngle);
        double sum = 0;
        for (int k = 0; k < RotorPhases; k++)
        {
            double psi = 2 * Math.PI * k / RotorPhases;
            double[,] r = Multiply(tilt, Multiply(RotationZ(psi), crystallite));
            double[,] lab = Multiply(r, Multiply(v, Transpose(r)));
            double xz = lab[0, 2], yz = lab[1, 2], xy = lab[0, 1], d = lab[0, 0] - lab[1, 1];
            sum += 2 * (xz * xz + yz * yz) - 0.25 * (d * d + 4 * xy * xy);
        }

        return sum / RotorPhases;
    }

    /// <summary>(V_xz, V_yz, V_xy, V_xx − V_yy) of R diag(a, b, c) Rᵀ, R row-major.</summary>
    private static (double Xz, double Yz, double Xy, double D) LabComponents(ReadOnlySpan<double> r, double a, double b, double c)
    {
        double xz = r[0] * r[6] * a + r[1] * r[7] * b + r[2] * r[8] * c;
        double yz = r[3] * r[6] * a + r[4] * r[7] * b + r[5] * r[8] * c;
        double xy = r[0] * r[3] * a + r[1] * r[4] * b + r[2] * r[5] * c;
        double xx = r[0] * r[0] * a + r[1] * r[1] * b + r[2] * r[2] * c;
        double yy = r[3] * r[3] * a + r[4] * r[4] * b + r[5] * r[5] * c;
        return (xz, yz, xy, xx - yy);
    }

    private static double[,] RotationZ(double angle)
    {
        double c = Math.Cos(angle), s = Math.Sin(angle);
        return new[,] { { c, -s, 0 }, { s, c, 0 }, { 0, 0, 1.0 } };
    }

    private static double[,] RotationY(double angle)
    {
        double c = Math.Cos(angle), s = Math.Sin(angle);
        return new[,] { { c, 0, s }, { 0, 1.0, 0 }, { -s, 0, c } };
    }

    private static double[,] Transpose(double[,] a)
    {
        var t = new double[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int k = 0; k < 3; k++)
            {
                t[i, k] = a[k, i];
            }
        }

        return t;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var c = new double[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int k = 0; k < 3; k++)
            {
                double s = 0;
                for (int l = 0; l < 3; l++)
                {
                    s += a[i, l] * b[l, k];
                }

                c[i, k] = s;
            }
        }

        return c;
    }
}
