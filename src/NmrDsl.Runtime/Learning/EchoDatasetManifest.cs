using System.Collections.Generic;

namespace NmrDsl.Runtime.Learning;

/// <summary>
/// <c>DIR/dataset.json</c> of an echo dataset (format "nmrdsl-echo-dataset", version 1, written by <c>nmrdsl dataset</c>):
/// the spec name, the number P of complex samples per curve, the parameter names (the label columns, in order) with
/// their units, the dataset seed, the number of curves requested and the sample times t_k [s].
/// </summary>
/// <param name="Spec">The spec (or model) name that generated the curves.</param>
/// <param name="Points">P, complex samples per curve.</param>
/// <param name="Parameters">Label names in column order.</param>
/// <param name="Units">Unit of each parameter (may be empty).</param>
/// <param name="Seed">Dataset seed.</param>
/// <param name="Count">Curves requested (the files may hold fewer while generation is under way).</param>
/// <param name="TimesSeconds">t_k [s], P values.</param>
public sealed record EchoDatasetManifest(
    string Spec, int Points, IReadOnlyList<string> Parameters, IReadOnlyDictionary<string, string> Units, ulong Seed, long Count, IReadOnlyList<double> TimesSeconds)
{
    /// <summary>The format tag.</summary>
    public const string Format = "nmrdsl-echo-dataset";

    /// <summary>The only version this reader understands.</summary>
    public const int Version = 1;

    /// <summary>Manifest file name.</summary>
    public const string ManifestFile = "dataset.json";

    /// <summary>Curve file name.</summary>
    public const string CurvesFile = "curves.bin";

    /// <summary>Label file name.</summary>
    public const string LabelsFile = "labels.csv";

    /// <summary>The unit of <paramref name="parameter"/>, or "" when none is given.</summary>
    public string UnitOf(string parameter) => Units.TryGetValue(parameter, out string? unit) ? unit : string.Empty;
}
