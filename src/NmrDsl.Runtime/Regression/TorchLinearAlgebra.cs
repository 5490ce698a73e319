using System;
using NmrDsl.Runtime.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace NmrDsl.Runtime.Regression;

/// <summary>
/// Dense algebra in libtorch (float64, CPU): <c>linalg.cholesky_ex</c> (never throws inside libtorch; a failed
/// factorisation is reported through its info tensor and becomes a <see cref="NotPositiveDefiniteException"/> here),
/// <c>cholesky_solve</c>, <c>linalg.solve_triangular</c> and <c>mm</c>. Shapes are checked before any call
/// (libtorch aborts the process on some shape errors, DESIGN.md). Copies in and out are included in every call.
/// </summary>
public sealed class TorchLinearAlgebra : DenseLinearAlgebra
{
    /// <summary>The instance.</summary>
    public static readonly TorchLinearAlgebra Instance = new();

    private TorchLinearAlgebra() { }

    /// <inheritdoc/>
    public override double[] CholeskyLower(double[] a, int n)
    {
        CheckShape(a, n, n, nameof(a));
        TorchRuntime.EnsureInitialized();
        using var scope = NewDisposeScope();
        Tensor matrix = tensor(a, new long[] { n, n }, float64);
        (Tensor lower, Tensor info) = linalg.cholesky_ex(matrix);
        long failed = info.item<int>();
        if (failed != 0)
        {
            throw new NotPositiveDefiniteException($"The {n} × {n} matrix is not positive definite (libtorch cholesky_ex: leading minor of order {failed} is not positive).");
        }

        return lower.contiguous().data<double>().ToArray();
    }

    /// <inheritdoc/>
    public override double[] CholeskySolve(double[] lower, int n, double[] b, int columns)
    {
        CheckShape(lower, n, n, nameof(lower));
        CheckShape(b, n, columns, nameof(b));
        TorchRuntime.EnsureInitialized();
        using var scope = NewDisposeScope();
        Tensor l = tensor(lower, new long[] { n, n }, float64);
        Tensor rhs = tensor(b, new long[] { n, columns }, float64);
        return cholesky_solve(rhs, l).contiguous().data<double>().ToArray();
    }

    /// <inheritdoc/>
    public override double[] SolveLower(double[] lower, int n, double[] b, int columns) => Triangular(lower, n, b, columns, transposed: false);

    /// <inheritdoc/>
    public override double[] SolveLowerTransposed(double[] lower, int n, double[] b, int columns) => Triangular(lower, n, b, columns, transposed: true);

    /// <inheritdoc/>
    public override double[] Gram(double[] x, int rx, double[] y, int ry, int d)
    {
        CheckShape(x, rx, d, nameof(x));
        CheckShape(y, ry, d, nameof(y));
        TorchRuntime.EnsureInitialized();
        using var scope = NewDisposeScope();
        Tensor tx = tensor(x, new long[] { rx, d }, float64);
        Tensor ty = tensor(y, new long[] { ry, d }, float64);
        return mm(tx, ty.t()).contiguous().data<double>().ToArray();
    }

    private static double[] Triangular(double[] lower, int n, double[] b, int columns, bool transposed)
    {
        CheckShape(lower, n, n, nameof(lower));
        CheckShape(b, n, columns, nameof(b));
        TorchRuntime.EnsureInitialized();
        using var scope = NewDisposeScope();
        Tensor l = tensor(lower, new long[] { n, n }, float64);
        Tensor rhs = tensor(b, new long[] { n, columns }, float64);
        Tensor x = transposed ? linalg.solve_triangular(l.t(), rhs, upper: true) : linalg.solve_triangular(l, rhs, upper: false);
        return x.contiguous().data<double>().ToArray();
    }
}
