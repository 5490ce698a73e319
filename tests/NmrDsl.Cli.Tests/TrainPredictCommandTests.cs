using System;
using System.IO;
using System.Linq;

using NmrDsl.Testing;

namespace NmrDsl.Cli.Tests;

public sealed class TrainPredictCommandTests
{
    [Fact]
    public void TrainThenPredictEndToEnd()
    {
        string data = EchoDatasetFixture.Write(EchoDatasetFixture.TempFolder("data"), 40, 21, side: 6);
        string model = EchoDatasetFixture.TempFolder("model");
        var train = CliRunner.Run("train", "--data", data, "--out", model, "--model", "mlp", "--epochs", "3", "--seed", "2");
        Assert.True(train.ExitCode == 0, train.All);
        Assert.Contains("epoch 3/3", train.Stdout, StringComparison.Ordinal);
        Assert.Contains("challenge metric per curve", train.Stdout, StringComparison.Ordinal);
        foreach (string file in new[] { "model.json", "weights.bin", "metrics.json", "history.csv", "parity_alpha.png", "parity_d.png" })
        {
            Assert.True(File.Exists(Path.Combine(model, file)), file);
        }

        Assert.Equal(4, File.ReadAllLines(Path.Combine(model, "history.csv")).Length);
        File.Delete(Path.Combine(data, "labels.csv")); // prediction input needs no labels
        string csv = Path.Combine(model, "predictions.csv");
        var predict = CliRunner.Run("predict", model, "--input", data, "--out", csv);
        Assert.True(predict.ExitCode == 0, predict.All);
        string[] lines = File.ReadAllLines(csv);
        Assert.Equal("index,alpha,xi,p,d", lines[0]);
        Assert.Equal(41, lines.Length);
        Assert.StartsWith("39,", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void MissingOrMalformedInputsAreUserErrors()
    {
        string nowhere = Path.Combine(Path.GetTempPath(), "nmrdsl-no-such-" + Guid.NewGuid().ToString("N"));
        var missing = CliRunner.Run("train", "--data", nowhere, "--out", nowhere + "-model");
        Assert.Equal(ExitCodes.UserError, missing.ExitCode);
        Assert.Contains("NMR0001", missing.Stdout, StringComparison.Ordinal);
        Assert.False(missing.HasStackTrace, missing.All);

        string data = EchoDatasetFixture.TempFolder("bad");
        File.WriteAllText(Path.Combine(data, "dataset.json"), "{\"format\": \"nmrdsl-echo-dataset\", \"version\": 2}");
        File.WriteAllBytes(Path.Combine(data, "curves.bin"), []);
        var malformed = CliRunner.Run("train", "--data", data, "--out", data + "-model");
        Assert.Equal(ExitCodes.UserError, malformed.ExitCode);
        Assert.Contains("NMR9010", malformed.Stdout, StringComparison.Ordinal);
        Assert.Contains("version", malformed.Stdout, StringComparison.Ordinal);
        Assert.False(malformed.HasStackTrace, malformed.All);

        var noModel = CliRunner.Run("predict", nowhere, "--input", data, "--out", Path.Combine(data, "p.csv"));
        Assert.Equal(ExitCodes.UserError, noModel.ExitCode);
        Assert.Contains("model.json", noModel.Stdout, StringComparison.Ordinal);
        Assert.False(noModel.HasStackTrace, noModel.All);

        Directory.CreateDirectory(nowhere);
        File.WriteAllText(Path.Combine(nowhere, "model.json"), "{ not json");
        File.WriteAllBytes(Path.Combine(nowhere, "weights.bin"), [1, 2, 3]);
        var badModel = CliRunner.Run("predict", nowhere, "--input", data, "--out", Path.Combine(data, "p.csv"));
        Assert.Equal(ExitCodes.UserError, badModel.ExitCode);
        Assert.Contains("NMR9010", badModel.Stdout, StringComparison.Ordinal);
        Assert.False(badModel.HasStackTrace, badModel.All);

        var badOption = CliRunner.Run("train", "--data", data, "--out", data + "-model", "--model", "rf");
        Assert.Equal(ExitCodes.UserError, badOption.ExitCode);
    }
}
