using System;
using System.Linq;
using NmrDsl.Runtime.Pde;

namespace NmrDsl.Runtime.Tests.Pde;

public sealed class FiniteVolumeMeshTests
{
    [Fact]
    public void CellsAreDistributedInProportionToRegionLength()
    {
        var mesh = new FiniteVolumeMesh(Geometry.Slab, 0, 4e-6, new[] { 1e-6, 3e-6 }, 200);
        Assert.Equal(new[] { 50, 100, 50 }, mesh.CellsPerRegion);
        Assert.Equal(200, mesh.CellCount);
        Assert.Contains(1e-6, mesh.Faces);
        Assert.Contains(3e-6, mesh.Faces);
        Assert.Equal(0, mesh.Faces[0]);
        Assert.Equal(4e-6, mesh.Faces[^1]);
        Assert.True(mesh.Faces.Zip(mesh.Faces.Skip(1)).All(p => p.Second > p.First));
        Assert.Equal(new[] { 0, 1, 2 }, mesh.CellRegion.Distinct());
    }

    [Fact]
    public void EveryRegionGetsAtLeastTwoCells()
    {
        var mesh = new FiniteVolumeMesh(Geometry.Sphere, 0, 1, new[] { 1e-3 }, 10);
        Assert.Equal(new[] { 2, 8 }, mesh.CellsPerRegion);
        Assert.Equal(10, mesh.CellCount);
    }

    [Theory]
    [InlineData(Geometry.Slab, 1.0)]            // ∫0^R dr = R
    [InlineData(Geometry.Cylinder, 0.5)]        // ∫0^R r dr = R²/2
    [InlineData(Geometry.Sphere, 1.0 / 3.0)]    // ∫0^R r² dr = R³/3
    public void VolumesAreExact(Geometry geometry, double unitVolume)
    {
        const double r = 2e-6;
        var mesh = new FiniteVolumeMesh(geometry, 0, r, new[] { 0.7e-6 }, 37);
        double expected = unitVolume * Math.Pow(r, (int)geometry + 1);
        Assert.Equal(1.0, mesh.TotalVolume() / expected, 14);
        Assert.Equal(geometry == Geometry.Slab ? 1.0 : 0.0, mesh.FaceAreas[0]);
        Assert.Equal(1.0, mesh.FaceAreas[^1] / Math.Pow(r, (int)geometry), 15);
    }

    [Fact]
    public void VolumeAverageOfRadiusInSphereIsThreeQuartersR()
    {
        // mean(r) over a ball = 3R/4; the midpoint rule is second order: error ~ h² / R.
        var mesh = new FiniteVolumeMesh(Geometry.Sphere, 0, 1, Array.Empty<double>(), 400);
        Assert.Equal(0.75, mesh.VolumeAverage(mesh.Centres), 5);
        Assert.Equal(3.0, mesh.VolumeAverage(Enumerable.Repeat(3.0, 400).ToArray()), 14);
    }

    [Fact]
    public void ScaledMeshKeepsTheCellDistribution()
    {
        var mesh = new FiniteVolumeMesh(Geometry.Cylinder, 0, 3e-6, new[] { 1e-6 }, 101);
        FiniteVolumeMesh scaled = mesh.Scaled(3e-6);
        Assert.Equal(mesh.CellsPerRegion, scaled.CellsPerRegion);
        Assert.Equal(1.0, scaled.End);
        Assert.Equal(mesh.Volumes[17] / Math.Pow(3e-6, 2), scaled.Volumes[17], 12);
    }

    [Fact]
    public void InvalidDomainsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FiniteVolumeMesh(Geometry.Slab, 0, 1, Array.Empty<double>(), 0));
        Assert.Throws<ArgumentException>(() => new FiniteVolumeMesh(Geometry.Slab, 1, 1, Array.Empty<double>(), 10));
        Assert.Throws<ArgumentException>(() => new FiniteVolumeMesh(Geometry.Sphere, -1, 1, Array.Empty<double>(), 10));
        Assert.Throws<ArgumentException>(() => new FiniteVolumeMesh(Geometry.Slab, 0, 1, new[] { 1.5 }, 10));
        Assert.Throws<ArgumentException>(() => new FiniteVolumeMesh(Geometry.Slab, 0, 1, new[] { 0.6, 0.4 }, 10));
    }
}
