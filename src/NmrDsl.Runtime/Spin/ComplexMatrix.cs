using System;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// A dense complex matrix stored row-major, with the few hand-written kernels spin dynamics needs
/// (product, adjoint, commutator, Kronecker product, trace of a product).
/// </summary>
/// <remarks>
/// Hand-written rather than MathNet.Numerics' <c>Matrix&lt;Complex&gt;</c> or TorchSharp tensors
/// because the matrices here are small (2^N with N ≤ 7 in Hilbert space, 4^N ≤ 256 in Liouville
/// space) and are multiplied many times per pulse step. Measured with
/// bench/NmrDsl.Benchmarks/Spin/SpinKernelBenchmark.cs (Release, 2-core host, medians, µs per
/// product; TorchSharp with one intra-op thread): n = 8: this 0.5, MathNet 8.6, torch.mm 1.6 (11.2
/// with the copies in and out of libtorch); n = 16: 4.3, 10.4, 3.8 (18.8); n = 32: 28.9, 777, 10.7
/// (48.8); n = 64: 202, 304, 53.5 (169). libtorch's kernel is faster on its own from n = 16, but the
/// conversions the callers would need cost more than it saves for n ≤ 32 (up to five spins), and
/// no libtorch call can abort the process from here. Element (r, c) is at index <c>r * Columns + c</c>.
/// </remarks>
public sealed class ComplexMatrix
{
    private readonly Complex[] _data;

    /// <summary>Creates a zero matrix.</summary>
    public ComplexMatrix(int rows, int columns)
    {
        if (rows <= 0 || columns <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), Invariant($"Matrix dimensions must be positive, got {rows}×{columns}."));
        }

        Rows = rows;
        Columns = columns;
        _data = new Complex[rows * columns];
    }

    private ComplexMatrix(int rows, int columns, Complex[] data)
    {
        Rows = rows;
        Columns = columns;
        _data = data;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>True for a square matrix.</summary>
    public bool IsSquare => Rows == Columns;

    /// <summary>The row-major storage (length Rows × Columns); writes change the matrix.</summary>
    public Span<Complex> Data => _data;

    /// <summary>Element access.</summary>
    public Complex this[int row, int column]
    {
        get => _data[row * Columns + column];
        set => _data[row * Columns + column] = value;
    }

    /// <summary>The n × n identity.</summary>
    public static ComplexMatrix Identity(int n)
    {
        var m = new ComplexMatrix(n, n);
        for (int i = 0; i < n; i++) m._data[i * n + i] = Complex.One;
        return m;
    }

    /// <summary>Builds a matrix from a rectangular array (copied).</summary>
    public static ComplexMatrix FromArray(Complex[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var m = new ComplexMatrix(values.GetLength(0), values.GetLength(1));
        for (int r = 0; r < m.Rows; r++)
        {
            for (int c = 0; c < m.Columns; c++) m._data[r * m.Columns + c] = values[r, c];
        }

        return m;
    }

    /// <summary>Wraps row-major data (not copied).</summary>
    public static ComplexMatrix FromRowMajor(int rows, int columns, Complex[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != rows * columns)
        {
            throw new ArgumentException(Invariant($"Expected {rows * columns} elements for a {rows}×{columns} matrix, got {data.Length}."), nameof(data));
        }

        return new ComplexMatrix(rows, columns, data);
    }

    /// <summary>A deep copy.</summary>
    public ComplexMatrix Clone() => new(Rows, Columns, (Complex[])_data.Clone());

    /// <summary>Copies the row-major data into a new array.</summary>
    public Complex[] ToRowMajorArray() => (Complex[])_data.Clone();

    /// <summary>The conjugate transpose A†.</summary>
    public ComplexMatrix Adjoint()
    {
        var result = new ComplexMatrix(Columns, Rows);
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Columns; c++) result._data[c * Rows + r] = Complex.Conjugate(_data[r * Columns + c]);
        }

        return result;
    }

    /// <summary>The transpose Aᵀ (no conjugation).</summary>
    public ComplexMatrix Transpose()
    {
        var result = new ComplexMatrix(Columns, Rows);
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Columns; c++) result._data[c * Rows + r] = _data[r * Columns + c];
        }

        return result;
    }

    /// <summary>The element-wise complex conjugate.</summary>
    public ComplexMatrix Conjugate()
    {
        var result = new ComplexMatrix(Rows, Columns);
        for (int i = 0; i < _data.Length; i++) result._data[i] = Complex.Conjugate(_data[i]);
        return result;
    }

    /// <summary>The product A·B.</summary>
    public static ComplexMatrix operator *(ComplexMatrix a, ComplexMatrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var result = new ComplexMatrix(a.Rows, b.Columns);
        MultiplyInto(a, b, result);
        return result;
    }

    /// <summary>The scalar multiple s·A.</summary>
    public static ComplexMatrix operator *(Complex s, ComplexMatrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var result = new ComplexMatrix(a.Rows, a.Columns);
        for (int i = 0; i < a._data.Length; i++) result._data[i] = s * a._data[i];
        return result;
    }

    /// <summary>The sum A + B.</summary>
    public static ComplexMatrix operator +(ComplexMatrix a, ComplexMatrix b)
    {
        RequireSameShape(a, b);
        var result = new ComplexMatrix(a.Rows, a.Columns);
        for (int i = 0; i < a._data.Length; i++) result._data[i] = a._data[i] + b._data[i];
        return result;
    }

    /// <summary>The difference A − B.</summary>
    public static ComplexMatrix operator -(ComplexMatrix a, ComplexMatrix b)
    {
        RequireSameShape(a, b);
        var result = new ComplexMatrix(a.Rows, a.Columns);
        for (int i = 0; i < a._data.Length; i++) result._data[i] = a._data[i] - b._data[i];
        return result;
    }

    /// <summary>Adds s·B to this matrix in place.</summary>
    public void AddScaled(Complex s, ComplexMatrix b)
    {
        RequireSameShape(this, b);
        for (int i = 0; i < _data.Length; i++) _data[i] += s * b._data[i];
    }

    /// <summary>
    /// result = A·B, with the i-k-j loop order (unit-stride inner loop over the rows of B and of
    /// the result), vectorised with AVX2/FMA where available (two complex numbers per 256-bit
    /// register), scalar otherwise. <paramref name="result"/> must not alias A or B.
    /// </summary>
    public static void MultiplyInto(ComplexMatrix a, ComplexMatrix b, ComplexMatrix result)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(result);
        if (a.Columns != b.Rows || result.Rows != a.Rows || result.Columns != b.Columns)
        {
            throw new ArgumentException(Invariant($"Cannot multiply {a.Rows}×{a.Columns} by {b.Rows}×{b.Columns} into {result.Rows}×{result.Columns}."));
        }

        if (ReferenceEquals(result, a) || ReferenceEquals(result, b))
        {
            throw new ArgumentException("The result must not alias an operand.", nameof(result));
        }

        Array.Clear(result._data);
        if (Avx2.IsSupported && Fma.IsSupported)
        {
            MultiplyAddAvx(a, b, result);
        }
        else
        {
            MultiplyAddScalar(a, b, result);
        }
    }

    // Interleaved (re, im) storage seen as doubles; each 256-bit vector holds two complex numbers.
    // For r_j += a·b_j with a = ar + i·ai: r += ar·(br, bi, …) + (−ai, ai, …)·(bi, br, …), where the
    // swapped vector comes from Avx.Permute (swap within each 128-bit lane).
    private static void MultiplyAddAvx(ComplexMatrix a, ComplexMatrix b, ComplexMatrix result)
    {
        int n = a.Rows, inner = a.Columns, m = b.Columns;
        ReadOnlySpan<double> bd = MemoryMarshal.Cast<Complex, double>(b._data.AsSpan());
        Span<double> rd = MemoryMarshal.Cast<Complex, double>(result._data.AsSpan());
        int pairs = m / 2;
        ref double bRef = ref MemoryMarshal.GetReference(bd);
        ref double rRef = ref MemoryMarshal.GetReference(rd);
        for (int i = 0; i < n; i++)
        {
            Span<double> row = rd.Slice(2 * i * m, 2 * m);
            for (int k = 0; k < inner; k++)
            {
                Complex aik = a._data[i * inner + k];
                if (aik == Complex.Zero) continue;
                var ar = Vector256.Create(aik.Real);
                var ai = Vector256.Create(-aik.Imaginary, aik.Imaginary, -aik.Imaginary, aik.Imaginary);
                ReadOnlySpan<double> bRow = bd.Slice(2 * k * m, 2 * m);
                nuint bOffset = (nuint)(2 * k * m), rOffset = (nuint)(2 * i * m);
                for (int p = 0; p < pairs; p++)
                {
                    nuint o = (nuint)(4 * p);
                    Vector256<double> v = Vector256.LoadUnsafe(ref bRef, bOffset + o);
                    Vector256<double> r = Vector256.LoadUnsafe(ref rRef, rOffset + o);
                    r = Fma.MultiplyAdd(ar, v, r);
                    r = Fma.MultiplyAdd(ai, Avx.Permute(v, 0b0101), r);
                    r.StoreUnsafe(ref rRef, rOffset + o);
                }

                if ((m & 1) == 1)
                {
                    int j = m - 1;
                    double br = bRow[2 * j], bi = bRow[(2 * j) + 1];
                    row[2 * j] += (aik.Real * br) - (aik.Imaginary * bi);
                    row[(2 * j) + 1] += (aik.Real * bi) + (aik.Imaginary * br);
                }
            }
        }
    }

    /// <summary>The portable scalar kernel (used without AVX2/FMA; exposed for tests): result += A·B.</summary>
    internal static void MultiplyAddScalar(ComplexMatrix a, ComplexMatrix b, ComplexMatrix result)
    {
        int n = a.Rows, inner = a.Columns, m = b.Columns;
        Complex[] ad = a._data, bd = b._data, rd = result._data;
        for (int i = 0; i < n; i++)
        {
            int rowOffset = i * m;
            for (int k = 0; k < inner; k++)
            {
                Complex aik = ad[i * inner + k];
                if (aik == Complex.Zero) continue;
                double ar = aik.Real, ai = aik.Imaginary;
                int bOffset = k * m;
                for (int j = 0; j < m; j++)
                {
                    Complex bkj = bd[bOffset + j];
                    double br = bkj.Real, bi = bkj.Imaginary;
                    Complex r = rd[rowOffset + j];
                    rd[rowOffset + j] = new Complex(r.Real + ar * br - ai * bi, r.Imaginary + ar * bi + ai * br);
                }
            }
        }
    }

    /// <summary>The commutator [A, B] = AB − BA.</summary>
    public static ComplexMatrix Commutator(ComplexMatrix a, ComplexMatrix b) => (a * b) - (b * a);

    /// <summary>The Kronecker product A ⊗ B.</summary>
    public static ComplexMatrix Kronecker(ComplexMatrix a, ComplexMatrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var result = new ComplexMatrix(a.Rows * b.Rows, a.Columns * b.Columns);
        for (int ar = 0; ar < a.Rows; ar++)
        {
            for (int ac = 0; ac < a.Columns; ac++)
            {
                Complex s = a._data[ar * a.Columns + ac];
                if (s == Complex.Zero) continue;
                for (int br = 0; br < b.Rows; br++)
                {
                    int row = ar * b.Rows + br;
                    for (int bc = 0; bc < b.Columns; bc++)
                    {
                        result._data[row * result.Columns + ac * b.Columns + bc] = s * b._data[br * b.Columns + bc];
                    }
                }
            }
        }

        return result;
    }

    /// <summary>The trace Σ A_ii.</summary>
    public Complex Trace()
    {
        RequireSquare(this);
        Complex sum = Complex.Zero;
        for (int i = 0; i < Rows; i++) sum += _data[i * Columns + i];
        return sum;
    }

    /// <summary>Tr(A·B) without forming the product: Σ_ij A_ij B_ji.</summary>
    public static Complex TraceOfProduct(ComplexMatrix a, ComplexMatrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Columns != b.Rows || a.Rows != b.Columns)
        {
            throw new ArgumentException(Invariant($"Tr(AB) needs A m×n and B n×m, got {a.Rows}×{a.Columns} and {b.Rows}×{b.Columns}."));
        }

        double re = 0, im = 0;
        for (int i = 0; i < a.Rows; i++)
        {
            for (int j = 0; j < a.Columns; j++)
            {
                Complex x = a._data[i * a.Columns + j], y = b._data[j * b.Columns + i];
                re += x.Real * y.Real - x.Imaginary * y.Imaginary;
                im += x.Real * y.Imaginary + x.Imaginary * y.Real;
            }
        }

        return new Complex(re, im);
    }

    /// <summary>The largest element modulus, max |A_ij|.</summary>
    public double MaxAbs()
    {
        double max = 0;
        foreach (Complex z in _data) max = Math.Max(max, z.Magnitude);
        return max;
    }

    /// <summary>The induced 1-norm (maximum absolute column sum).</summary>
    public double OneNorm()
    {
        double max = 0;
        for (int c = 0; c < Columns; c++)
        {
            double sum = 0;
            for (int r = 0; r < Rows; r++) sum += _data[r * Columns + c].Magnitude;
            max = Math.Max(max, sum);
        }

        return max;
    }

    /// <summary>max |A_ij − B_ij|.</summary>
    public static double MaxAbsDifference(ComplexMatrix a, ComplexMatrix b)
    {
        RequireSameShape(a, b);
        double max = 0;
        for (int i = 0; i < a._data.Length; i++) max = Math.Max(max, (a._data[i] - b._data[i]).Magnitude);
        return max;
    }

    internal static void RequireSquare(ComplexMatrix a)
    {
        if (!a.IsSquare)
        {
            throw new ArgumentException(Invariant($"A square matrix is required, got {a.Rows}×{a.Columns}."));
        }
    }

    private static void RequireSameShape(ComplexMatrix a, ComplexMatrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rows != b.Rows || a.Columns != b.Columns)
        {
            throw new ArgumentException(Invariant($"Shapes differ: {a.Rows}×{a.Columns} and {b.Rows}×{b.Columns}."));
        }
    }
}
