using System;
using System.IO;
using System.Linq;
using NmrDsl.Runtime.IO;
using NmrDsl.Runtime.Mas;
using NmrDsl.Runtime.Spin;
using NmrDsl.Runtime.Tests.IO;

namespace NmrDsl.Runtime.Tests.Mas;

/// <summary>
/// Spectra of parameter distributions ("NMR lineshapes reflect the distribution of NMR parameters",
/// /work/shared/seeds/ml-nmr-oxide-glasses-talk.txt) and spin-½ sites in the fast-spinning limit.
/// </summary>
public sealed class MasDistributionTests
{
    [Fact]
    public void FirstMomentOfADistributionIsTheMeanShiftIncludingTheQuadrupolarInducedShift()
    {
        // 200 ¹⁷O sites at 14.1 T: δ_iso ~ N(60, 8) ppm, C_Q ~ U(3, 7) MHz, η ~ U(0, 1). The centre of gravity of a
        // CT MAS line is δ_iso + δ_QIS (Freude & Haase formula, SecondOrderQuadrupolar.IsotropicShiftPpm), so the spectrum's
        // first moment must be the weighted mean of δ_iso + δ_QIS. Error budget: ZCW rectangle rule (|Δ⟨Q⟩| ≤ 4e-5 per unit
        // scale, scale ≤ 150 ppm here → ≤ 0.006 ppm); linear deposit and the symmetric Gaussian keep the mean exactly.
        var random = new Random(17);
        var sites = Enumerable.Range(0, 200).Select(_ =>
            new QuadrupolarSite(60 + 8 * Normal(random), 3 + 4 * random.NextDouble(), random.NextDouble(), 0.5 + random.NextDouble())).ToArray();
        var simulator = new MasSpectrumSimulator(QuadrupolarIsotopes.O17, 14.1, 20);
        MasSpectrum spectrum = simulator.Simulate(sites, new PpmAxis(-150, 200, 3501), 2.0);
        double expected = sites.Sum(s => s.Weight * (s.IsotropicShiftPpm + SecondOrderQuadrupolar.IsotropicShiftPpm(QuadrupolarIsotopes.O17, 14.1, s.CqMHz, s.Eta))) / sites.Sum(s => s.Weight);
        double meanQis = sites.Average(s => SecondOrderQuadrupolar.IsotropicShiftPpm(QuadrupolarIsotopes.O17, 14.1, s.CqMHz, s.Eta));
        Assert.True(meanQis < -10, $"the test needs a sizeable quadrupolar shift, got {meanQis} ppm");
        Assert.Equal(0, spectrum.OutsideWeight);
        Assert.Equal(sites.Sum(s => s.Weight), spectrum.Area(), 1e-9);
        Assert.Equal(expected, spectrum.FirstMoment(), 0.006);
        // Parallel over fixed chunks of sites, merged in order: bit-identical on a second run.
        Assert.Equal(spectrum.Intensity, simulator.Simulate(sites, new PpmAxis(-150, 200, 3501), 2.0).Intensity);
    }

    [Fact]
    public void SpinHalfSitesGiveIsotropicGaussianLinesWhateverTheirAnisotropy()
    {
        // Fast-spinning limit: only δ_iso survives. One site with a large CSA, Gaussian FWHM 1.5 ppm: the line must peak at
        // δ_iso, have the stated FWHM (to one bin) and first moment δ_iso.
        var simulator = new MasSpectrumSimulator(Isotope.Si29, 9.4);
        Assert.Null(simulator.Pattern);
        var axis = new PpmAxis(-130, -70, 6001);
        MasSpectrum spectrum = simulator.Simulate([new ChemicalShiftSite(-101.3, 80, 0.4)], axis, 1.5);
        Assert.Equal(-101.3, spectrum.FirstMoment(), 1e-9);
        double max = spectrum.Intensity.Max();
        double[] above = axis.Values().Where((_, i) => spectrum.Intensity[i] >= max / 2).ToArray();
        Assert.Equal(1.5, above[^1] - above[0], 2 * axis.Step);
        Assert.Equal(1, spectrum.Area(), 1e-9);
    }

    [Fact]
    public void SpinHalfIsotopeCannotTakeQuadrupolarSitesAndSpinHalfHasNoSecondOrderScale()
    {
        var simulator = new MasSpectrumSimulator(Isotope.C13, 9.4);
        Assert.Throws<InvalidOperationException>(() => simulator.Simulate([new QuadrupolarSite(0, 1, 0)], new PpmAxis(-1, 1, 10), 0));
        Assert.Throws<ArgumentException>(() => SecondOrderQuadrupolar.ScalePpm(Isotope.C13, 9.4, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuadrupolarSite(0, 1, 1.2));
    }

    [Fact]
    public void ZcwSetHasFibonacciSizeAndUniformCosBeta()
    {
        PowderOrientations zcw = PowderOrientations.Zcw(20);
        Assert.Equal(28657, zcw.Count);
        // Equal weights reproduce ⟨cos²β⟩ = 1/3 and ⟨cos²β sin²β cos 2α⟩-type harmonics vanish (to O(1/N)).
        Assert.Equal(1.0 / 3, zcw.Beta.Average(b => Math.Cos(b) * Math.Cos(b)), 1e-4);
        Assert.Equal(0, zcw.Alpha.Select((a, j) => Math.Cos(2 * a) * Math.Pow(Math.Sin(zcw.Beta[j]), 2)).Average(), 1e-3);
    }

    [Fact]
    public void CsvAndPlotAreWritten()
    {
        using var folder = new TempFolder();
        var simulator = new MasSpectrumSimulator(QuadrupolarIsotopes.Na23, 11.7, 14);
        var axis = new PpmAxis(-40, 10, 501);
        MasSpectrum a = simulator.Simulate([new QuadrupolarSite(0, 2.5, 0.2)], axis, 0.5);
        MasSpectrum b = simulator.Simulate([new QuadrupolarSite(-5, 1.5, 0.8)], axis, 0.5);
        MasSpectrumWriter.WriteCsv(folder.File("mas.csv"), ["site_a", "site_b"], [a, b]);
        MasSpectrumWriter.SavePlot(folder.File("mas.png"), "23Na MAS", ["site_a", "site_b"], [a, b]);
        CsvTable table = CsvTable.Read(folder.File("mas.csv"));
        Assert.Equal(axis.Values(), table.Column("delta_ppm"));
        Assert.Equal(b.Intensity, table.Column("site_b"));
        Assert.True(new FileInfo(folder.File("mas.png")).Length > 1000);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
