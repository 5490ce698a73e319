using System;
using System.Collections.Generic;
using static System.FormattableString;

namespace NmrDsl.Runtime.Pde;

/// <summary>
/// Cell-centred finite-volume mesh of a 1-D domain [Start, End] in slab, cylinder or sphere
/// geometry. Every interior region boundary (material interface) is a face, so coefficients
/// are smooth inside each cell and the interface flux condition is imposed exactly.
/// </summary>
/// <remarks>
/// Lengths are in whatever unit the caller uses (the solver builds one mesh in m and a
/// dimensionless copy in ξ = x/L). Volumes and face areas are exact per unit area (slab),
/// per radian and unit length (cylinder) or per steradian (sphere):
/// <list type="bullet">
///   <item>volume  ∫ x^k dx over the cell: h, (r+² − r−²)/2, (r+³ − r−³)/3;</item>
///   <item>face area x^k: 1, r, r².</item>
/// </list>
/// The constant factors (2π per unit length, 4π) cancel in every balance and average.
/// </remarks>
public sealed class FiniteVolumeMesh
{
    /// <summary>Fewest cells any region gets, so that a region always has an interior face.</summary>
    public const int MinimumCellsPerRegion = 2;

    /// <summary>
    /// Builds the mesh: <paramref name="cells"/> cells distributed over the regions in proportion to
    /// their length (largest-remainder rounding), at least <see cref="MinimumCellsPerRegion"/> each,
    /// uniform within a region. The total can exceed <paramref name="cells"/> only when that minimum forces it.
    /// </summary>
    public FiniteVolumeMesh(Geometry geometry, double start, double end, IReadOnlyList<double> interfaces, int cells)
        : this(geometry, RegionBoundsOf(geometry, start, end, interfaces), DistributeCells(RegionBoundsOf(geometry, start, end, interfaces), cells))
    {
    }

    private FiniteVolumeMesh(Geometry geometry, double[] bounds, int[] perRegion)
    {
        Geometry = geometry;
        RegionBounds = bounds;
        double end = bounds[^1];
        int total = 0;
        foreach (int n in perRegion)
        {
            total += n;
        }

        var faces = new double[total + 1];
        var region = new int[total];
        int cell = 0;
        for (int r = 0; r < perRegion.Length; r++)
        {
            double a = bounds[r], b = bounds[r + 1];
            for (int j = 0; j < perRegion[r]; j++)
            {
                // a + (b − a) j / n rather than repeated addition: no drift, and the last face is b exactly.
                faces[cell] = j == 0 ? a : a + (b - a) * j / perRegion[r];
                region[cell] = r;
                cell++;
            }
        }

        faces[total] = end;
        Faces = faces;
        CellRegion = region;
        CellsPerRegion = perRegion;

        var centres = new double[total];
        var volumes = new double[total];
        for (int i = 0; i < total; i++)
        {
            centres[i] = 0.5 * (faces[i] + faces[i + 1]);
            volumes[i] = CellVolume(geometry, faces[i], faces[i + 1]);
        }

        Centres = centres;
        Volumes = volumes;

        var areas = new double[total + 1];
        for (int f = 0; f <= total; f++)
        {
            areas[f] = FaceArea(geometry, faces[f]);
        }

        FaceAreas = areas;
    }

    public Geometry Geometry { get; }

    /// <summary>Metric exponent k: 0 slab, 1 cylinder, 2 sphere.</summary>
    public int MetricExponent => (int)Geometry;

    /// <summary>Number of cells N.</summary>
    public int CellCount => Centres.Length;

    /// <summary>Number of regions (interfaces + 1).</summary>
    public int RegionCount => CellsPerRegion.Length;

    public double Start => Faces[0];

    public double End => Faces[^1];

    /// <summary>Face positions, N + 1, increasing; region boundaries are among them.</summary>
    public double[] Faces { get; }

    /// <summary>Cell centres (face midpoints), N.</summary>
    public double[] Centres { get; }

    /// <summary>Exact cell volumes ∫ x^k dx, N.</summary>
    public double[] Volumes { get; }

    /// <summary>Face areas x^k, N + 1 (zero at r = 0 of a cylinder or sphere).</summary>
    public double[] FaceAreas { get; }

    /// <summary>Region index of each cell, N.</summary>
    public int[] CellRegion { get; }

    /// <summary>Cells in each region.</summary>
    public int[] CellsPerRegion { get; }

    /// <summary>Region boundaries: Start, the interfaces, End.</summary>
    public double[] RegionBounds { get; }

    /// <summary>∫ x^k dx over the domain or over one region (the measure volume averages divide by).</summary>
    public double TotalVolume(int? region = null)
    {
        double sum = 0;
        for (int i = 0; i < CellCount; i++)
        {
            if (region is null || CellRegion[i] == region.Value)
            {
                sum += Volumes[i];
            }
        }

        return sum;
    }

    /// <summary>Σ values_i V_i: the midpoint-rule integral ∫ u x^k dx over the domain or a region.</summary>
    public double Integral(IReadOnlyList<double> values, int? region = null)
    {
        CheckCellArray(values);
        CheckRegion(region);
        double sum = 0;
        for (int i = 0; i < CellCount; i++)
        {
            if (region is null || CellRegion[i] == region.Value)
            {
                sum += values[i] * Volumes[i];
            }
        }

        return sum;
    }

    /// <summary>Volume average Σ u_i V_i / Σ V_i over the domain or one region (the observable "mean(u over region)").</summary>
    public double VolumeAverage(IReadOnlyList<double> values, int? region = null)
    {
        return Integral(values, region) / TotalVolume(region);
    }

    /// <summary>The same mesh with every length divided by <paramref name="length"/> (ξ = x / L).</summary>
    public FiniteVolumeMesh Scaled(double length)
    {
        if (!(length > 0) || !double.IsFinite(length))
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "The length scale must be positive and finite.");
        }

        var bounds = new double[RegionBounds.Length];
        for (int i = 0; i < bounds.Length; i++)
        {
            bounds[i] = RegionBounds[i] / length;
        }

        // Same cell counts per region (re-distributing the scaled lengths could round differently).
        return new FiniteVolumeMesh(Geometry, bounds, (int[])CellsPerRegion.Clone());
    }

    /// <summary>Index of the cell that contains <paramref name="x"/> (clamped to the domain).</summary>
    public int CellContaining(double x)
    {
        int index = Array.BinarySearch(Faces, x);
        int cell = index >= 0 ? index : ~index - 1;
        return Math.Clamp(cell, 0, CellCount - 1);
    }

    /// <summary>∫ x^k dx between two faces (per unit area / radian / steradian).</summary>
    public static double CellVolume(Geometry geometry, double left, double right) => geometry switch
    {
        Geometry.Slab => right - left,
        Geometry.Cylinder => 0.5 * (right - left) * (right + left),
        Geometry.Sphere => (right - left) * (right * right + right * left + left * left) / 3.0,
        _ => throw new ArgumentOutOfRangeException(nameof(geometry), geometry, "Unknown geometry."),
    };

    /// <summary>Face area x^k.</summary>
    public static double FaceArea(Geometry geometry, double x) => geometry switch
    {
        Geometry.Slab => 1.0,
        Geometry.Cylinder => x,
        Geometry.Sphere => x * x,
        _ => throw new ArgumentOutOfRangeException(nameof(geometry), geometry, "Unknown geometry."),
    };

    private static double[] RegionBoundsOf(Geometry geometry, double start, double end, IReadOnlyList<double> interfaces)
    {
        ArgumentNullException.ThrowIfNull(interfaces);
        ValidateDomain(geometry, start, end, interfaces);
        var bounds = new double[interfaces.Count + 2];
        bounds[0] = start;
        for (int i = 0; i < interfaces.Count; i++)
        {
            bounds[i + 1] = interfaces[i];
        }

        bounds[^1] = end;
        return bounds;
    }

    internal static void ValidateDomain(Geometry geometry, double start, double end, IReadOnlyList<double> interfaces)
    {
        if (!Enum.IsDefined(geometry))
        {
            throw new ArgumentOutOfRangeException(nameof(geometry), geometry, "Unknown geometry.");
        }

        if (!double.IsFinite(start) || !double.IsFinite(end) || end <= start)
        {
            throw new ArgumentException(Invariant($"The domain end must be greater than its start, but start = {start} m and end = {end} m."));
        }

        if (geometry != Geometry.Slab && start < 0)
        {
            throw new ArgumentException(Invariant($"A {geometry.ToString().ToLowerInvariant()} domain must start at r >= 0, but start = {start} m."));
        }

        double previous = start;
        for (int i = 0; i < interfaces.Count; i++)
        {
            double x = interfaces[i];
            if (!(x > previous && x < end))
            {
                throw new ArgumentException(Invariant(
                    $"Interface {i} at x = {x} m must lie strictly inside ({start} m, {end} m) and after the previous interface ({previous} m)."));
            }

            previous = x;
        }
    }

    private static int[] DistributeCells(double[] bounds, int cells)
    {
        if (cells <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cells), cells, "The number of cells must be positive.");
        }

        int regions = bounds.Length - 1;
        double length = bounds[^1] - bounds[0];
        var counts = new int[regions];
        var remainders = new double[regions];
        int assigned = 0;
        for (int r = 0; r < regions; r++)
        {
            double ideal = cells * (bounds[r + 1] - bounds[r]) / length;
            counts[r] = (int)Math.Floor(ideal);
            remainders[r] = ideal - counts[r];
            assigned += counts[r];
        }

        // Largest remainder first; ties go to the earlier region (deterministic).
        while (assigned < cells)
        {
            int best = 0;
            for (int r = 1; r < regions; r++)
            {
                if (remainders[r] > remainders[best])
                {
                    best = r;
                }
            }

            counts[best]++;
            remainders[best] = -1;
            assigned++;
        }

        // Enforce the minimum, taking the cells back from the largest regions while they can spare them.
        for (int r = 0; r < regions; r++)
        {
            while (counts[r] < MinimumCellsPerRegion)
            {
                counts[r]++;
                int donor = -1;
                for (int q = 0; q < regions; q++)
                {
                    if (q != r && counts[q] > MinimumCellsPerRegion && (donor < 0 || counts[q] > counts[donor]))
                    {
                        donor = q;
                    }
                }

                if (donor >= 0)
                {
                    counts[donor]--;
                }
            }
        }

        return counts;
    }

    private void CheckCellArray(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != CellCount)
        {
            throw new ArgumentException(Invariant($"Expected one value per cell ({CellCount}), got {values.Count}."), nameof(values));
        }
    }

    private void CheckRegion(int? region)
    {
        if (region is { } r && (r < 0 || r >= RegionCount))
        {
            throw new ArgumentOutOfRangeException(nameof(region), r, Invariant($"The mesh has regions 0..{RegionCount - 1}."));
        }
    }
}
