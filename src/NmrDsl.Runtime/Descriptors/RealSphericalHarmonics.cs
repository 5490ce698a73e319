using System;

namespace NmrDsl.Runtime.Descriptors;

/// <summary>
/// Real (tesseral) spherical harmonics Y_lm(r̂) for 0 ≤ l ≤ L, orthonormal on the unit sphere, without the
/// Condon–Shortley phase (Y_1,−1 ∝ y, Y_1,0 ∝ z, Y_1,1 ∝ x), the convention of DScribe's SOAP
/// (/work/shared/reference/descriptors.md §1.1):
/// Y_l0 = N_l0 P_l(cos θ), Y_lm = √2 N_lm P_l^m(cos θ) cos mφ, Y_l,−m = √2 N_lm P_l^m(cos θ) sin mφ (m &gt; 0),
/// N_lm = √((2l+1)/(4π) (l−m)!/(l+m)!). Stored at index l² + l + m. The sin^m θ factor of P_l^m is carried by
/// Re/Im (x̂ + iŷ)^m, so no angles are formed and points on the z axis need no special case.
/// </summary>
public sealed class RealSphericalHarmonics
{
    private readonly double[] _a; // recursion coefficients a_lm, index l² + l + m (m ≥ 0)
    private readonly double[] _b;
    private readonly double[] _diagonal; // √((2m+1)/(2m)) for Q_m^m
    private readonly double[] _offDiagonal; // √(2m+3)

    public RealSphericalHarmonics(int lMax)
    {
        if (lMax < 0) throw new ArgumentOutOfRangeException(nameof(lMax), lMax, "l_max must be non-negative");
        LMax = lMax;
        _a = new double[(lMax + 1) * (lMax + 1)];
        _b = new double[(lMax + 1) * (lMax + 1)];
        _diagonal = new double[lMax + 1];
        _offDiagonal = new double[lMax + 1];
        for (int m = 0; m <= lMax; m++)
        {
            _diagonal[m] = m == 0 ? 1 : Math.Sqrt((2.0 * m + 1) / (2.0 * m));
            _offDiagonal[m] = Math.Sqrt(2.0 * m + 3);
            for (int l = m + 2; l <= lMax; l++)
            {
                _a[l * l + l + m] = Math.Sqrt((4.0 * l * l - 1) / ((double)l * l - (double)m * m));
                _b[l * l + l + m] = Math.Sqrt(((l - 1.0) * (l - 1.0) - (double)m * m) / (4.0 * (l - 1.0) * (l - 1.0) - 1));
            }
        }
    }

    public int LMax { get; }

    /// <summary>Number of (l, m) pairs, (L+1)².</summary>
    public int Count => (LMax + 1) * (LMax + 1);

    /// <summary>
    /// Y_lm of the direction of (x, y, z) into <paramref name="values"/> (length ≥ (L+1)²). For the zero vector only
    /// Y_00 = 1/√(4π) is set (the others are 0): the value whose l = 0 part a density at the origin needs.
    /// </summary>
    public void Evaluate(double x, double y, double z, Span<double> values)
    {
        int count = Count;
        if (values.Length < count) throw new ArgumentException("buffer too small", nameof(values));
        double r = Math.Sqrt(x * x + y * y + z * z);
        const double y00 = 0.28209479177387814; // 1/√(4π)
        if (r < 1e-300)
        {
            values[..count].Clear();
            values[0] = y00;
            return;
        }

        double ux = x / r, uy = y / r, uz = z / r;
        // Q̃_m^m = Q_m^m / sin^m θ; cm + i sm = (x̂ + iŷ)^m.
        double qmm = y00, cm = 1, sm = 0;
        for (int m = 0; m <= LMax; m++)
        {
            if (m > 0)
            {
                qmm *= _diagonal[m];
                double c = cm * ux - sm * uy;
                sm = cm * uy + sm * ux;
                cm = c;
            }

            double scaleCos = m == 0 ? 1 : Math.Sqrt(2) * cm;
            double scaleSin = Math.Sqrt(2) * sm;
            double q2 = qmm, q1 = 0;
            Store(values, m, m, qmm, scaleCos, scaleSin);
            if (m + 1 <= LMax)
            {
                q1 = _offDiagonal[m] * uz * qmm;
                Store(values, m + 1, m, q1, scaleCos, scaleSin);
            }

            for (int l = m + 2; l <= LMax; l++)
            {
                int i = l * l + l + m;
                double q = _a[i] * (uz * q1 - _b[i] * q2);
                Store(values, l, m, q, scaleCos, scaleSin);
                q2 = q1;
                q1 = q;
            }
        }
    }

    private static void Store(Span<double> values, int l, int m, double q, double scaleCos, double scaleSin)
    {
        int centre = l * l + l;
        values[centre + m] = q * scaleCos;
        if (m > 0) values[centre - m] = q * scaleSin;
    }
}
