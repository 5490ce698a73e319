using System;
using System.IO;
using System.Linq;
using NmrDsl.Runtime.Learning;
using Xunit.Abstractions;

using NmrDsl.Testing;

namespace NmrDsl.Runtime.Tests.Learning;

public sealed class LearningTests(ITestOutputHelper output)
{
    [Fact]
    public void ChallengeMetricMatchesAHandComputation()
    {
        string[] names = ["alpha", "xi", "p", "d"];
        double[] w = names.Select(n => RegressionMetrics.WeightOf(n, 1)).ToArray();
        Assert.Equal([0.2, 20, 2, 3], w);
        double[][] truth = [[0.1, 10, 3, 4], [0.05, 5, 2.5, 5]];
        double[][] predicted = [[0.12, 12, 3.2, 4.3], [0.05, 5, 2.5, 5]];
        SetScore score = RegressionMetrics.Score(names, w, predicted, truth);
        // curve 1: (0.02/0.2)² + (2/20)² + (0.2/2)² + (0.3/3)² = 4 × 0.01; curve 2: 0 → mean 0.02.
        Assert.Equal(0.02, score.MeanErr, 12);
        Assert.Equal(0.01, score.Parameters[0].Mae, 12);
        Assert.Equal(Math.Sqrt(0.0002), score.Parameters[0].Rmse, 12);
        // R² for alpha: SS_res = 0.0004, SS_tot = 2 × 0.025² = 0.00125 → 1 − 0.32 = 0.68.
        Assert.Equal(0.68, score.Parameters[0].R2, 12);
    }

    [Fact]
    public void TrainedModelBeatsTheMeanOnAlphaAndIsDeterministic()
    {
        string data = EchoDatasetFixture.Write(EchoDatasetFixture.TempFolder("train"), 240, 3);
        EchoDatasetData dataset = EchoDatasetReader.Read(data);
        var options = new TrainingOptions { Architecture = EchoNetworks.Mlp, Epochs = 25, Seed = 5, Plots = false };
        string first = EchoDatasetFixture.TempFolder("model-a");
        TrainingResult a = EchoTrainer.Train(dataset, options, first);
        SetComparison validation = a.Metrics.Validation!;
        double r2 = validation.Model.Parameters[0].R2, baseline = validation.MeanBaseline.Parameters[0].R2;
        output.WriteLine($"alpha validation R2 {r2:F3} vs mean predictor {baseline:F3}; MeanErr {validation.Model.MeanErr:F4} vs {validation.MeanBaseline.MeanErr:F4}; {a.Metrics.SecondsPerEpoch:F3} s/epoch");
        Assert.True(r2 > 0.5, $"alpha R2 {r2}");
        Assert.True(r2 > baseline + 0.5);
        Assert.True(File.Exists(Path.Combine(first, "model.json")));
        Assert.True(File.Exists(Path.Combine(first, "history.csv")));

        TrainingResult b = EchoTrainer.Train(dataset, options, EchoDatasetFixture.TempFolder("model-b"));
        Assert.Equal(a.History.Select(h => h.ValidationLoss), b.History.Select(h => h.ValidationLoss));
        Assert.Equal(validation.Model.MeanErr, b.Metrics.Validation!.Model.MeanErr);

        using EchoModelBundle loaded = EchoModelBundle.Load(first);
        double[][] predicted = loaded.Predict(dataset);
        Assert.Equal(dataset.Count, predicted.Length);

        // Resume: a finished checkpoint is picked up and not trained further.
        TrainingResult again = EchoTrainer.Train(dataset, options, first);
        Assert.True(again.Resumed);
        Assert.Equal(a.History.Count, again.History.Count);
        Assert.Equal(validation.Model.MeanErr, again.Metrics.Validation!.Model.MeanErr, 6);
    }

    [Fact]
    public void CnnTrainsAndWritesParityPlots()
    {
        string data = EchoDatasetFixture.Write(EchoDatasetFixture.TempFolder("cnn"), 60, 11);
        string model = EchoDatasetFixture.TempFolder("cnn-model");
        TrainingResult result = EchoTrainer.Train(EchoDatasetReader.Read(data), new TrainingOptions { Architecture = EchoNetworks.Cnn, Epochs = 2 }, model);
        Assert.Equal(2, result.History.Count);
        Assert.True(File.Exists(Path.Combine(model, "parity_alpha.png")));
        Assert.True(File.Exists(Path.Combine(model, "metrics.json")));
        output.WriteLine($"cnn {result.Metrics.SecondsPerEpoch:F3} s/epoch on {result.Manifest.Split[0]} curves");

        // A run stopped by the epoch limit continues from its checkpoint when asked for more epochs.
        TrainingResult more = EchoTrainer.Train(EchoDatasetReader.Read(data), new TrainingOptions { Architecture = EchoNetworks.Cnn, Epochs = 3, Plots = false }, model);
        Assert.True(more.Resumed);
        Assert.Equal(3, more.History.Count);
        Assert.Equal(result.History.Select(h => h.ValidationLoss), more.History.Take(2).Select(h => h.ValidationLoss));
        Assert.True(File.Exists(Path.Combine(TrainingCheckpoint.FolderOf(model), TrainingCheckpoint.OptimizerFile)));
    }

    [Fact]
    public void ResumedTrainingFollowsTheUninterruptedRunExactly()
    {
        // Weights, Adam's moments and the per-epoch shuffle are all restored, so 2 + 2 epochs equal 4 epochs bit for bit
        // (one libtorch thread, as build/test.sh sets). Without the optimiser state the third epoch differs.
        EchoDatasetData dataset = EchoDatasetReader.Read(EchoDatasetFixture.Write(EchoDatasetFixture.TempFolder("resume"), 80, 13));
        var four = new TrainingOptions { Architecture = EchoNetworks.Mlp, Epochs = 4, Seed = 2, Plots = false };
        TrainingResult straight = EchoTrainer.Train(dataset, four, EchoDatasetFixture.TempFolder("resume-straight"));
        string split = EchoDatasetFixture.TempFolder("resume-split");
        EchoTrainer.Train(dataset, four with { Epochs = 2 }, split);
        TrainingResult resumed = EchoTrainer.Train(dataset, four, split);
        Assert.True(resumed.Resumed);
        Assert.Equal(straight.History.Select(h => h.TrainLoss), resumed.History.Select(h => h.TrainLoss));
        Assert.Equal(straight.History.Select(h => h.ValidationLoss), resumed.History.Select(h => h.ValidationLoss));
    }
}
