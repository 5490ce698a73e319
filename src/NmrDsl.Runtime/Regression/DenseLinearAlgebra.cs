using System;

namespace NmrDsl.Runtime.Regression;

/// <summary>
/// The dense operations kernel regression needs, on row-major flat arrays (an r × c matrix is c·i + j indexed).
/// Implementations: <see cref="ManagedLinearAlgebra"/> (MathNet.Numerics managed provider) and
/// <see cref="TorchLinearAlgebra"/> (libtorch LAPACK/BLAS, float64).
/// </summary>
public abstract class DenseLinearAlgebra
{
    /// <summary>The implementation for <paramref name="backend"/>.</summary>
    public static DenseLinearAlgebra For(DenseBackend backend) => backend switch
    {
        DenseBackend.Managed => ManagedLinearAlgebra.Instance,
        DenseBackend.Torch => TorchLinearAlgebra.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(backend)),
    };

    /// <summary>The lower Cholesky factor L (n × n, row-major, zeros above the diagonal) of the SPD matrix <paramref name="a"/>.</summary>
    /// <exception cref="NotPositiveDefiniteException">The matrix is not positive definite.</exception>
    public abstract double[] CholeskyLower(double[] a, int n);

    /// <summary>X with L Lᵀ X = B, B n × <paramref name="columns"/>.</summary>
    public abstract double[] CholeskySolve(double[] lower, int n, double[] b, int columns);

    /// <summary>X with L X = B (forward substitution), B n × <paramref name="columns"/>.</summary>
    public abstract double[] SolveLower(double[] lower, int n, double[] b, int columns);

    /// <summary>X with Lᵀ X = B (back substitution), B n × <paramref name="columns"/>.</summary>
    public abstract double[] SolveLowerTransposed(double[] lower, int n, double[] b, int columns);

    /// <summary>X Yᵀ for X (rx × d) and Y (ry × d): the Gram matrix of the rows.</summary>
    public abstract double[] Gram(double[] x, int rx, double[] y, int ry, int d);

    /// <summary>Solves the SPD system A X = B by Cholesky.</summary>
    /// <exception cref="NotPositiveDefiniteException">A is not positive definite.</exception>
    public virtual double[] SolveSpd(double[] a, int n, double[] b, int columns) => CholeskySolve(CholeskyLower(a, n), n, b, columns);

    /// <summary>
    /// Solves (K + λI) X = B for the kernel matrix K of the standardised rows <paramref name="z"/> (n × d). The default
    /// builds K with <see cref="KernelFunction.Matrix"/> and calls <see cref="SolveSpd"/>; libtorch keeps K in native
    /// memory for the Gaussian kernel.
    /// </summary>
    public virtual double[] SolveKernelSystem(KernelFunction kernel, double[] z, int n, int d, double ridge, double[] b, int columns)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        double[] k = kernel.Matrix(z, n, z, n, d, this);
        for (int i = 0; i < n; i++)
        {
            k[(long)i * n + i] += ridge;
        }

        return SolveSpd(k, n, b, columns);
    }

    /// <summary>Checks a flat array has <paramref name="rows"/> × <paramref name="columns"/> entries (libtorch aborts on bad shapes, DESIGN.md).</summary>
    protected static void CheckShape(double[] a, long rows, long columns, string name)
    {
        ArgumentNullException.ThrowIfNull(a, name);
        if (a.LongLength != rows * columns || rows < 0 || columns < 0)
        {
            throw new ArgumentException($"{name} has {a.LongLength} entries, expected {rows} × {columns}.", name);
        }
    }
}
