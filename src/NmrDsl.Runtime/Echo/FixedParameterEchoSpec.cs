using System;
using System.Collections.Generic;
using System.Linq;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// A spec's echo block with some parameters held at one value (<c>nmrdsl dataset --set d=4.5</c>): their ranges collapse
/// to that value, the others keep their declared ranges. Curve i still consumes one uniform draw per parameter
/// (<see cref="EchoDataset.Draw"/>), so the free parameters and the offsets of curve i are exactly those of the
/// unfixed dataset with the same seed: a conditional slice of it, which is what a study of one parameter at fixed
/// others needs.
/// </summary>
public sealed class FixedParameterEchoSpec : IEchoSpec
{
    private readonly EchoParameterRange[] _parameters;
    private readonly Dictionary<string, double> _fixed;

    /// <summary>Holds <paramref name="values"/> (runtime units: alpha in MHz, the others dimensionless) of <paramref name="spec"/> fixed.</summary>
    public FixedParameterEchoSpec(IEchoSpec spec, IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(values);
        foreach (string name in values.Keys)
        {
            if (!spec.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.Ordinal)))
            {
                throw new ArgumentException("echo block " + spec.Name + " has no parameter '" + name + "'", nameof(values));
            }
        }
        Name = spec.Name;
        Model = spec.Model;
        _fixed = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var pair in spec.Fixed) _fixed[pair.Key] = pair.Value;
        foreach (var pair in values) _fixed[pair.Key] = pair.Value;
        _parameters = spec.Parameters.Select(p => _fixed.TryGetValue(p.Name, out double v) ? p.Fixed(v) : p).ToArray();
        Defaults = EchoParameters.FromArray(Array.ConvertAll(_parameters, p => p.Default));
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public EchoModel Model { get; }

    /// <inheritdoc/>
    public IReadOnlyList<EchoParameterRange> Parameters => _parameters;

    /// <inheritdoc/>
    public EchoParameters Defaults { get; }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> Fixed => _fixed;

    /// <inheritdoc/>
    public EchoSample Sample(ulong datasetSeed, long index) => EchoDataset.Draw(Model, _parameters, datasetSeed, index);
}
