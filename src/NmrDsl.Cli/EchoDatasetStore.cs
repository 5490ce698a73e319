using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NmrDsl.Runtime.Echo;
using NmrDsl.Runtime.IO;

namespace NmrDsl.Cli;

/// <summary>
/// The on-disk echo dataset, format v1 (docs/dataset-format.md): <c>dataset.json</c> (written first, atomically),
/// <c>curves.bin</c> (record n = P complex float32 samples as little-endian (re, im) pairs at byte 8·P·n) and
/// <c>labels.csv</c> (<c>index,seed,&lt;parameters&gt;</c>, invariant round-trip numbers). The number of complete
/// records is min(whole records in curves.bin, rows in labels.csv); opening truncates both files to it, so an
/// interrupted run resumes without losing or duplicating a record.
/// </summary>
internal sealed class EchoDatasetStore : IDisposable
{
    public const string Format = "nmrdsl-echo-dataset";
    public const int Version = 1;
    public const string HeaderFile = "dataset.json";
    public const string CurvesFile = "curves.bin";
    public const string LabelsFile = "labels.csv";

    private readonly FileStream _curves;
    private readonly FileStream _labels;
    private readonly int _points;

    private EchoDatasetStore(FileStream curves, FileStream labels, int points, long complete)
    {
        _curves = curves;
        _labels = labels;
        _points = points;
        Complete = complete;
    }

    /// <summary>Records present and complete (the next index to write).</summary>
    public long Complete { get; private set; }

    /// <summary>The dataset.json text for this spec, seed and count (key order as in the format).</summary>
    public static string HeaderText(IEchoSpec spec, ulong seed, long count)
    {
        double[] times = spec.Model.TimeGrid.Times().Select(EchoTimeGrid.ToSeconds).ToArray();
        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in spec.Parameters) units.Add(p.Name, p.Unit);
        var header = new
        {
            format = Format,
            version = Version,
            spec = spec.Name,
            points = times.Length,
            parameters = spec.Parameters.Select(p => p.Name).ToArray(),
            units,
            seed,
            count,
            times_s = times,
        };
        if (spec.Fixed.Count == 0)
        {
            return ResultJson.Serialize(header) + "\n";
        }

        // Only a dataset made with --set carries "fixed" (in parameter order), so a plain one keeps its v1 bytes.
        var fixedValues = spec.Parameters.Where(p => spec.Fixed.ContainsKey(p.Name)).ToDictionary(p => p.Name, p => spec.Fixed[p.Name], StringComparer.Ordinal);
        return ResultJson.Serialize(new
        {
            header.format,
            header.version,
            header.spec,
            header.points,
            header.parameters,
            header.units,
            @fixed = fixedValues,
            header.seed,
            header.count,
            header.times_s,
        }) + "\n";
    }

    /// <summary>The labels.csv header line (without the line end).</summary>
    public static string LabelsHeader(IEchoSpec spec) => "index,seed," + string.Join(",", spec.Parameters.Select(p => p.Name));

    /// <summary>
    /// Opens <paramref name="directory"/> for writing: a new dataset gets its dataset.json first; an existing one must
    /// have been started with the same header (else <see cref="DatasetMismatchException"/>), and both data files are
    /// truncated to the complete records.
    /// </summary>
    public static EchoDatasetStore Open(string directory, IEchoSpec spec, ulong seed, long count)
    {
        Directory.CreateDirectory(directory);
        string header = HeaderText(spec, seed, count);
        string headerPath = Path.Combine(directory, HeaderFile);
        if (File.Exists(headerPath))
        {
            string existing = File.ReadAllText(headerPath, Encoding.UTF8);
            if (!string.Equals(existing, header, StringComparison.Ordinal))
            {
                throw new DatasetMismatchException(headerPath, Difference(existing, header));
            }
        }
        else
        {
            if (File.Exists(Path.Combine(directory, CurvesFile)) || File.Exists(Path.Combine(directory, LabelsFile)))
            {
                throw new DatasetMismatchException(headerPath, "the folder holds curves.bin or labels.csv but no dataset.json; use an empty or new --out folder");
            }
            NmrDsl.Runtime.IO.AtomicFile.WriteAllText(headerPath, header);
        }

        int points = spec.Model.TimeGrid.SampleCount;
        long recordBytes = 8L * points;
        string labelsHeader = LabelsHeader(spec);
        var curves = new FileStream(Path.Combine(directory, CurvesFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        FileStream? labels = null;
        try
        {
            labels = new FileStream(Path.Combine(directory, LabelsFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
            var (rows, rowEnds) = ReadRowEnds(labels, labelsHeader);
            long complete = Math.Min(Math.Min(curves.Length / recordBytes, rows), count);
            curves.SetLength(complete * recordBytes);
            curves.Seek(0, SeekOrigin.End);
            long labelsLength = rowEnds[(int)complete];
            labels.SetLength(labelsLength);
            labels.Seek(0, SeekOrigin.End);
            if (labelsLength == 0)
            {
                byte[] line = Encoding.UTF8.GetBytes(labelsHeader + "\n");
                labels.Write(line);
                labels.Flush(flushToDisk: true);
            }
            return new EchoDatasetStore(curves, labels, points, complete);
        }
        catch
        {
            curves.Dispose();
            labels?.Dispose();
            throw;
        }
    }

    /// <summary>Appends records (in index order, starting at <see cref="Complete"/>) and flushes both files.</summary>
    public void Append(IReadOnlyList<EchoSample> samples)
    {
        var bytes = new byte[8 * _points * samples.Count];
        var text = new StringBuilder();
        for (int s = 0; s < samples.Count; s++)
        {
            EchoSample sample = samples[s];
            if (sample.Index != Complete + s || sample.Curve.Samples.Length != _points)
            {
                throw new InvalidOperationException("dataset records must be appended in index order with " + _points.ToString(CultureInfo.InvariantCulture) + " points");
            }
            Span<byte> record = bytes.AsSpan(8 * _points * s, 8 * _points);
            for (int k = 0; k < _points; k++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(record.Slice(8 * k), (float)sample.Curve.Samples[k].Real);
                BinaryPrimitives.WriteSingleLittleEndian(record.Slice(8 * k + 4), (float)sample.Curve.Samples[k].Imaginary);
            }
            text.Append(sample.Index.ToString(CultureInfo.InvariantCulture)).Append(',').Append(sample.OffsetSeed.ToString(CultureInfo.InvariantCulture));
            foreach (double value in sample.Parameters.ToArray())
            {
                text.Append(',').Append(value.ToString("R", CultureInfo.InvariantCulture));
            }
            text.Append('\n');
        }
        // curves first: a crash between the two writes leaves an extra curve, which the next open drops.
        _curves.Write(bytes);
        _curves.Flush(flushToDisk: true);
        _labels.Write(Encoding.UTF8.GetBytes(text.ToString()));
        _labels.Flush(flushToDisk: true);
        Complete += samples.Count;
    }

    public void Dispose()
    {
        _curves.Dispose();
        _labels.Dispose();
    }

    /// <summary>
    /// Byte offsets just past the header line and each complete ('\n'-terminated) row: element r is where row r + 1
    /// starts (element 0: after the header; 0 when the file is empty).
    /// </summary>
    private static (long Rows, List<long> Ends) ReadRowEnds(FileStream labels, string expectedHeader)
    {
        var ends = new List<long>();
        if (labels.Length == 0)
        {
            ends.Add(0);
            return (0, ends);
        }
        labels.Seek(0, SeekOrigin.Begin);
        var buffer = new byte[1 << 16];
        var headerBytes = new List<byte>();
        bool inHeader = true;
        long position = 0;
        int read;
        while ((read = labels.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (int i = 0; i < read; i++, position++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    if (inHeader) headerBytes.Add(buffer[i]);
                    continue;
                }
                if (inHeader)
                {
                    string header = Encoding.UTF8.GetString(headerBytes.ToArray());
                    if (!string.Equals(header, expectedHeader, StringComparison.Ordinal))
                    {
                        throw new DatasetMismatchException(labels.Name, "its header is '" + header + "', expected '" + expectedHeader + "'");
                    }
                    inHeader = false;
                }
                ends.Add(position + 1);
            }
        }
        if (inHeader)
        {
            // An interrupted first write of the header: start the file again.
            ends.Add(0);
            return (0, ends);
        }
        return (ends.Count - 1, ends);
    }

    private static string Difference(string existing, string expected)
    {
        try
        {
            using var old = JsonDocument.Parse(existing);
            using var now = JsonDocument.Parse(expected);
            foreach (var property in now.RootElement.EnumerateObject())
            {
                string before = old.RootElement.TryGetProperty(property.Name, out var value) ? value.GetRawText() : "(missing)";
                string after = property.Value.GetRawText();
                if (!string.Equals(before, after, StringComparison.Ordinal))
                {
                    if (before.Length > 60) before = before[..57] + "...";
                    if (after.Length > 60) after = after[..57] + "...";
                    return "it was started with " + property.Name + " = " + before + ", this run has " + property.Name + " = " + after +
                        "; resume with the same spec, --seed and --count, or write to another --out folder";
                }
            }
            return "its text differs from this run's header; resume with the same spec, --seed and --count, or write to another --out folder";
        }
        catch (JsonException ex)
        {
            return "it is not valid JSON (" + ex.Message + ")";
        }
    }
}

/// <summary>An existing dataset folder that this run cannot continue (other seed, count or spec, or foreign files).</summary>
internal sealed class DatasetMismatchException(string path, string reason) : Exception(path + ": " + reason)
{
    public string FilePath { get; } = path;

    public string Reason { get; } = reason;
}
