using System;
using NmrDsl.Runtime.Echo;

namespace NmrDsl.Runtime.Tests.Echo;

/// <summary>
/// Dataset units are independent and deterministic (reference: /work/shared/reference/echo-challenge.md §1.2:
/// i.i.d. uniform parameters, a fresh offset draw per curve). 6×6 lattice: only the bookkeeping is under test.
/// </summary>
public sealed class DatasetTests
{
    private static readonly EchoModel Tiny = new() { Lattice = new SquareLattice(6) };

    /// <summary>
    /// Curves 0–5 of dataset 99 are bit-identical whether generated on 1 or 2 threads, as one range or as ranges 3–5
    /// then 0–2, or unit by unit in reverse order through <see cref="EchoDataset.Unit"/>. Tolerance: exact equality.
    /// </summary>
    [Fact]
    public void UnitsAreIdenticalRegardlessOfSchedule()
    {
        EchoCurve[] one = EchoDataset.Generate(Tiny, 99, 0, 6, maxDegreeOfParallelism: 1);
        EchoCurve[] two = EchoDataset.Generate(Tiny, 99, 0, 6, maxDegreeOfParallelism: 2);
        EchoCurve[] tail = EchoDataset.Generate(Tiny, 99, 3, 3);
        EchoCurve[] head = EchoDataset.Generate(Tiny, 99, 0, 3);
        for (int c = 0; c < 6; c++)
        {
            Assert.Equal(one[c].Samples, two[c].Samples);
            Assert.Equal(one[c].Samples, (c < 3 ? head[c] : tail[c - 3]).Samples);
            Assert.Equal(one[c].Parameters, two[c].Parameters);
        }

        for (int c = 5; c >= 0; c--)
        {
            EchoCurve unit = EchoDataset.Unit(Tiny, EchoDataset.ParametersOf(99, c), EchoDataset.OffsetSeedOf(99, c));
            Assert.Equal(one[c].Samples, unit.Samples);
        }

        Assert.NotEqual(one[0].Samples, one[1].Samples);
    }

    /// <summary>
    /// 4,000 prior draws stay in the reference ranges α ∈ [0, 0.2), ξ ∈ (0, 20], p ∈ [2, 4), d ∈ [3, 6), and their means
    /// are within 4 standard errors (w/√12/√4000) of the uniform means 0.1, 10, 3, 4.5.
    /// </summary>
    [Fact]
    public void ParametersFollowTheReferencePrior()
    {
        const int count = 4000;
        var sum = new double[4];
        for (int c = 0; c < count; c++)
        {
            double[] v = EchoDataset.ParametersOf(5, c).ToArray();
            for (int j = 0; j < 4; j++)
            {
                double lo = EchoParameters.Lower[j], hi = lo + EchoParameters.Width[j];
                Assert.True(j == 1 ? v[j] > lo && v[j] <= hi : v[j] >= lo && v[j] < hi, $"{EchoParameters.Names[j]} = {v[j]}");
                sum[j] += v[j];
            }
        }

        for (int j = 0; j < 4; j++)
        {
            double mean = sum[j] / count;
            double expected = EchoParameters.Lower[j] + EchoParameters.Width[j] / 2;
            double standardError = EchoParameters.Width[j] / Math.Sqrt(12.0 * count);
            Assert.True(Math.Abs(mean - expected) < 4 * standardError, $"{EchoParameters.Names[j]}: mean {mean}");
        }
    }
}
