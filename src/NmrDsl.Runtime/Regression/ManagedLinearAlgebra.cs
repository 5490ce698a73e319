using System;
using System.Threading.Tasks;
using MathNet.Numerics.LinearAlgebra;
using SimdVector = System.Numerics.Vector;

namespace NmrDsl.Runtime.Regression;

/// <summary>
/// Managed dense algebra: Cholesky by MathNet.Numerics (managed provider), triangular solves and Gram matrices by
/// SIMD loops parallel over right-hand sides / rows.
/// </summary>
public sealed class ManagedLinearAlgebra : DenseLinearAlgebra
{
    /// <summary>The instance.</summary>
    public static readonly ManagedLinearAlgebra Instance = new();

    private ManagedLinearAlgebra() { }

    /// <inheritdoc/>
    public override double[] CholeskyLower(double[] a, int n)
    {
        CheckShape(a, n, n, nameof(a));
        // Symmetric: row-major and MathNet's column-major storage are the same array.
        Matrix<double> m = Matrix<double>.Build.Dense(n, n, (double[])a.Clone());
        try
        {
            return m.Cholesky().Factor.ToRowMajorArray();
        }
        catch (ArgumentException ex)
        {
            throw new NotPositiveDefiniteException($"The {n} × {n} matrix is not positive definite (MathNet Cholesky: {ex.Message}).", ex);
        }
    }

    /// <inheritdoc/>
    public override double[] CholeskySolve(double[] lower, int n, double[] b, int columns) =>
        SolveLowerTransposed(lower, n, SolveLower(lower, n, b, columns), columns);

    /// <inheritdoc/>
    public override double[] SolveLower(double[] lower, int n, double[] b, int columns)
    {
        CheckShape(lower, n, n, nameof(lower));
        CheckShape(b, n, columns, nameof(b));
        double[] x = (double[])b.Clone();
        // Row-oriented forward substitution over all right-hand sides at once: x_i -= Σ_{k<i} L_ik x_k.
        for (int i = 0; i < n; i++)
        {
            Span<double> xi = x.AsSpan(i * columns, columns);
            for (int k = 0; k < i; k++)
            {
                double l = lower[i * n + k];
                if (l != 0)
                {
                    Axpy(-l, x.AsSpan(k * columns, columns), xi);
                }
            }

            double d = lower[i * n + i];
            for (int c = 0; c < columns; c++)
            {
                xi[c] /= d;
            }
        }

        return x;
    }

    /// <inheritdoc/>
    public override double[] SolveLowerTransposed(double[] lower, int n, double[] b, int columns)
    {
        CheckShape(lower, n, n, nameof(lower));
        CheckShape(b, n, columns, nameof(b));
        double[] x = (double[])b.Clone();
        // Lᵀ is upper triangular with (Lᵀ)_ik = L_ki: back substitution, column-oriented (subtract x_i L_i· from rows above).
        for (int i = n - 1; i >= 0; i--)
        {
            Span<double> xi = x.AsSpan(i * columns, columns);
            double d = lower[i * n + i];
            for (int c = 0; c < columns; c++)
            {
                xi[c] /= d;
            }

            for (int k = 0; k < i; k++)
            {
                double l = lower[i * n + k];
                if (l != 0)
                {
                    Axpy(-l, xi, x.AsSpan(k * columns, columns));
                }
            }
        }

        return x;
    }

    /// <inheritdoc/>
    public override double[] Gram(double[] x, int rx, double[] y, int ry, int d)
    {
        CheckShape(x, rx, d, nameof(x));
        CheckShape(y, ry, d, nameof(y));
        var g = new double[(long)rx * ry];
        Parallel.For(0, rx, i =>
        {
            ReadOnlySpan<double> xi = x.AsSpan(i * d, d);
            for (int j = 0; j < ry; j++)
            {
                g[(long)i * ry + j] = Dot(xi, y.AsSpan(j * d, d));
            }
        });
        return g;
    }

    /// <summary>Σ a_k b_k with SIMD.</summary>
    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int width = System.Numerics.Vector<double>.Count, k = 0;
        var acc = System.Numerics.Vector<double>.Zero;
        for (; k <= a.Length - width; k += width)
        {
            acc += new System.Numerics.Vector<double>(a.Slice(k, width)) * new System.Numerics.Vector<double>(b.Slice(k, width));
        }

        double sum = SimdVector.Sum(acc);
        for (; k < a.Length; k++)
        {
            sum += a[k] * b[k];
        }

        return sum;
    }

    private static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        int width = System.Numerics.Vector<double>.Count, k = 0;
        var va = new System.Numerics.Vector<double>(alpha);
        for (; k <= x.Length - width; k += width)
        {
            (new System.Numerics.Vector<double>(y.Slice(k, width)) + va * new System.Numerics.Vector<double>(x.Slice(k, width))).CopyTo(y.Slice(k, width));
        }

        for (; k < x.Length; k++)
        {
            y[k] += alpha * x[k];
        }
    }
}
