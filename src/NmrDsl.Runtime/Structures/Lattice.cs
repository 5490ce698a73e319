using System;

namespace NmrDsl.Runtime.Structures;

/// <summary>
/// A periodic cell: lattice vectors a, b, c (rows, Å) and periodic-boundary flags per axis. Fractional coordinates
/// s satisfy r = s₁a + s₂b + s₃c.
/// </summary>
public sealed class Lattice
{
    private readonly double[] _inverse; // row-major 3×3, maps r → s (s_i = Σ_j inv[i,j] r_j)

    public Lattice(Vec3 a, Vec3 b, Vec3 c, bool periodicA = true, bool periodicB = true, bool periodicC = true)
    {
        A = a;
        B = b;
        C = c;
        Periodic = [periodicA, periodicB, periodicC];
        Volume = Vec3.Dot(a, Vec3.Cross(b, c));
        if (Math.Abs(Volume) < 1e-12)
        {
            throw new ArgumentException("the lattice vectors are linearly dependent (zero cell volume)");
        }

        // Rows of the inverse of the matrix with columns a, b, c are (b×c, c×a, a×b)/V.
        Vec3 ra = Vec3.Cross(b, c) * (1 / Volume), rb = Vec3.Cross(c, a) * (1 / Volume), rc = Vec3.Cross(a, b) * (1 / Volume);
        _inverse = [ra.X, ra.Y, ra.Z, rb.X, rb.Y, rb.Z, rc.X, rc.Y, rc.Z];
    }

    public Vec3 A { get; }

    public Vec3 B { get; }

    public Vec3 C { get; }

    /// <summary>Periodic-boundary flags for the a, b, c axes.</summary>
    public bool[] Periodic { get; }

    /// <summary>Signed cell volume a·(b×c) in Å³.</summary>
    public double Volume { get; }

    /// <summary>Lattice vector <paramref name="axis"/> (0 = a, 1 = b, 2 = c).</summary>
    public Vec3 Vector(int axis) => axis switch { 0 => A, 1 => B, 2 => C, _ => throw new ArgumentOutOfRangeException(nameof(axis)) };

    /// <summary>Fractional coordinates of the Cartesian point <paramref name="r"/>.</summary>
    public Vec3 ToFractional(Vec3 r) => new(
        _inverse[0] * r.X + _inverse[1] * r.Y + _inverse[2] * r.Z,
        _inverse[3] * r.X + _inverse[4] * r.Y + _inverse[5] * r.Z,
        _inverse[6] * r.X + _inverse[7] * r.Y + _inverse[8] * r.Z);

    /// <summary>Cartesian point of the fractional coordinates <paramref name="s"/>.</summary>
    public Vec3 ToCartesian(Vec3 s) => s.X * A + s.Y * B + s.Z * C;

    /// <summary>
    /// Distance between the lattice planes spanned by the two other vectors, |V| / |b×c| for axis a and so on: the
    /// number of images needed to cover a radius r along that axis is ⌈r / height⌉ in any triclinic cell.
    /// </summary>
    public double Height(int axis)
    {
        Vec3 normal = axis switch { 0 => Vec3.Cross(B, C), 1 => Vec3.Cross(C, A), 2 => Vec3.Cross(A, B), _ => throw new ArgumentOutOfRangeException(nameof(axis)) };
        return Math.Abs(Volume) / normal.Length;
    }

    /// <summary><paramref name="r"/> moved into the cell [0,1) along every periodic axis (other axes unchanged).</summary>
    public Vec3 Wrap(Vec3 r)
    {
        Vec3 s = ToFractional(r);
        return ToCartesian(new Vec3(Reduce(s.X, 0), Reduce(s.Y, 1), Reduce(s.Z, 2)));
    }

    // u − ⌊u⌋ can round to exactly 1 for tiny negative u; map that to 0 so the result is in [0, 1).
    private double Reduce(double u, int axis)
    {
        if (!Periodic[axis]) return u;
        double r = u - Math.Floor(u);
        return r >= 1 ? 0 : r;
    }
}
