using System;
using System.IO;
using System.Linq;
using NmrDsl.Runtime.Echo;
using NmrDsl.Runtime.IO;
using NmrDsl.Runtime.Learning;

using NmrDsl.Testing;

namespace NmrDsl.Runtime.Tests.Learning;

public sealed class EchoDatasetReaderTests
{
    [Fact]
    public void RoundTripsCurvesAndLabels()
    {
        string folder = EchoDatasetFixture.Write(EchoDatasetFixture.TempFolder("roundtrip"), 5, 42);
        EchoDatasetData data = EchoDatasetReader.Read(folder);
        EchoCurve[] curves = EchoDataset.Generate(EchoDatasetFixture.SmallModel(8), 42, 0, 5);
        Assert.Equal(5, data.Count);
        Assert.Equal(471, data.Manifest.Points);
        Assert.Equal(["alpha", "xi", "p", "d"], data.Manifest.Parameters);
        Assert.Equal("MHz", data.Manifest.UnitOf("alpha"));
        for (int n = 0; n < 5; n++)
        {
            Assert.Equal(curves[n].Parameters.ToArray(), data.Labels![n]);
            Assert.Equal(curves[n].Seed, data.Seeds[n]);
            Assert.Equal(n, data.Indices[n]);
            Assert.Equal((float)curves[n].Samples[313].Imaginary, data.Curves[n][2 * 313 + 1]);
            Assert.Equal((float)curves[n].Samples[0].Real, data.Curves[n][0]);
        }

        Assert.Equal(64, data.Fingerprint.Length);
    }

    [Fact]
    public void CompleteRecordsAreTheShorterOfCurvesAndLabels()
    {
        string folder = EchoDatasetFixture.Write(EchoDatasetFixture.TempFolder("partial"), 4, 7);
        string curves = Path.Combine(folder, "curves.bin");
        byte[] bytes = File.ReadAllBytes(curves);
        File.WriteAllBytes(curves, bytes[..(bytes.Length - 100)]); // record 3 cut short
        Assert.Equal(3, EchoDatasetReader.Read(folder).Count);
        string labels = Path.Combine(folder, "labels.csv");
        string[] lines = File.ReadAllLines(labels);
        File.WriteAllText(labels, string.Join("\n", lines[..3]) + "\n" + lines[3][..5]); // row 2 complete, row 3 half written
        Assert.Equal(2, EchoDatasetReader.Read(folder).Count);
    }

    [Fact]
    public void MalformedFilesNameTheFileAndPosition()
    {
        string folder = EchoDatasetFixture.Write(EchoDatasetFixture.TempFolder("malformed"), 3, 9);
        string labels = Path.Combine(folder, "labels.csv");
        string[] lines = File.ReadAllLines(labels);
        lines[2] = lines[2].Replace(",", ",x", StringComparison.Ordinal)[..];
        string[] fields = File.ReadAllLines(labels)[2].Split(',');
        fields[3] = "abc";
        lines[2] = string.Join(",", fields);
        File.WriteAllText(labels, string.Join("\n", lines) + "\n");
        var error = Assert.Throws<DataFormatException>(() => EchoDatasetReader.Read(folder));
        Assert.Equal(3, error.Line);
        Assert.Equal(fields[0].Length + fields[1].Length + fields[2].Length + 4, error.Column);
        Assert.Contains("labels.csv", error.Message, StringComparison.Ordinal);

        File.WriteAllText(labels, "index,seed,alpha,xi\n");
        var header = Assert.Throws<DataFormatException>(() => EchoDatasetReader.Read(folder));
        Assert.Equal(1, header.Line);

        EchoDatasetFixture.Write(folder, 3, 9);
        string curves = Path.Combine(folder, "curves.bin");
        byte[] bytes = File.ReadAllBytes(curves);
        BitConverter.GetBytes(float.NaN).CopyTo(bytes, 8 * 471 + 12);
        File.WriteAllBytes(curves, bytes);
        var binary = Assert.Throws<DataFormatException>(() => EchoDatasetReader.Read(folder));
        Assert.Contains("byte offset 3780", binary.Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(folder, "dataset.json"), "{\"format\": \"other\"}");
        Assert.Contains("format", Assert.Throws<DataFormatException>(() => EchoDatasetReader.Read(folder)).Message, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "dataset.json"), "{\"format\": ");
        Assert.Throws<DataFormatException>(() => EchoDatasetReader.Read(folder));
        File.Delete(Path.Combine(folder, "dataset.json"));
        Assert.Throws<FileNotFoundException>(() => EchoDatasetReader.Read(folder));
        Assert.Throws<DirectoryNotFoundException>(() => EchoDatasetReader.Read(Path.Combine(folder, "nowhere")));
    }

    [Fact]
    public void FeaturesTakeReThenImOfTheWindow()
    {
        float[][] curves = [Enumerable.Range(0, 20).Select(i => (float)i).ToArray()]; // 10 samples: re = 2k, im = 2k + 1
        float[] x = new EchoFeatures(2, 6, 2).Build(curves, 10);
        Assert.Equal([4f, 8f, 12f, 5f, 9f, 13f], x);
    }
}
