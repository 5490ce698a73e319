using System.Linq;
using NmrDsl.Runtime.Pde;

namespace NmrDsl.Runtime.Tests.Pde;

/// <summary>field.csv is thinned for large solves: at most the cap, evenly strided, first and last kept.</summary>
public sealed class FieldTableThinningTests
{
    [Theory]
    [InlineData(4000, 400)]
    [InlineData(600, 201)]
    [InlineData(401, 400)]
    [InlineData(200, 400)]
    [InlineData(2, 201)]
    public void Thinned_indices_respect_the_cap_and_keep_both_ends(int count, int max)
    {
        int[] kept = PdeReport.Thinned(count, max);
        Assert.True(kept.Length <= max, $"{kept.Length} > {max}");
        Assert.Equal(0, kept[0]);
        Assert.Equal(count - 1, kept[^1]);
        Assert.True(kept.Zip(kept.Skip(1)).All(p => p.Second > p.First), "strictly increasing");
        if (count <= max) Assert.Equal(count, kept.Length);
        else Assert.True(kept.Length >= max / 2, "thinning keeps a useful resolution");
    }
}
