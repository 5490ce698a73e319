using System.Collections.Generic;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// What an <c>echo</c> block of a spec declares, as the dataset command needs it: the model (lattice, offsets, kernel,
/// Hamiltonian, time grid), the four parameters with their units and sampling ranges, and the dataset unit
/// <see cref="Sample"/>. Generated echo classes implement it (through <see cref="EchoSpecJob"/>).
/// </summary>
public interface IEchoSpec
{
    /// <summary>The echo block's name, e.g. <c>Challenge2020</c>.</summary>
    string Name { get; }

    /// <summary>Everything but the parameters and the seed.</summary>
    EchoModel Model { get; }

    /// <summary>The parameters in sampling and label order: alpha, xi, p, d (<see cref="EchoParameters.Names"/>).</summary>
    IReadOnlyList<EchoParameterRange> Parameters { get; }

    /// <summary>The declared defaults (what <c>nmrdsl simulate</c> runs without overrides).</summary>
    EchoParameters Defaults { get; }

    /// <summary>
    /// Curve <paramref name="index"/> of the dataset seeded <paramref name="datasetSeed"/>: parameters drawn from the
    /// declared ranges with the stream EchoRandom.Derive(S, 2i), offsets from <see cref="EchoDataset.OffsetSeedOf"/>.
    /// Depends on nothing else, so any curve can be recomputed alone, on any thread.
    /// </summary>
    EchoSample Sample(ulong datasetSeed, long index);

    /// <summary>
    /// Parameters held at one value for the whole dataset (<c>nmrdsl dataset --set</c>), in runtime units, by name;
    /// empty for a spec as declared. Recorded in dataset.json so that a resume with other values is refused.
    /// </summary>
    IReadOnlyDictionary<string, double> Fixed => EmptyFixed;

    /// <summary>No fixed parameters.</summary>
    static readonly IReadOnlyDictionary<string, double> EmptyFixed = new Dictionary<string, double>();
}

/// <summary>One dataset record: its index, the seed of its offset draw, its parameters and its curve.</summary>
public sealed record EchoSample(long Index, ulong OffsetSeed, EchoParameters Parameters, EchoCurve Curve);
