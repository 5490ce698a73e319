using System;
using System.IO;
using NmrDsl.Runtime.Plotting;
using NmrDsl.Runtime.Tests.IO;

namespace NmrDsl.Runtime.Tests.Plotting;

public sealed class PlotTests
{
    private static readonly byte[] PngSignature = { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A };

    internal static void AssertNonTrivialPng(string path)
    {
        // A PNG signature and more than a blank canvas: an 800×500 plot with text and lines compresses to
        // well over 10 kB, an empty one to ~3 kB.
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.True(bytes.Length > 10_000, $"{path}: only {bytes.Length} bytes");
    }

    [Fact]
    public void LinePlotWritesAPng()
    {
        using var folder = new TempFolder();
        string path = folder.File("lines.png");
        double[] t = new double[50], a = new double[50], b = new double[50];
        for (int i = 0; i < t.Length; i++)
        {
            t[i] = i * 6.0;
            a[i] = 1 - Math.Exp(-t[i] / 60);
            b[i] = Math.Exp(-t[i] / 100);
        }

        LinePlot.Save(path, "Relayed DNP build-up", "t (s)", "mean P (1)", new[] { new PlotSeries("y", t, a), new PlotSeries("z", t, b) });
        AssertNonTrivialPng(path);
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void HeatMapWritesAPng()
    {
        using var folder = new TempFolder();
        string path = folder.File("heat.png");
        var values = new double[40, 60];
        for (int r = 0; r < 40; r++)
        {
            for (int c = 0; c < 60; c++)
            {
                values[r, c] = r / 39.0 * c / 59.0; // largest at the top right (large x, large y)
            }
        }

        HeatMapPlot.Save(path, "u(x, t)", "x (µm)", "t (s)", values, new HeatMapExtent(0, 2, 0, 300), "u (1)");
        AssertNonTrivialPng(path);
    }

    [Fact]
    public void LegendGoesToTheEmptiestCorner()
    {
        // Two build-up curves (fast to 95, slow to 25): the lower right is empty, the upper corners are not.
        double[] t = new double[101], y = new double[101], z = new double[101];
        for (int i = 0; i < t.Length; i++)
        {
            t[i] = 3 * i;
            y[i] = 25 * (1 - Math.Exp(-t[i] / 40));
            z[i] = 95 * (1 - Math.Exp(-t[i] / 4));
        }

        Assert.Equal(ScottPlot.Alignment.LowerRight, LinePlot.EmptiestCorner(new[] { new PlotSeries("y", t, y), new PlotSeries("z", t, z) }));
    }

    [Fact]
    public void MismatchedSeriesAreRejected()
    {
        Assert.Throws<ArgumentException>(() => new PlotSeries("bad", new double[3], new double[2]));
    }

    [Theory]
    [InlineData(2e-6, "m", 1e-6, "µm")]
    [InlineData(150e-9, "m", 1e-9, "nm")]
    [InlineData(0.25, "s", 1e-3, "ms")]
    [InlineData(300, "s", 1, "s")]
    [InlineData(0, "s", 1, "s")]
    public void UnitPrefixIsReadable(double magnitude, string unit, double factor, string prefixed)
    {
        Assert.Equal((factor, prefixed), UnitPrefix.Choose(magnitude, unit));
    }
}
