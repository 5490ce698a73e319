using System;
using System.Numerics;

namespace NmrDsl.Runtime.Tests.Echo;

/// <summary>
/// An independent, literal implementation of the reference's per-spin step (reference:
/// /work/shared/reference/echo-challenge.md §1.3, "Stepping"): ρ_L ← exp((−iL_H + J)dt) ρ_L with
/// L_H = I⊗H − conj(H)⊗I and J = Σ_L [conj(L)⊗L − ½(I⊗L†L + (L†L)ᵀ⊗I)], column-major vec, L = √Γ I_z. The 4×4
/// exponential is by scaling and squaring of a 30-term Taylor series. Used only to check the Bloch propagator.
/// </summary>
internal static class LiouvilleReference
{
    /// <summary>One step of ρ (2×2, row-major [ρ↑↑, ρ↑↓, ρ↓↑, ρ↓↓]) under H = −b·I and dephasing Γ.</summary>
    public static Complex[] Step(Complex[] rho, double bx, double by, double bz, double gamma, double dt)
    {
        // H = −(bₓ Iₓ + b_y I_y + b_z I_z), I = σ/2.
        Complex[,] h =
        {
            { -bz / 2, new Complex(-bx / 2, by / 2) },
            { new Complex(-bx / 2, -by / 2), bz / 2 },
        };
        Complex[,] lz = { { Math.Sqrt(gamma) / 2, 0 }, { 0, -Math.Sqrt(gamma) / 2 } };
        Complex[,] id = { { 1, 0 }, { 0, 1 } };
        Complex[,] ldl = Mul(Adjoint(lz), lz);
        var gen = new Complex[4, 4];
        Add(gen, Kron(id, h), -Complex.ImaginaryOne);
        Add(gen, Kron(Conj(h), id), Complex.ImaginaryOne);
        Add(gen, Kron(Conj(lz), lz), 1);
        Add(gen, Kron(id, ldl), -0.5);
        Add(gen, Kron(Transpose(ldl), id), -0.5);
        Complex[,] u = Expm(gen, dt);
        // column-major vec: [ρ00, ρ10, ρ01, ρ11]
        Complex[] v = [rho[0], rho[2], rho[1], rho[3]];
        var w = new Complex[4];
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                w[i] += u[i, j] * v[j];
            }
        }

        return [w[0], w[2], w[1], w[3]];
    }

    /// <summary>ρ = ½𝟙 + s·σ for Bloch vector s = Tr(Iρ).</summary>
    public static Complex[] FromBloch(double sx, double sy, double sz) =>
        [0.5 + sz, new Complex(sx, -sy), new Complex(sx, sy), 0.5 - sz];

    /// <summary>s = Tr(Iρ): sₓ = Re ρ↓↑, s_y = Im ρ↓↑, s_z = (ρ↑↑ − ρ↓↓)/2.</summary>
    public static (double X, double Y, double Z) ToBloch(Complex[] rho) =>
        (rho[2].Real, rho[2].Imaginary, (rho[0].Real - rho[3].Real) / 2);

    private static Complex[,] Expm(Complex[,] a, double t)
    {
        double norm = 0;
        foreach (Complex c in a)
        {
            norm += c.Magnitude;
        }

        // scale so that ‖a t‖/2^s ≤ 0.25 (entrywise 1-norm bounds every operator norm); 30 terms are then far below rounding
        int s = Math.Max(0, (int)Math.Ceiling(Math.Log2(norm * t / 0.25)));
        double scale = t / Math.Pow(2, s);
        var result = new Complex[4, 4];
        var term = new Complex[4, 4];
        for (int i = 0; i < 4; i++)
        {
            result[i, i] = 1;
            term[i, i] = 1;
        }

        for (int n = 1; n <= 30; n++)
        {
            term = Mul(term, a);
            for (int i = 0; i < 4; i++)
            {
                for (int j = 0; j < 4; j++)
                {
                    term[i, j] *= scale / n;
                    result[i, j] += term[i, j];
                }
            }
        }

        for (int k = 0; k < s; k++)
        {
            result = Mul(result, result);
        }

        return result;
    }

    private static Complex[,] Kron(Complex[,] a, Complex[,] b)
    {
        var r = new Complex[4, 4];
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                for (int k = 0; k < 2; k++)
                {
                    for (int l = 0; l < 2; l++)
                    {
                        r[2 * i + k, 2 * j + l] = a[i, j] * b[k, l];
                    }
                }
            }
        }

        return r;
    }

    private static Complex[,] Mul(Complex[,] a, Complex[,] b)
    {
        int n = a.GetLength(0);
        var r = new Complex[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < n; k++)
                {
                    r[i, j] += a[i, k] * b[k, j];
                }
            }
        }

        return r;
    }

    private static void Add(Complex[,] target, Complex[,] a, Complex factor)
    {
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                target[i, j] += factor * a[i, j];
            }
        }
    }

    private static Complex[,] Conj(Complex[,] a) => Map(a, (i, j) => Complex.Conjugate(a[i, j]));

    private static Complex[,] Transpose(Complex[,] a) => Map(a, (i, j) => a[j, i]);

    private static Complex[,] Adjoint(Complex[,] a) => Map(a, (i, j) => Complex.Conjugate(a[j, i]));

    private static Complex[,] Map(Complex[,] a, Func<int, int, Complex> f)
    {
        var r = new Complex[2, 2];
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                r[i, j] = f(i, j);
            }
        }

        return r;
    }
}
