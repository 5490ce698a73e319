using System;
using System.Linq;
using NmrDsl.Runtime;
using NmrDsl.Runtime.Echo;

namespace NmrDsl.Specs.Tests;

/// <summary>
/// specs/echo/*.nmr through the source generator: the generated classes carry the declared model and ranges, the
/// challenge spec is the runtime's reference model, and the variants differ only where they say.
/// </summary>
public sealed class EchoSpecsTests
{
    [Fact]
    public void Challenge2020_IsTheReferenceGenerator()
    {
        var spec = new Challenge2020();
        Assert.IsAssignableFrom<ISpecJob>(spec);
        IEchoSpec echo = spec;
        Assert.Equal("Challenge2020", echo.Name);
        Assert.Equal(EchoModel.Reference.Lattice.SiteCount, echo.Model.Lattice.SiteCount);
        Assert.Equal(EchoModel.Reference.Offsets, echo.Model.Offsets);
        Assert.Equal(EchoModel.Reference.TimeGrid, echo.Model.TimeGrid);
        Assert.Equal(471, echo.Model.TimeGrid.SampleCount);
        Assert.Equal(314, echo.Model.TimeGrid.EchoSample);
        Assert.Equal(KernelShape.PowerLaw, echo.Model.Kernel);
        Assert.True(echo.Model.NormalisePerSite);
        Assert.False(echo.Model.Secular);
        Assert.Equal(EchoParameters.Names, echo.Parameters.Select(p => p.Name));
        Assert.Equal(EchoParameters.Lower, echo.Parameters.Select(p => p.Lower));
        Assert.Equal(EchoParameters.Width, echo.Parameters.Select(p => p.Width));
        Assert.Equal(new EchoParameters(0.1, 10, 3, 4.5), echo.Defaults);
        // The declared prior is the reference prior, draw for draw (xi from (0, 20]).
        for (long n = 0; n < 50; n++)
        {
            var random = new EchoRandom(EchoRandom.Derive(42, 2 * (ulong)n));
            double[] values = echo.Parameters.Select(p => p.FromUniform(random.NextDouble())).ToArray();
            Assert.Equal(EchoDataset.ParametersOf(42, n), EchoParameters.FromArray(values));
        }
    }

    [Fact]
    public void Variants_DifferOnlyInKernelNormalisationOrHamiltonian()
    {
        var reference = new Challenge2020().Model;
        Assert.Equal(reference with { NormalisePerSite = false, Lattice = reference.Lattice }, new UnnormalisedKernel().Model with { Lattice = reference.Lattice });
        Assert.Equal(reference with { Secular = true }, new SecularEcho().Model with { Lattice = reference.Lattice });
        Assert.Equal(2500, new UnnormalisedKernel().Model.Lattice.SiteCount);
        Assert.Equal(2500, new SecularEcho().Model.Lattice.SiteCount);
    }
}
