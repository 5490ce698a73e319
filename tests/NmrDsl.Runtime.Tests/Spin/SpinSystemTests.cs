using System;
using System.Linq;
using NmrDsl.Runtime.Spin;

namespace NmrDsl.Runtime.Tests.Spin;

// Parameters and conventions: /work/shared/reference/spin-dynamics.md §2.2, §2.4.
public sealed class SpinSystemTests
{
    [Fact]
    public void IsotopeTableHasProtonGyromagneticRatio()
    {
        // CODATA 2018: γp/2π = 42.577478518 MHz/T; tolerance 1e-9 relative.
        Assert.True(SpinTestHelpers.RelativeError(Isotope.H1.LarmorFrequencyHz(1), 42.577478518e6) < 1e-9);
        Assert.Same(Isotope.C13, Isotope.FromSymbol("13c"));
        Assert.True(Isotope.N15.Gamma < 0);
        var ex = Assert.Throws<ArgumentException>(() => Isotope.FromSymbol("7Li"));
        Assert.Contains("Unknown isotope '7Li'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OffsetIsShiftDifferenceTimesLarmorFrequency()
    {
        // ν = (δ − δref)·1e-6·γB0/2π exactly (definition); tolerance 1e-12 relative.
        SpinSystem glu = Metabolites.Glutamate(2.89);
        double expected = (3.7433 - 4.65) * 1e-6 * Isotope.H1.Gamma * 2.89 / (2 * Math.PI);
        Assert.True(SpinTestHelpers.RelativeError(glu.OffsetHz(0), expected) < 1e-12);
        Assert.Equal(32, glu.Dimension);
    }

    [Fact]
    public void ValidationNamesTheProblem()
    {
        SpinSite h = new("A", Isotope.H1, 1);
        Assert.Contains("used twice", Assert.Throws<ArgumentException>(() => new SpinSystem("s", [h, h], [], 3, 0)).Message, StringComparison.Ordinal);
        Assert.Contains("spin 2/2", Assert.Throws<ArgumentException>(() => new SpinSystem("s", [new SpinSite("D", Isotope.H2, 1)], [], 3, 0)).Message, StringComparison.Ordinal);
        Assert.Contains("coupled to itself", Assert.Throws<ArgumentException>(() => new SpinSystem("s", [h], [new ScalarCoupling(0, 0, 1)], 3, 0)).Message, StringComparison.Ordinal);
        Assert.Contains("outside 0..0", Assert.Throws<ArgumentException>(() => new SpinSystem("s", [h], [new ScalarCoupling(0, 3, 1)], 3, 0)).Message, StringComparison.Ordinal);
        Assert.Contains("positive finite", Assert.Throws<ArgumentException>(() => new SpinSystem("s", [h], [], -1, 0)).Message, StringComparison.Ordinal);
        Assert.Contains("given twice", Assert.Throws<ArgumentException>(() => new SpinSystem("s", [h, h with { Name = "B" }], [new ScalarCoupling(0, 1, 1), new ScalarCoupling(1, 0, 2)], 3, 0)).Message, StringComparison.Ordinal);
        Assert.Contains("T2", Assert.Throws<ArgumentException>(() => RelaxationModel.Uniform(1, 1, 3)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GlutamineSplitsIntoCoupledGroups()
    {
        // Reference sheet §2.4: Gln is 2^5 + 2^1 + 2^1.
        var groups = Metabolites.Glutamine(3).CoupledGroups();
        Assert.Equal(new[] { 5, 1, 1 }, groups.Select(g => g.Count).ToArray());
        Assert.Equal(8, groups[0].Couplings.Count);
    }

    [Fact]
    public void OperatorsSatisfyAngularMomentumCommutators()
    {
        // [Ix, Iy] = i Iz for every spin; tolerance 1e-15 absolute (exact small integers/halves).
        var ops = new SpinOperators(3);
        for (int k = 0; k < 3; k++)
        {
            ComplexMatrix c = ComplexMatrix.Commutator(ops.Ix(k), ops.Iy(k));
            Assert.True(ComplexMatrix.MaxAbsDifference(c, System.Numerics.Complex.ImaginaryOne * ops.Iz(k)) < 1e-15);
            Assert.True(ComplexMatrix.MaxAbsDifference(ops.Plus(k), ops.Ix(k) + (System.Numerics.Complex.ImaginaryOne * ops.Iy(k))) < 1e-15);
        }

        // Different spins commute.
        Assert.True(ComplexMatrix.Commutator(ops.Ix(0), ops.Iy(2)).MaxAbs() < 1e-15);
    }
}

// The product kernel: /work/shared/reference/spin-dynamics.md §4.3 (kernel choice); SIMD vs scalar path.
public sealed class ComplexMatrixTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 5, 7)]
    [InlineData(8, 8, 8)]
    [InlineData(33, 17, 32)]
    public void VectorisedProductMatchesScalarKernel(int rows, int inner, int columns)
    {
        // Tolerance 1e-13 max-abs for entries of size ≲ inner (round-off of a length-`inner` dot product).
        var random = new Random(rows * 1000 + columns);
        static ComplexMatrix Fill(int r, int c, Random random)
        {
            var m = new ComplexMatrix(r, c);
            for (int i = 0; i < r; i++)
            {
                for (int j = 0; j < c; j++) m[i, j] = new System.Numerics.Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5);
            }

            return m;
        }

        ComplexMatrix a = Fill(rows, inner, random), b = Fill(inner, columns, random);
        var scalar = new ComplexMatrix(rows, columns);
        ComplexMatrix.MultiplyAddScalar(a, b, scalar);
        Assert.True(ComplexMatrix.MaxAbsDifference(a * b, scalar) < 1e-13);
    }
}
