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
        return ToArray(Factor(a, n));
    }

    /// <inheritdoc/>
    /// <remarks>Factor and solve in one libtorch scope: the n × n factor is never copied back to managed memory.</remarks>
    public override double[] SolveSpd(double[] a, int n, double[] b, int columns)
    {
        CheckShape(a, n, n, nameof(a));
        CheckShape(b, n, columns, nameof(b));
        TorchRuntime.EnsureInitialized();
        using var scope = NewDisposeScope();
        return ToArray(cholesky_solve(Matrix(b, n, columns), Factor(a, n)));
    }

    /// <inheritdoc/>
    public override double[] CholeskySolve(double[] lower, int n, double[] b, int columns) =>
        Run(lower, n, b, columns, (l, rhs) => cholesky_solve(rhs, l));

    /// <inheritdoc/>
    public override double[] SolveLower(double[] lower, int n, double[] b, int columns) =>
        Run(lower, n, b, columns, (l, rhs) => linalg.solve_triangular(l, rhs, upper: false));

    /// <inheritdoc/>
    public override double[] SolveLowerTransposed(double[] lower, int n, double[] b, int columns) =>
        Run(lower, n, b, columns, (l, rhs) => linalg.solve_triangular(l.t(), rhs, upper: true));

    /// <inheritdoc/>
    public override double[] Gram(double[] x, int rx, double[] y, int ry, int d)
    {
        CheckShape(x, rx, d, nameof(x));
        CheckShape(y, ry, d, nameof(y));
        TorchRuntime.EnsureInitialized();
        using var scope = NewDisposeScope();
        return ToArray(mm(Matrix(x, rx, d), Matrix(y, ry, d).t()));
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Gaussian kernel: K = exp(−max(0, |z_i|² + |z_j|² − 2 z_i·z_j) / (2ℓ²)) + λI is built, factorised and solved in one
    /// libtorch scope (no n × n copy to managed memory). Laplacian: the managed kernel sum, then <see cref="SolveSpd"/>.
    /// </remarks>
    public override double[] SolveKernelSystem(KernelFunction kernel, double[] z, int n, int d, double ridge, double[] b, int columns)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        if (kernel.Kind != KernelKind.Gaussian)
        {
            return base.SolveKernelSystem(kernel, z, n, d, ridge, b, columns);
        }

        CheckShape(z, n, d, nameof(z));
        CheckShape(b, n, columns, nameof(b));
        TorchRuntime.EnsureInitialized();
        using var scope = NewDisposeScope();
        Tensor x = Matrix(z, n, d);
        Tensor norms = x.mul(x).sum(1, keepdim: true);
        Tensor k = mm(x, x.t()).mul_(-2).add_(norms).add_(norms.t()).clamp_min_(0).mul_(-1 / (2 * kernel.Width * kernel.Width)).exp_();
        k.diagonal().add_(ridge);
        (Tensor lower, Tensor info) = linalg.cholesky_ex(k);
        ThrowIfFailed(info, n);
        return ToArray(cholesky_solve(Matrix(b, n, columns), lower));
    }

    /// <summary>Applies <paramref name="solve"/> to the n × n factor and the n × columns right-hand side, shapes checked first.</summary>
    private static double[] Run(double[] lower, int n, double[] b, int columns, Func<Tensor, Tensor, Tensor> solve)
    {
        CheckShape(lower, n, n, nameof(lower));
        CheckShape(b, n, columns, nameof(b));
        TorchRuntime.EnsureInitialized();
        using var scope = NewDisposeScope();
        return ToArray(solve(Matrix(lower, n, n), Matrix(b, n, columns)));
    }

    private static Tensor Factor(double[] a, int n)
    {
        (Tensor lower, Tensor info) = linalg.cholesky_ex(Matrix(a, n, n));
        ThrowIfFailed(info, n);
        return lower;
    }

    private static void ThrowIfFailed(Tensor info, int n)
    {
        long failed = info.item<int>();
        if (failed != 0)
        {
            throw new NotPositiveDefiniteException($"The {n} × {n} matrix is not positive definite (libtorch cholesky_ex: leading minor of order {failed} is not positive).");
        }
    }

    private static Tensor Matrix(double[] values, long rows, long columns) => tensor(values, new long[] { rows, columns }, float64);

    private static double[] ToArray(Tensor t) => t.contiguous().data<double>().ToArray();
}
