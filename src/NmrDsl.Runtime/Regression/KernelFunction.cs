using System;
using System.Threading.Tasks;
using static System.FormattableString;

namespace NmrDsl.Runtime.Regression;

/// <summary>Kernel families on standardised features.</summary>
public enum KernelKind
{
    /// <summary>k(x, x') = exp(−|x − x'|₂² / (2ℓ²)) (scikit-learn "rbf" with γ = 1/(2ℓ²)).</summary>
    Gaussian,

    /// <summary>k(x, x') = exp(−|x − x'|₁ / ℓ) (scikit-learn "laplacian" with γ = 1/ℓ, L1 distance).</summary>
    Laplacian,
}

/// <summary>A kernel: family and width ℓ (in units of standardised features).</summary>
public sealed record KernelFunction
{
    /// <summary>Creates the kernel; ℓ must be positive and finite.</summary>
    public KernelFunction(KernelKind kind, double width)
    {
        if (!(width > 0) || !double.IsFinite(width))
        {
            throw new ArgumentOutOfRangeException(nameof(width), Invariant($"Kernel width ℓ = {width} must be positive."));
        }

        Kind = kind;
        Width = width;
    }

    /// <summary>Family.</summary>
    public KernelKind Kind { get; }

    /// <summary>Width ℓ.</summary>
    public double Width { get; }

    /// <summary>scikit-learn's γ for the same kernel: 1/(2ℓ²) (Gaussian) or 1/ℓ (Laplacian).</summary>
    public double SklearnGamma => Kind == KernelKind.Gaussian ? 1 / (2 * Width * Width) : 1 / Width;

    /// <summary>
    /// The kernel matrix K_ij = k(x_i, y_j) of rows x (rx × d) and y (ry × d), row-major. Gaussian: squared distances
    /// |x|² + |y|² − 2 x·y from a Gram matrix on <paramref name="algebra"/> (clamped at 0); Laplacian: L1 sums.
    /// </summary>
    public double[] Matrix(double[] x, int rx, double[] y, int ry, int d, DenseLinearAlgebra algebra)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(algebra);
        return Kind == KernelKind.Gaussian ? GaussianMatrix(x, rx, y, ry, d, algebra) : LaplacianMatrix(x, rx, y, ry, d);
    }

    private double[] GaussianMatrix(double[] x, int rx, double[] y, int ry, int d, DenseLinearAlgebra algebra)
    {
        double[] k = algebra.Gram(x, rx, y, ry, d);
        double[] nx = SquaredNorms(x, rx, d), ny = SquaredNorms(y, ry, d);
        double scale = -1 / (2 * Width * Width);
        Parallel.For(0, rx, i =>
        {
            for (int j = 0; j < ry; j++)
            {
                long at = (long)i * ry + j;
                k[at] = Math.Exp(scale * Math.Max(0, nx[i] + ny[j] - 2 * k[at]));
            }
        });
        return k;
    }

    private double[] LaplacianMatrix(double[] x, int rx, double[] y, int ry, int d)
    {
        var k = new double[(long)rx * ry];
        double scale = -1 / Width;
        Parallel.For(0, rx, i =>
        {
            ReadOnlySpan<double> xi = x.AsSpan(i * d, d);
            for (int j = 0; j < ry; j++)
            {
                ReadOnlySpan<double> yj = y.AsSpan(j * d, d);
                double sum = 0;
                for (int c = 0; c < d; c++)
                {
                    sum += Math.Abs(xi[c] - yj[c]);
                }

                k[(long)i * ry + j] = Math.Exp(scale * sum);
            }
        });
        return k;
    }

    private static double[] SquaredNorms(double[] x, int rows, int d)
    {
        var norms = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<double> row = x.AsSpan(i * d, d);
            norms[i] = ManagedLinearAlgebra.Dot(row, row);
        }

        return norms;
    }
}
