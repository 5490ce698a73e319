using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using NmrDsl.Runtime.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace NmrDsl.Runtime.Learning;

/// <summary>The outcome of <see cref="EchoTrainer.Train"/>.</summary>
/// <param name="Manifest">model.json as written.</param>
/// <param name="Metrics">metrics.json as written.</param>
/// <param name="History">per-epoch losses.</param>
/// <param name="Resumed">true when a checkpoint was continued.</param>
public sealed record TrainingResult(EchoModelManifest Manifest, TrainingMetrics Metrics, IReadOnlyList<EpochRecord> History, bool Resumed);

/// <summary>
/// Trains an <see cref="EchoNetworks"/> regressor on an echo dataset: a seeded split into training, validation and
/// test curves; per-feature standardisation from the training curves; targets scaled by <see cref="TargetScaler"/>;
/// Adam on the mean squared error of the scaled targets (= challenge metric per curve / P for the challenge
/// parameters), mini-batches shuffled per epoch from (seed, epoch); early stopping on the validation loss, keeping the
/// best weights; a checkpoint after every epoch (<see cref="TrainingCheckpoint"/>). Writes MODELDIR/model.json,
/// weights.bin, metrics.json, history.csv and parity_&lt;parameter&gt;.png. One thread (NMRDSL_TORCH_THREADS=1):
/// same seed, same data → same metrics.
/// </summary>
public static class EchoTrainer
{
    /// <summary>Trains on <paramref name="data"/> and writes the model folder <paramref name="outFolder"/>.</summary>
    public static TrainingResult Train(EchoDatasetData data, TrainingOptions options, string outFolder, IProgress<TrainingProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(outFolder);
        options.Validate();
        double[][] labels = data.RequireLabels(outFolder);
        int count = data.Count;
        int nTest = (int)Math.Round(options.TestFraction * count);
        int nValidation = Math.Max(1, (int)Math.Round(options.ValidationFraction * count));
        int nTrain = count - nTest - nValidation;
        if (nTrain < 2)
        {
            throw new ArgumentException($"the dataset has {count} complete records; training needs at least 2 after the validation and test shares");
        }

        TorchRuntime.EnsureInitialized();
        EchoFeatures window = options.Features ?? EchoNetworks.DefaultFeatures(options.Architecture, data.Manifest.Points);
        int samples = window.SamplesFor(data.Manifest.Points);
        int width = 2 * samples;
        int outputs = data.Manifest.Parameters.Count;

        // Seeded split: a Fisher–Yates permutation; test first, then validation, the rest trains.
        int[] order = Permutation(count, new Random(unchecked((int)options.Seed)));
        int[] test = order[..nTest];
        int[] validation = order[nTest..(nTest + nValidation)];
        int[] train = order[(nTest + nValidation)..];

        float[] raw = window.Build(data.Curves, data.Manifest.Points);
        (double[] mean, double[] scale) = Standardisation(raw, train, width);
        float[] x = Standardise(raw, mean, scale, width);
        TargetScaler scaler = TargetScaler.For(data.Manifest.Parameters, train.Select(i => labels[i]).ToArray());
        float[] z = scaler.Scale(labels);

        Directory.CreateDirectory(outFolder);
        string checkpointFolder = TrainingCheckpoint.FolderOf(outFolder);
        Directory.CreateDirectory(checkpointFolder);
        using var network = EchoNetworks.Create(options.Architecture, samples, outputs, options.Seed);
        TrainingCheckpoint state = new()
        {
            Fingerprint = data.Fingerprint,
            Architecture = options.Architecture,
            Features = window,
            Seed = options.Seed,
        };
        bool resumed = false;
        TrainingCheckpoint? previous = TrainingCheckpoint.TryLoad(checkpointFolder);
        if (previous is not null && previous.Fingerprint == state.Fingerprint && previous.Architecture == state.Architecture
            && previous.Features == window && previous.Seed == options.Seed)
        {
            network.load(Path.Combine(checkpointFolder, "last.bin"));
            state = previous;
            resumed = true;
        }

        var history = new List<EpochRecord>(state.History);
        using var optimizer = torch.optim.Adam(network.parameters(), options.LearningRate);
        string adamPath = Path.Combine(checkpointFolder, TrainingCheckpoint.OptimizerFile);
        if (resumed && File.Exists(adamPath))
        {
            // Adam's first and second moment estimates and step count: without them a resumed run takes a few
            // large bias-corrected steps from zero moments and no longer follows the uninterrupted trajectory.
            optimizer.load_state_dict(adamPath);
        }

        int epoch = state.Epoch;
        while (!state.Finished && epoch < options.Epochs)
        {
            ct.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            network.train();
            int[] shuffled = train.ToArray();
            Shuffle(shuffled, new Random(unchecked((int)options.Seed * 7919 + epoch + 1)));
            double lossSum = 0;
            for (int start = 0; start < shuffled.Length; start += options.BatchSize)
            {
                int n = Math.Min(options.BatchSize, shuffled.Length - start);
                using var scope = torch.NewDisposeScope();
                var (xb, zb) = Batch(x, z, shuffled.AsSpan(start, n), width, outputs);
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(network.forward(xb), zb);
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>() * n;
            }

            double trainLoss = lossSum / shuffled.Length;
            double validationLoss = Loss(network, x, z, validation, width, outputs);
            epoch++;
            double seconds = clock.Elapsed.TotalSeconds;
            history.Add(new EpochRecord(epoch, trainLoss, validationLoss, seconds));
            bool better = validationLoss < state.BestLoss;
            if (better)
            {
                EchoModelBundle.SaveWeights(network, Path.Combine(checkpointFolder, "best.bin"));
            }

            EchoModelBundle.SaveWeights(network, Path.Combine(checkpointFolder, "last.bin"));
            SaveOptimizerState(optimizer, adamPath);
            int stale = better ? 0 : state.EpochsWithoutImprovement + 1;
            state = state with
            {
                Epoch = epoch,
                BestLoss = better ? validationLoss : state.BestLoss,
                BestEpoch = better ? epoch : state.BestEpoch,
                EpochsWithoutImprovement = stale,
                Finished = stale >= options.Patience, // the epoch limit is not final: a rerun with a higher --epochs continues
                History = history.ToArray(),
            };
            state.Save(checkpointFolder);
            progress?.Report(new TrainingProgress(epoch, options.Epochs, trainLoss, validationLoss, seconds));
        }

        network.load(Path.Combine(checkpointFolder, "best.bin"));
        var manifest = new EchoModelManifest
        {
            Architecture = options.Architecture,
            Layers = EchoNetworks.Describe(options.Architecture, samples, outputs),
            Points = data.Manifest.Points,
            Features = window,
            FeatureMean = mean,
            FeatureScale = scale,
            Parameters = data.Manifest.Parameters.ToArray(),
            Units = data.Manifest.Parameters.ToDictionary(p => p, data.Manifest.UnitOf, StringComparer.Ordinal),
            Scaler = scaler,
            DatasetSpec = data.Manifest.Spec,
            DatasetSeed = data.Manifest.Seed,
            DatasetRecords = count,
            DatasetFingerprint = data.Fingerprint,
            Seed = options.Seed,
            EpochsRun = state.Epoch,
            BestEpoch = state.BestEpoch,
            Split = [nTrain, nValidation, nTest],
        };
        var bundle = new EchoModelBundle(manifest, network);
        bundle.Save(outFolder);

        double[][] Predict(int[] rows) =>
            scaler.Unscale(EchoModelBundle.Forward(network, Gather(x, rows, width), rows.Length, width, outputs), rows.Length);
        double[][] Truth(int[] rows) => rows.Select(i => labels[i]).ToArray();
        double[] weights = data.Manifest.Parameters.Select((p, j) => RegressionMetrics.WeightOf(p, scaler.Width[j])).ToArray();
        double[][] trainTruth = Truth(train);
        SetComparison Compare(int[] rows)
        {
            double[][] truth = Truth(rows);
            return new SetComparison(
                RegressionMetrics.Score(manifest.Parameters, weights, Predict(rows), truth),
                RegressionMetrics.Score(manifest.Parameters, weights, RegressionMetrics.MeanPredictor(trainTruth, rows.Length, outputs), truth));
        }

        int[] plotted = test.Length > 0 ? test : validation;
        var metrics = new TrainingMetrics
        {
            Architecture = options.Architecture,
            Weights = manifest.Parameters.Select((p, j) => (p, weights[j])).ToDictionary(t => t.p, t => t.Item2, StringComparer.Ordinal),
            Validation = Compare(validation),
            Test = test.Length > 0 ? Compare(test) : null,
            EpochsRun = state.Epoch,
            BestEpoch = state.BestEpoch,
            SecondsPerEpoch = history.Count == 0 ? 0 : history.Average(h => h.Seconds),
            Threads = TorchRuntime.Threads,
        };
        TrainingOutputs.Write(outFolder, metrics, history, manifest, options.Plots ? Truth(plotted) : null, options.Plots ? Predict(plotted) : null);
        return new TrainingResult(manifest, metrics, history, resumed);
    }

    /// <summary>Writes Adam's state (moments and step counts) atomically, like the weights.</summary>
    private static void SaveOptimizerState(TorchSharp.Modules.OptimizerHelper optimizer, string path)
    {
        string temporary = path + ".tmp";
        optimizer.save_state_dict(temporary);
        File.Move(temporary, path, overwrite: true);
    }

    private static int[] Permutation(int count, Random random)
    {
        int[] order = Enumerable.Range(0, count).ToArray();
        Shuffle(order, random);
        return order;
    }

    private static void Shuffle(int[] values, Random random)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    private static (double[] Mean, double[] Scale) Standardisation(float[] x, int[] rows, int width)
    {
        var mean = new double[width];
        var scale = new double[width];
        foreach (int r in rows)
        {
            for (int j = 0; j < width; j++)
            {
                mean[j] += x[r * width + j];
            }
        }

        for (int j = 0; j < width; j++)
        {
            mean[j] /= rows.Length;
        }

        foreach (int r in rows)
        {
            for (int j = 0; j < width; j++)
            {
                double d = x[r * width + j] - mean[j];
                scale[j] += d * d;
            }
        }

        for (int j = 0; j < width; j++)
        {
            scale[j] = Math.Max(1e-6, Math.Sqrt(scale[j] / rows.Length));
        }

        return (mean, scale);
    }

    private static float[] Standardise(float[] raw, double[] mean, double[] scale, int width)
    {
        var x = new float[raw.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            int j = i % width;
            x[i] = (float)((raw[i] - mean[j]) / scale[j]);
        }

        return x;
    }

    private static float[] Gather(float[] x, ReadOnlySpan<int> rows, int width)
    {
        var block = new float[rows.Length * width];
        for (int i = 0; i < rows.Length; i++)
        {
            Array.Copy(x, rows[i] * width, block, i * width, width);
        }

        return block;
    }

    private static (Tensor X, Tensor Z) Batch(float[] x, float[] z, ReadOnlySpan<int> rows, int width, int outputs) =>
        (torch.tensor(Gather(x, rows, width), new long[] { rows.Length, width }),
         torch.tensor(Gather(z, rows, outputs), new long[] { rows.Length, outputs }));

    private static double Loss(nn.Module<Tensor, Tensor> network, float[] x, float[] z, int[] rows, int width, int outputs)
    {
        float[] predicted = EchoModelBundle.Forward(network, Gather(x, rows, width), rows.Length, width, outputs);
        float[] truth = Gather(z, rows, outputs);
        double sum = 0;
        for (int i = 0; i < predicted.Length; i++)
        {
            double d = predicted[i] - truth[i];
            sum += d * d;
        }

        return sum / predicted.Length;
    }
}
