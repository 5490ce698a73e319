using System;
using System.Numerics;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// Liouville-space (superoperator) representation: an n × n operator σ is the n²-vector
/// vec(σ)[i·n + j] = σ_ij (row stacking), so that vec(A σ B) = (A ⊗ Bᵀ) vec(σ).
/// </summary>
/// <remarks>
/// The equation of motion dσ/dt = −i[H, σ] + D(σ − σ_eq) is written as the homogeneous
/// (n² + 1)-dimensional system d/dt [vec σ; 1] = G [vec σ; 1] with
/// G = [[−i(H ⊗ 1 − 1 ⊗ Hᵀ) + D, −D vec σ_eq], [0, 0]], so that one exponential exp(G t) propagates
/// the inhomogeneous relaxation towards equilibrium exactly (also during RF, where σ_eq is not
/// stationary). D is the sum of the per-spin dissipators of <see cref="RelaxationModel"/>.
/// </remarks>
public static class LiouvilleSpace
{
    /// <summary>vec(σ) (row stacking) followed by a trailing 1 when <paramref name="augmented"/>.</summary>
    public static Complex[] Vectorize(ComplexMatrix sigma, bool augmented)
    {
        ArgumentNullException.ThrowIfNull(sigma);
        var v = new Complex[sigma.Rows * sigma.Columns + (augmented ? 1 : 0)];
        sigma.Data.CopyTo(v);
        if (augmented) v[^1] = Complex.One;
        return v;
    }

    /// <summary>The n × n operator of a (possibly augmented) Liouville vector.</summary>
    public static ComplexMatrix Unvectorize(Complex[] v, int n)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (v.Length != n * n && v.Length != n * n + 1) throw new ArgumentException(Invariant($"A vector of length {v.Length} is not an operator of dimension {n}."), nameof(v));
        var m = new ComplexMatrix(n, n);
        v.AsSpan(0, n * n).CopyTo(m.Data);
        return m;
    }

    /// <summary>The commutation superoperator of H: vec([H, σ]) = (H ⊗ 1 − 1 ⊗ Hᵀ) vec(σ).</summary>
    public static ComplexMatrix Commutation(ComplexMatrix h)
    {
        ArgumentNullException.ThrowIfNull(h);
        var identity = ComplexMatrix.Identity(h.Rows);
        return ComplexMatrix.Kronecker(h, identity) - ComplexMatrix.Kronecker(identity, h.Transpose());
    }

    /// <summary>The relaxation superoperator D = Σ_k D_k (see <see cref="RelaxationModel"/>), s⁻¹.</summary>
    public static ComplexMatrix Relaxation(SpinOperators operators, RelaxationModel model)
    {
        ArgumentNullException.ThrowIfNull(operators);
        ArgumentNullException.ThrowIfNull(model);
        if (model.Count != operators.SpinCount) throw new ArgumentException(Invariant($"The relaxation model has {model.Count} spins, the system {operators.SpinCount}."), nameof(model));
        int n = operators.Dimension;
        var d = new ComplexMatrix(n * n, n * n);
        var identity = ComplexMatrix.Identity(n * n);
        for (int k = 0; k < operators.SpinCount; k++)
        {
            double r1 = model.R1(k), r2 = model.R2(k);
            double a = r1 / 4, c = (r2 - r1 / 2) / 2;
            if (a != 0)
            {
                foreach (ComplexMatrix p in new[] { operators.Ix(k), operators.Iy(k) })
                {
                    d.AddScaled(4 * a, ComplexMatrix.Kronecker(p, p.Transpose()));
                    d.AddScaled(-a, identity);
                }
            }

            if (c != 0)
            {
                ComplexMatrix z = operators.Iz(k);
                d.AddScaled(4 * c, ComplexMatrix.Kronecker(z, z.Transpose()));
                d.AddScaled(-c, identity);
            }
        }

        return d;
    }

    /// <summary>The augmented generator G (see the type remarks) for Hamiltonian H (rad/s), dissipator D and equilibrium σ_eq.</summary>
    public static ComplexMatrix AugmentedGenerator(ComplexMatrix h, ComplexMatrix dissipator, ComplexMatrix equilibrium)
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(dissipator);
        ArgumentNullException.ThrowIfNull(equilibrium);
        int n = h.Rows, n2 = n * n;
        ComplexMatrix l = Commutation(h);
        var g = new ComplexMatrix(n2 + 1, n2 + 1);
        for (int r = 0; r < n2; r++)
        {
            for (int c = 0; c < n2; c++) g[r, c] = new Complex(0, -1) * l[r, c] + dissipator[r, c];
        }

        Complex[] eq = Vectorize(equilibrium, augmented: false);
        for (int r = 0; r < n2; r++)
        {
            Complex sum = Complex.Zero;
            for (int c = 0; c < n2; c++) sum += dissipator[r, c] * eq[c];
            g[r, n2] = -sum;
        }

        return g;
    }

    /// <summary>y = P x for a square superoperator P and vector x.</summary>
    public static Complex[] Apply(ComplexMatrix p, Complex[] x)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(x);
        if (p.Columns != x.Length) throw new ArgumentException(Invariant($"Superoperator {p.Rows}×{p.Columns} applied to a vector of length {x.Length}."), nameof(x));
        var y = new Complex[p.Rows];
        ReadOnlySpan<Complex> data = p.Data;
        for (int r = 0; r < p.Rows; r++)
        {
            Complex sum = Complex.Zero;
            int offset = r * p.Columns;
            for (int c = 0; c < x.Length; c++) sum += data[offset + c] * x[c];
            y[r] = sum;
        }

        return y;
    }
}
