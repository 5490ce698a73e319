using System;

namespace NmrDsl.Runtime.Learning;

/// <summary>
/// The complete records of an echo dataset in memory: curve n is P complex samples M_k stored interleaved
/// (re, im) in <see cref="Curves"/>[n] (2P floats); its labels (one value per manifest parameter) are
/// <see cref="Labels"/>[n], its dataset index and offset seed <see cref="Indices"/>[n] and <see cref="Seeds"/>[n].
/// </summary>
public sealed class EchoDatasetData
{
    /// <summary>Holds the arrays (no copies).</summary>
    public EchoDatasetData(EchoDatasetManifest manifest, float[][] curves, double[][]? labels, long[] indices, ulong[] seeds, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(curves);
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(seeds);
        if (indices.Length != curves.Length || seeds.Length != curves.Length || (labels is not null && labels.Length != curves.Length))
        {
            throw new ArgumentException("Curves, labels, indices and seeds must have one entry per record.");
        }

        Manifest = manifest;
        Curves = curves;
        Labels = labels;
        Indices = indices;
        Seeds = seeds;
        Fingerprint = fingerprint;
    }

    /// <summary>dataset.json.</summary>
    public EchoDatasetManifest Manifest { get; }

    /// <summary>Per record, 2P floats (re₁, im₁, re₂, im₂, …).</summary>
    public float[][] Curves { get; }

    /// <summary>Per record, the parameter values in manifest order; null when the folder has no labels.csv (prediction input).</summary>
    public double[][]? Labels { get; }

    /// <summary>The index column of labels.csv (or 0 … n − 1 without labels).</summary>
    public long[] Indices { get; }

    /// <summary>The seed column of labels.csv (0 without labels).</summary>
    public ulong[] Seeds { get; }

    /// <summary>SHA-256 (hex) of the manifest and of the bytes of the complete records, in that order.</summary>
    public string Fingerprint { get; }

    /// <summary>Number of complete records.</summary>
    public int Count => Curves.Length;

    /// <summary>The labels, or an exception naming the folder when there are none.</summary>
    public double[][] RequireLabels(string folder) =>
        Labels ?? throw new System.IO.FileNotFoundException($"{folder}: the dataset has no {EchoDatasetManifest.LabelsFile}, so it cannot be used for training.");
}
