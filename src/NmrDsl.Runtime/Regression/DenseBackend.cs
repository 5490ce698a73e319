namespace NmrDsl.Runtime.Regression;

/// <summary>
/// Which dense linear algebra runs the kernel matrices, Cholesky factorisations and triangular solves: MathNet.Numerics'
/// managed provider, or libtorch's BLAS/LAPACK through TorchSharp (float64, CPU). Measured (docs/regression.md): the
/// Cholesky factor + solve of an n = 2000 / 5000 SPD matrix is several times faster in libtorch, hence the default.
/// </summary>
public enum DenseBackend
{
    /// <summary>libtorch (TorchSharp), float64 on the CPU; threads from NMRDSL_TORCH_THREADS.</summary>
    Torch,

    /// <summary>MathNet.Numerics managed provider plus managed triangular solves and kernel sums.</summary>
    Managed,
}
