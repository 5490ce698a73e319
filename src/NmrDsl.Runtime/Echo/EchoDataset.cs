using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// Dataset generation split into independent units (reference: /work/shared/reference/echo-challenge.md §1.2
/// data_gen.jl and spin_echos_from_file.jl: parameters i.i.d. uniform, a fresh offset draw per curve). Curve c of a
/// dataset with seed S has parameters from the stream Derive(S, 2c) and offsets from Derive(S, 2c + 1)
/// (<see cref="EchoRandom.Derive"/>), so any range of curves can be generated anywhere, in any order, on any number of
/// threads, and concatenates to the same dataset bit for bit.
/// </summary>
public static class EchoDataset
{
    /// <summary>
    /// Curve <paramref name="index"/> of the dataset seeded <paramref name="datasetSeed"/> for declared
    /// <paramref name="ranges"/> (alpha, xi, p, d): one uniform draw per parameter from the stream
    /// EchoRandom.Derive(S, 2i), even for a fixed (collapsed) range, so fixing one parameter leaves the others' values
    /// unchanged; offsets from <see cref="OffsetSeedOf"/>. Runs on the calling thread (parallelism is across curves).
    /// </summary>
    public static EchoSample Draw(EchoModel model, IReadOnlyList<EchoParameterRange> ranges, ulong datasetSeed, long index)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ranges);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var random = new EchoRandom(EchoRandom.Derive(datasetSeed, 2 * (ulong)index));
        var values = new double[ranges.Count];
        for (int j = 0; j < values.Length; j++)
        {
            values[j] = ranges[j].FromUniform(random.NextDouble());
        }
        var parameters = EchoParameters.FromArray(values);
        ulong offsetSeed = OffsetSeedOf(datasetSeed, index);
        return new EchoSample(index, offsetSeed, parameters, Unit(model with { SpinParallelism = 1 }, parameters, offsetSeed));
    }

    /// <summary>Parameters of curve <paramref name="index"/>, drawn from the reference prior (<see cref="EchoParameters.Sample"/>).</summary>
    public static EchoParameters ParametersOf(ulong datasetSeed, long index) =>
        EchoParameters.Sample(new EchoRandom(EchoRandom.Derive(datasetSeed, 2 * (ulong)index)));

    /// <summary>Seed of the offset draw of curve <paramref name="index"/>.</summary>
    public static ulong OffsetSeedOf(ulong datasetSeed, long index) => EchoRandom.Derive(datasetSeed, 2 * (ulong)index + 1);

    /// <summary>The dataset unit: (parameters, seed) → curve. Same as <see cref="EchoSimulator.Simulate(EchoModel, EchoParameters, ulong)"/>.</summary>
    public static EchoCurve Unit(EchoModel model, EchoParameters parameters, ulong seed) => EchoSimulator.Simulate(model, parameters, seed);

    /// <summary>
    /// Curves <paramref name="start"/> … start + count − 1 of the dataset seeded <paramref name="datasetSeed"/>, in
    /// index order, computed in parallel over curves (each curve sequential inside, whatever
    /// <see cref="EchoModel.SpinParallelism"/> says).
    /// </summary>
    public static EchoCurve[] Generate(EchoModel model, ulong datasetSeed, long start, int count, int maxDegreeOfParallelism = -1, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        EchoModel sequential = model with { SpinParallelism = 1 };
        var curves = new EchoCurve[count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = ct };
        Parallel.For(0, count, options, c =>
        {
            long index = start + c;
            curves[c] = Unit(sequential, ParametersOf(datasetSeed, index), OffsetSeedOf(datasetSeed, index));
        });
        return curves;
    }
}
