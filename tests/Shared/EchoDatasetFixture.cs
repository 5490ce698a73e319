using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NmrDsl.Runtime.Echo;

namespace NmrDsl.Testing;

/// <summary>
/// Test-only writer of the echo dataset format v1 (dataset.json, curves.bin float32 LE interleaved re/im, labels.csv),
/// from <see cref="EchoDataset.Generate"/> on a small lattice with the reference time grid (471 samples).
/// </summary>
internal static class EchoDatasetFixture
{
    public static EchoModel SmallModel(int side) => EchoModel.Reference with { Lattice = new SquareLattice(side) };

    public static string Write(string folder, int count, ulong seed, int side = 8)
    {
        Directory.CreateDirectory(folder);
        EchoModel model = SmallModel(side);
        EchoCurve[] curves = EchoDataset.Generate(model, seed, 0, count);
        int points = model.TimeGrid.SampleCount;
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $"{{\"format\": \"nmrdsl-echo-dataset\", \"version\": 1, \"spec\": \"test_echo\", \"points\": {points}, ");
        json.Append("\"parameters\": [\"alpha\", \"xi\", \"p\", \"d\"], \"units\": {\"alpha\": \"MHz\", \"xi\": \"\", \"p\": \"\", \"d\": \"\"}, ");
        json.Append(CultureInfo.InvariantCulture, $"\"seed\": {seed}, \"count\": {count}, \"times_s\": [");
        json.Append(string.Join(", ", model.TimeGrid.Times().Select(t => EchoTimeGrid.ToSeconds(t).ToString("R", CultureInfo.InvariantCulture))));
        json.Append("]}");
        File.WriteAllText(Path.Combine(folder, "dataset.json"), json.ToString());
        var bytes = new byte[8 * points * count];
        for (int n = 0; n < count; n++)
        {
            for (int k = 0; k < points; k++)
            {
                int at = 8 * (points * n + k);
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at, 4), (float)curves[n].Samples[k].Real);
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at + 4, 4), (float)curves[n].Samples[k].Imaginary);
            }
        }

        File.WriteAllBytes(Path.Combine(folder, "curves.bin"), bytes);
        var labels = new StringBuilder("index,seed,alpha,xi,p,d\n");
        for (int n = 0; n < count; n++)
        {
            double[] v = curves[n].Parameters.ToArray();
            labels.Append(CultureInfo.InvariantCulture, $"{n},{curves[n].Seed},{v[0]:R},{v[1]:R},{v[2]:R},{v[3]:R}\n");
        }

        File.WriteAllText(Path.Combine(folder, "labels.csv"), labels.ToString());
        return folder;
    }

    public static string TempFolder(string name)
    {
        string folder = Path.Combine(Path.GetTempPath(), "nmrdsl-learning-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
