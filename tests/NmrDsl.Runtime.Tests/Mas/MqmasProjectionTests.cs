using System;
using System.Linq;
using NmrDsl.Runtime.Mas;
using NmrDsl.Runtime.Spin;

namespace NmrDsl.Runtime.Tests.Mas;

/// <summary>MQMAS isotropic-projection relations against published values (Frydman &amp; Harwood 1995; Amoureux &amp; Fernandez 1998).</summary>
public sealed class MqmasProjectionTests
{
    private static readonly Isotope I32 = QuadrupolarIsotopes.Na23, I52 = QuadrupolarIsotopes.Al27, I72 = QuadrupolarIsotopes.Ca43;

    [Fact]
    public void MqmasRatiosAreThePublishedOnes()
    {
        // Published 3QMAS ratios: −7/9 (I = 3/2), 19/12 (5/2), 101/45 (7/2); 5QMAS for I = 5/2: −25/12.
        Assert.Equal(-7.0 / 9, MqmasProjection.Ratio(I32, 3), 1e-14);
        Assert.Equal(19.0 / 12, MqmasProjection.Ratio(I52, 3), 1e-14);
        Assert.Equal(101.0 / 45, MqmasProjection.Ratio(I72, 3), 1e-14);
        Assert.Equal(-25.0 / 12, MqmasProjection.Ratio(I52, 5), 1e-14);
        // C0(½) = I(I + 1) − ¾: the CT coefficient of the isotropic shift.
        Assert.Equal(8, MqmasProjection.C0(2.5, 0.5), 1e-14);
    }

    [Fact]
    public void IsotropicShiftFollowsFromF1AndTheF2CentreOfGravity()
    {
        // δ_iso = (17 δ_F1 + 10 δ_F2)/27 (Amoureux & Fernandez's convention), for every spin and coherence order: the
        // F1 factor must be −10/17 in all cases; δ_iso and P_Q must be recovered from (δ_F1, δ_F2).
        foreach ((Isotope isotope, int p) in new[] { (I32, 3), (I52, 3), (I52, 5), (I72, 3), (I72, 5), (I72, 7) })
        {
            Assert.Equal(-10.0 / 17, MqmasProjection.QisFactor(isotope, p), 1e-14);
            var site = new QuadrupolarSite(42.0, 4.0, 0.6);
            double f1 = MqmasProjection.IsotropicDimensionPpm(isotope, 11.7, p, site);
            double f2 = site.IsotropicShiftPpm + SecondOrderQuadrupolar.IsotropicShiftPpm(isotope, 11.7, site.CqMHz, site.Eta);
            Assert.Equal(42.0, MqmasProjection.IsotropicShiftPpm(f1, f2), 1e-10);
            Assert.Equal(4.0 * Math.Sqrt(1 + 0.36 / 3), MqmasProjection.QuadrupolarProductMHz(isotope, 11.7, f1, f2), 1e-10);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => MqmasProjection.Ratio(I32, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => MqmasProjection.Ratio(I52, 2));
    }

    [Fact]
    public void F2CentreOfGravityOfTheSimulatedLineIsTheOneTheRelationUses()
    {
        // The relation needs δ_F2 = δ_iso + δ_QIS: the first moment of a simulated ²³Na CT MAS line (the runtime's
        // rotor average, not the formula) must agree to the ZCW rectangle-rule error (4e-5 × scale ≈ 1e-3 ppm).
        var simulator = new MasSpectrumSimulator(I32, 11.7, 20);
        var site = new QuadrupolarSite(5, 2.6, 0.3);
        MasSpectrum spectrum = simulator.Simulate([site], new PpmAxis(-60, 20, 2001), 0);
        double f2 = spectrum.FirstMoment();
        double f1 = MqmasProjection.IsotropicDimensionPpm(I32, 11.7, 3, site);
        Assert.Equal(5, MqmasProjection.IsotropicShiftPpm(f1, f2), 2e-3);
        Assert.True(spectrum.Intensity.Count(v => v > 0) > 100, "a resolved line, not a spike");
    }
}
