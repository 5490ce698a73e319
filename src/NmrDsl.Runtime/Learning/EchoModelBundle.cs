using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NmrDsl.Runtime.IO;
using NmrDsl.Runtime.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace NmrDsl.Runtime.Learning;

/// <summary>
/// A trained model: <see cref="Manifest"/> (model.json) and the network whose state is weights.bin (TorchSharp
/// <c>Module.save</c>). <see cref="Predict"/> maps curves to parameter values in their units.
/// </summary>
public sealed class EchoModelBundle : IDisposable
{
    /// <summary>model.json.</summary>
    public const string ManifestFile = "model.json";

    /// <summary>weights.bin.</summary>
    public const string WeightsFile = "weights.bin";

    internal EchoModelBundle(EchoModelManifest manifest, nn.Module<Tensor, Tensor> network)
    {
        Manifest = manifest;
        Network = network;
    }

    /// <summary>Architecture, features, scalers.</summary>
    public EchoModelManifest Manifest { get; }

    /// <summary>The network (float32, CPU).</summary>
    public nn.Module<Tensor, Tensor> Network { get; }

    /// <summary>Loads MODELDIR; <see cref="FileNotFoundException"/> or <see cref="DataFormatException"/> for a missing or malformed model.</summary>
    public static EchoModelBundle Load(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        string manifestPath = Path.Combine(folder, ManifestFile);
        string weightsPath = Path.Combine(folder, WeightsFile);
        if (!File.Exists(manifestPath))
        {
            throw new FileNotFoundException($"{manifestPath}: file not found (a model folder written by 'nmrdsl train' holds model.json and weights.bin).", manifestPath);
        }

        if (!File.Exists(weightsPath))
        {
            throw new FileNotFoundException($"{weightsPath}: file not found (a model folder written by 'nmrdsl train' holds model.json and weights.bin).", weightsPath);
        }

        EchoModelManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<EchoModelManifest>(File.ReadAllText(manifestPath), ResultJson.Options)
                ?? throw new DataFormatException($"{manifestPath}: empty model description");
        }
        catch (JsonException ex)
        {
            throw new DataFormatException(manifestPath, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, "not a valid model description: " + ex.Message);
        }

        if (manifest.Format != EchoModelManifest.FormatName || manifest.Version != 1)
        {
            throw new DataFormatException($"{manifestPath}: format '{manifest.Format}' version {manifest.Version}, expected '{EchoModelManifest.FormatName}' version 1");
        }

        int samples;
        try
        {
            samples = manifest.Features.SamplesFor(manifest.Points);
        }
        catch (ArgumentException ex)
        {
            throw new DataFormatException($"{manifestPath}: {ex.Message}");
        }

        int p = manifest.Parameters.Count;
        if (p == 0 || manifest.Scaler.Lower.Length != p || manifest.Scaler.Width.Length != p
            || manifest.FeatureMean.Count != 2 * samples || manifest.FeatureScale.Count != 2 * samples
            || manifest.Architecture is not (EchoNetworks.Mlp or EchoNetworks.Cnn))
        {
            throw new DataFormatException($"{manifestPath}: inconsistent model description (architecture, parameters, scalers or feature statistics)");
        }

        TorchRuntime.EnsureInitialized();
        var network = EchoNetworks.Create(manifest.Architecture, samples, p, manifest.Seed);
        try
        {
            network.load(weightsPath);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            network.Dispose();
            throw new DataFormatException($"{weightsPath}: the weights do not fit the model of model.json ({ex.Message})");
        }

        return new EchoModelBundle(manifest, network);
    }

    /// <summary>Writes model.json and weights.bin into <paramref name="folder"/> (weights through a temporary file and a rename).</summary>
    public void Save(string folder)
    {
        SaveWeights(Network, Path.Combine(folder, WeightsFile));
        ResultJson.Write(Path.Combine(folder, ManifestFile), Manifest);
    }

    /// <summary>Writes the module state to <paramref name="path"/> atomically.</summary>
    public static void SaveWeights(nn.Module<Tensor, Tensor> network, string path)
    {
        ArgumentNullException.ThrowIfNull(network);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temporary = full + ".tmp";
        network.save(temporary);
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Standardised features [n, 2L] for curves of the manifest's length.</summary>
    public float[] Features(float[][] curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        float[] x = Manifest.Features.Build(curves, Manifest.Points);
        int width = Manifest.FeatureMean.Count;
        float[] mean = Manifest.FeatureMean.Select(v => (float)v).ToArray();
        float[] scale = Manifest.FeatureScale.Select(v => (float)v).ToArray();
        for (int i = 0; i < x.Length; i++)
        {
            int j = i % width;
            x[i] = (x[i] - mean[j]) / scale[j];
        }

        return x;
    }

    /// <summary>Parameter values [n][P] (in the manifest's units) for the curves of <paramref name="data"/>.</summary>
    public double[][] Predict(EchoDatasetData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Manifest.Points != Manifest.Points)
        {
            throw new DataFormatException($"the input curves have {data.Manifest.Points} samples but the model was trained on {Manifest.Points}");
        }

        return Manifest.Scaler.Unscale(Forward(Network, Features(data.Curves), data.Count, Manifest.FeatureMean.Count, Manifest.Parameters.Count), data.Count);
    }

    /// <summary>Network outputs [n, P] (scaled) for standardised features [n, width], in batches of 512 without gradients.</summary>
    internal static float[] Forward(nn.Module<Tensor, Tensor> network, float[] features, int count, int width, int outputs)
    {
        var result = new float[count * outputs];
        network.eval();
        using var noGrad = torch.no_grad();
        const int batch = 512;
        for (int start = 0; start < count; start += batch)
        {
            int n = Math.Min(batch, count - start);
            using var scope = torch.NewDisposeScope();
            var x = torch.tensor(features.AsSpan(start * width, n * width).ToArray(), new long[] { n, width });
            var y = network.forward(x);
            y.data<float>().ToArray().CopyTo(result, start * outputs);
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose() => Network.Dispose();
}
