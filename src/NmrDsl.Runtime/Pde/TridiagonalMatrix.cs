using System;

namespace NmrDsl.Runtime.Pde;

/// <summary>
/// An N×N tridiagonal matrix stored as three diagonals: <see cref="Lower"/>[i] = a(i, i−1)
/// (Lower[0] unused), <see cref="Diagonal"/>[i] = a(i, i), <see cref="Upper"/>[i] = a(i, i+1)
/// (Upper[N−1] unused). A 1-D finite-volume operator couples each cell to its two neighbours only.
/// </summary>
public sealed class TridiagonalMatrix
{
    public TridiagonalMatrix(int size)
    {
        if (size <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "The size must be positive.");
        }

        Lower = new double[size];
        Diagonal = new double[size];
        Upper = new double[size];
    }

    public int Size => Diagonal.Length;

    public double[] Lower { get; }

    public double[] Diagonal { get; }

    public double[] Upper { get; }

    /// <summary>Sets every entry to zero.</summary>
    public void Clear()
    {
        Array.Clear(Lower);
        Array.Clear(Diagonal);
        Array.Clear(Upper);
    }

    /// <summary>y = this · x.</summary>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        int n = Size;
        if (x.Length != n || y.Length != n)
        {
            throw new ArgumentException("Vector lengths must equal the matrix size.");
        }

        if (n == 1)
        {
            y[0] = Diagonal[0] * x[0];
            return;
        }

        y[0] = Diagonal[0] * x[0] + Upper[0] * x[1];
        for (int i = 1; i < n - 1; i++)
        {
            y[i] = Lower[i] * x[i - 1] + Diagonal[i] * x[i] + Upper[i] * x[i + 1];
        }

        y[n - 1] = Lower[n - 1] * x[n - 2] + Diagonal[n - 1] * x[n - 1];
    }

    /// <summary>y = this · x (allocating).</summary>
    public double[] Multiply(double[] x)
    {
        var y = new double[Size];
        Multiply(x, y);
        return y;
    }

    /// <summary>Dense copy, for tests and small diagnostics.</summary>
    public double[,] ToDense()
    {
        int n = Size;
        var dense = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            dense[i, i] = Diagonal[i];
            if (i > 0)
            {
                dense[i, i - 1] = Lower[i];
            }

            if (i < n - 1)
            {
                dense[i, i + 1] = Upper[i];
            }
        }

        return dense;
    }
}
