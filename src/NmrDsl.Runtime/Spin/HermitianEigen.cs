using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// Eigendecomposition H = V Λ V† of a Hermitian matrix (V unitary, Λ real), optionally exploiting a
/// block structure: when H commutes with a diagonal operator whose eigenvalues label the basis
/// states (e.g. the total magnetic quantum number M, conserved by every delay Hamiltonian), H has
/// no elements between states of different label, and each block is diagonalised alone.
/// </summary>
/// <remarks>
/// The dense kernel is MathNet.Numerics' managed Hermitian EVD (Householder tridiagonalisation +
/// implicit QL). For five coupled protons the M blocks have sizes 1, 5, 10, 10, 5, 1 instead of
/// one 32 × 32 problem: the decomposition of Glu's H₀ took 51 µs instead of 259 µs (5.1×) and the
/// whole delay propagator 54 µs instead of 206 µs (3.8×) in the kernel-choice benchmark
/// (bench/NmrDsl.Benchmarks/Spin). A dense 32 × 32 EVD (230–700 µs on the shared 2-core host) is the
/// dominant cost of a GRAPE step.
/// </remarks>
public sealed class HermitianEigen
{
    private HermitianEigen(double[] values, ComplexMatrix vectors)
    {
        Values = values;
        Vectors = vectors;
    }

    /// <summary>Eigenvalues λ_a (same unit as H, rad/s for Hamiltonians).</summary>
    public double[] Values { get; }

    /// <summary>Unitary V whose column a is the eigenvector of λ_a.</summary>
    public ComplexMatrix Vectors { get; }

    /// <summary>
    /// Decomposes Hermitian <paramref name="h"/>. With <paramref name="blockLabels"/> (one label per
    /// basis state) each label's block is decomposed separately; if H has an element larger than
    /// 1e-13·max|H| between different labels the labels are ignored and H is decomposed whole.
    /// </summary>
    public static HermitianEigen Decompose(ComplexMatrix h, IReadOnlyList<int>? blockLabels = null)
    {
        ArgumentNullException.ThrowIfNull(h);
        ComplexMatrix.RequireSquare(h);
        int n = h.Rows;
        if (blockLabels is not null && blockLabels.Count == n && IsBlockDiagonal(h, blockLabels))
        {
            var values = new double[n];
            var vectors = new ComplexMatrix(n, n);
            foreach (int[] block in Enumerable.Range(0, n).GroupBy(i => blockLabels[i]).Select(g => g.ToArray()))
            {
                var sub = new ComplexMatrix(block.Length, block.Length);
                for (int r = 0; r < block.Length; r++)
                {
                    for (int c = 0; c < block.Length; c++) sub[r, c] = h[block[r], block[c]];
                }

                (double[] subValues, ComplexMatrix subVectors) = Dense(sub);
                for (int c = 0; c < block.Length; c++)
                {
                    values[block[c]] = subValues[c];
                    for (int r = 0; r < block.Length; r++) vectors[block[r], block[c]] = subVectors[r, c];
                }
            }

            return new HermitianEigen(values, vectors);
        }

        (double[] v, ComplexMatrix w) = Dense(h);
        return new HermitianEigen(v, w);
    }

    /// <summary>
    /// Decomposes H = R S R† for a real symmetric S (given as a complex matrix whose imaginary parts are
    /// zero) and R = diag(exp(−iφ·twiceM_a/2)): V = R V' from the real symmetric EVD S = V'ΛV'ᵀ
    /// (<see cref="SpinHamiltonian.DecomposeWithRf"/>). Throws if S has an imaginary part.
    /// </summary>
    internal static HermitianEigen DecomposeRealRotated(ComplexMatrix realSymmetric, double phase, int[] twiceM)
    {
        int n = realSymmetric.Rows;
        var m = Matrix<double>.Build.Dense(n, n);
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < n; c++)
            {
                Complex x = realSymmetric[r, c];
                if (x.Imaginary != 0) throw new ArgumentException("The rotated-frame Hamiltonian must be real.", nameof(realSymmetric));
                m[r, c] = x.Real;
            }
        }

        Evd<double> evd = m.Evd(Symmetricity.Symmetric);
        var values = new double[n];
        var vectors = new ComplexMatrix(n, n);
        Matrix<double> v = evd.EigenVectors;
        for (int a = 0; a < n; a++) values[a] = evd.EigenValues[a].Real;
        for (int r = 0; r < n; r++)
        {
            Complex rotation = Complex.FromPolarCoordinates(1, -phase * twiceM[r] / 2.0);
            for (int c = 0; c < n; c++) vectors[r, c] = rotation * v[r, c];
        }

        return new HermitianEigen(values, vectors);
    }

    /// <summary>f(H) = V diag(f(λ)) V† for a scalar function f (e.g. exp(−iλt)).</summary>
    public ComplexMatrix Apply(Func<double, Complex> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        int n = Values.Length;
        var scaled = new ComplexMatrix(n, n);
        var fv = new Complex[n];
        for (int a = 0; a < n; a++) fv[a] = f(Values[a]);
        for (int r = 0; r < n; r++)
        {
            for (int a = 0; a < n; a++) scaled[r, a] = Vectors[r, a] * fv[a];
        }

        return scaled * Vectors.Adjoint();
    }

    /// <summary>The propagator U(t) = exp(−iHt) = V e^{−iΛt} V† (H in rad/s, t in s).</summary>
    public ComplexMatrix Propagator(double seconds) => Apply(l => Complex.FromPolarCoordinates(1, -l * seconds));

    private static bool IsBlockDiagonal(ComplexMatrix h, IReadOnlyList<int> labels)
    {
        double tolerance = 1e-13 * h.MaxAbs();
        for (int r = 0; r < h.Rows; r++)
        {
            for (int c = 0; c < h.Columns; c++)
            {
                if (labels[r] != labels[c] && h[r, c].Magnitude > tolerance) return false;
            }
        }

        return true;
    }

    private static (double[] Values, ComplexMatrix Vectors) Dense(ComplexMatrix h)
    {
        int n = h.Rows;
        if (n == 1) return ([h[0, 0].Real], ComplexMatrix.Identity(1));
        Matrix<Complex> m = Matrix<Complex>.Build.Dense(n, n, (r, c) => h[r, c]);
        Evd<Complex> evd = m.Evd(Symmetricity.Hermitian);
        var values = new double[n];
        var vectors = new ComplexMatrix(n, n);
        for (int a = 0; a < n; a++) values[a] = evd.EigenValues[a].Real;
        Matrix<Complex> v = evd.EigenVectors;
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < n; c++) vectors[r, c] = v[r, c];
        }

        return (values, vectors);
    }
}
