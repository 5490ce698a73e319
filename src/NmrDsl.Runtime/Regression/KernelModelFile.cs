using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using NmrDsl.Runtime.IO;
using static System.FormattableString;

namespace NmrDsl.Runtime.Regression;

/// <summary>The JSON half of a saved <see cref="KernelModel"/> (<c>model.json</c>).</summary>
/// <param name="Format">always <see cref="KernelModelFile.FormatName"/>.</param>
/// <param name="Version">format version (1).</param>
/// <param name="Kind">training method.</param>
/// <param name="Kernel">kernel family.</param>
/// <param name="Width">kernel width ℓ (standardised feature units).</param>
/// <param name="Ridge">λ (or 1/γ for LSSVR).</param>
/// <param name="Intercept">b (target units).</param>
/// <param name="Dimension">feature count d.</param>
/// <param name="Centres">centre count m.</param>
/// <param name="FeatureMean">scaler means (d).</param>
/// <param name="FeatureStd">scaler standard deviations (d).</param>
/// <param name="WeightsFile">name of the binary file next to model.json.</param>
public sealed record KernelModelManifest(
    string Format, int Version, KernelModelKind Kind, KernelKind Kernel, double Width, double Ridge, double Intercept,
    int Dimension, int Centres, IReadOnlyList<double> FeatureMean, IReadOnlyList<double> FeatureStd, string WeightsFile);

/// <summary>
/// Saves and loads <see cref="KernelModel"/>s as a folder: <c>model.json</c> (<see cref="KernelModelManifest"/>, via
/// <see cref="ResultJson"/>: shortest round-trip numbers) and <c>model.weights.bin</c>: little-endian IEEE float64, the
/// standardised centres (m × d, row-major) then the m coefficients. Both files are written atomically. A load gives a
/// model whose predictions are bit-identical.
/// </summary>
public static class KernelModelFile
{
    /// <summary>Value of the manifest's Format field.</summary>
    public const string FormatName = "nmrdsl-kernel-model";

    /// <summary>Manifest file name.</summary>
    public const string ManifestName = "model.json";

    /// <summary>Weights file name.</summary>
    public const string WeightsName = "model.weights.bin";

    /// <summary>Writes <paramref name="model"/> into <paramref name="directory"/> (created if needed).</summary>
    public static void Save(KernelModel model, string directory)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var values = new double[model.Centres.Length + model.Coefficients.Length];
        model.Centres.CopyTo(values, 0);
        model.Coefficients.CopyTo(values, model.Centres.Length);
        var bytes = new byte[values.Length * sizeof(double)];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)), values[i]);
        }

        AtomicFile.WriteAllBytes(Path.Combine(directory, WeightsName), bytes);
        var manifest = new KernelModelManifest(
            FormatName, 1, model.Kind, model.Kernel.Kind, model.Kernel.Width, model.Ridge, model.Intercept,
            model.Scaler.Dimension, model.CentreCount, model.Scaler.Mean, model.Scaler.Std, WeightsName);
        ResultJson.Write(Path.Combine(directory, ManifestName), manifest);
    }

    /// <summary>Reads a model saved by <see cref="Save"/>.</summary>
    /// <exception cref="DataFormatException">Missing, malformed or inconsistent files (the message names the file).</exception>
    public static KernelModel Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        string manifestPath = Path.Combine(directory, ManifestName);
        KernelModelManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<KernelModelManifest>(File.ReadAllText(manifestPath), ResultJson.Options)
                ?? throw new DataFormatException($"{manifestPath}: empty model manifest.");
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new DataFormatException($"{manifestPath}: cannot read the model manifest: {ex.Message}", ex);
        }

        if (manifest.Format != FormatName || manifest.Version != 1)
        {
            throw new DataFormatException(Invariant($"{manifestPath}: format '{manifest.Format}' version {manifest.Version}; expected '{FormatName}' version 1."));
        }

        if (manifest.FeatureMean is null || manifest.FeatureStd is null || manifest.FeatureMean.Count != manifest.Dimension || manifest.FeatureStd.Count != manifest.Dimension)
        {
            throw new DataFormatException(Invariant($"{manifestPath}: feature scaler does not have {manifest.Dimension} entries."));
        }

        string weightsPath = Path.Combine(directory, Path.GetFileName(manifest.WeightsFile ?? WeightsName));
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(weightsPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DataFormatException($"{weightsPath}: cannot read the model weights: {ex.Message}", ex);
        }

        long centreValues = (long)manifest.Centres * manifest.Dimension;
        long expected = (centreValues + manifest.Centres) * sizeof(double);
        if (bytes.LongLength != expected)
        {
            throw new DataFormatException(Invariant($"{weightsPath}: {bytes.LongLength} bytes; {manifest.Centres} centres of dimension {manifest.Dimension} need {expected}."));
        }

        var centres = new double[centreValues];
        var coefficients = new double[manifest.Centres];
        for (long i = 0; i < centreValues; i++)
        {
            centres[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan((int)(i * sizeof(double))));
        }

        for (int j = 0; j < manifest.Centres; j++)
        {
            coefficients[j] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan((int)((centreValues + j) * sizeof(double))));
        }

        return new KernelModel(
            manifest.Kind, new KernelFunction(manifest.Kernel, manifest.Width), manifest.Ridge,
            new FeatureScaler(manifest.FeatureMean, manifest.FeatureStd), centres, coefficients, manifest.Intercept);
    }
}
