using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;
using NmrDsl.Runtime.IO;
using static System.FormattableString;

namespace NmrDsl.Runtime.Learning;

/// <summary>
/// Reads an echo dataset folder, format "nmrdsl-echo-dataset" version 1 (docs/learning.md):
/// <list type="bullet">
/// <item><c>dataset.json</c>: {"format", "version", "spec", "points": P, "parameters": [...], "units": {...}, "seed", "count", "times_s": [P]};</item>
/// <item><c>curves.bin</c>: little-endian float32, record n = P complex samples interleaved (re, im), 8P bytes at offset 8P·n;</item>
/// <item><c>labels.csv</c>: header <c>index,seed,&lt;parameters…&gt;</c>, invariant culture, one row per record.</item>
/// </list>
/// The complete records are the first min(whole records in curves.bin, rows of labels.csv): a dataset still being
/// generated (or interrupted) is read up to its last complete record. Every malformed input raises a
/// <see cref="DataFormatException"/> that names the file and the line and column (text) or the byte offset (binary).
/// </summary>
public static class EchoDatasetReader
{
    /// <summary>Reads the folder; <paramref name="requireLabels"/> false allows a folder without labels.csv (prediction input).</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">dataset.json or curves.bin (or labels.csv when required) is missing.</exception>
    /// <exception cref="DataFormatException">A file is malformed.</exception>
    public static EchoDatasetData Read(string folder, bool requireLabels = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder}: the dataset folder does not exist.");
        }

        string manifestPath = Path.Combine(folder, EchoDatasetManifest.ManifestFile);
        string curvesPath = Path.Combine(folder, EchoDatasetManifest.CurvesFile);
        string labelsPath = Path.Combine(folder, EchoDatasetManifest.LabelsFile);
        byte[] manifestBytes = ReadRequired(manifestPath);
        EchoDatasetManifest manifest = ParseManifest(manifestPath, manifestBytes);
        byte[] curveBytes = ReadRequired(curvesPath);
        long recordBytes = 8L * manifest.Points;
        long wholeRecords = curveBytes.LongLength / recordBytes;

        List<LabelRow>? rows = null;
        if (File.Exists(labelsPath))
        {
            rows = ReadLabels(labelsPath, manifest.Parameters);
        }
        else if (requireLabels)
        {
            throw new FileNotFoundException($"{labelsPath}: the labels file is missing.", labelsPath);
        }

        int count = (int)Math.Min(wholeRecords, rows?.Count ?? wholeRecords);
        var curves = new float[count][];
        for (int n = 0; n < count; n++)
        {
            var curve = new float[2 * manifest.Points];
            long at = recordBytes * n;
            for (int j = 0; j < curve.Length; j++)
            {
                long offset = at + 4L * j;
                float value = BinaryPrimitives.ReadSingleLittleEndian(curveBytes.AsSpan((int)offset, 4));
                if (!float.IsFinite(value))
                {
                    throw new DataFormatException(Invariant(
                        $"{curvesPath}: byte offset {offset} (record {n}, sample {j / 2 + 1}, {(j % 2 == 0 ? "re" : "im")}): value {value} is not finite"));
                }

                curve[j] = value;
            }

            curves[n] = curve;
        }

        double[][]? labels = rows is null ? null : new double[count][];
        var indices = new long[count];
        var seeds = new ulong[count];
        for (int n = 0; n < count; n++)
        {
            if (rows is null)
            {
                indices[n] = n;
                continue;
            }

            labels![n] = rows[n].Values;
            indices[n] = rows[n].Index;
            seeds[n] = rows[n].Seed;
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(manifestBytes);
        sha.AppendData(curveBytes, 0, (int)(recordBytes * count));
        string fingerprint = Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant();
        return new EchoDatasetData(manifest, curves, labels, indices, seeds, fingerprint);
    }

    /// <summary>Parses dataset.json (<paramref name="path"/> is only used in messages).</summary>
    public static EchoDatasetManifest ParseManifest(string path, byte[] json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new DataFormatException(path, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, "not valid JSON: " + ex.Message);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Manifest(path, "expected a JSON object");
            }

            string format = String(path, root, "format");
            if (format != EchoDatasetManifest.Format)
            {
                throw Manifest(path, $"\"format\" is '{format}', expected '{EchoDatasetManifest.Format}'");
            }

            int version = (int)Integer(path, root, "version");
            if (version != EchoDatasetManifest.Version)
            {
                throw Manifest(path, Invariant($"\"version\" is {version}; this nmrdsl reads version {EchoDatasetManifest.Version}"));
            }

            long points = Integer(path, root, "points");
            if (points < 1 || points > 1_000_000)
            {
                throw Manifest(path, Invariant($"\"points\" is {points}, expected 1 … 1000000"));
            }

            var parameters = new List<string>();
            foreach (JsonElement e in Property(path, root, "parameters", JsonValueKind.Array).EnumerateArray())
            {
                string? name = e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                if (string.IsNullOrWhiteSpace(name) || name.Contains(',', StringComparison.Ordinal) || parameters.Contains(name))
                {
                    throw Manifest(path, "\"parameters\" must be distinct non-empty names without commas");
                }

                parameters.Add(name);
            }

            if (parameters.Count == 0)
            {
                throw Manifest(path, "\"parameters\" is empty");
            }

            var units = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("units", out JsonElement unitsElement) && unitsElement.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty p in unitsElement.EnumerateObject())
                {
                    units[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? string.Empty : string.Empty;
                }
            }

            ulong seed = root.TryGetProperty("seed", out JsonElement seedElement) && seedElement.TryGetUInt64(out ulong s) ? s : 0;
            long count = root.TryGetProperty("count", out JsonElement countElement) && countElement.TryGetInt64(out long c) ? c : 0;
            var times = new List<double>();
            if (root.TryGetProperty("times_s", out JsonElement timesElement) && timesElement.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement e in timesElement.EnumerateArray())
                {
                    times.Add(e.TryGetDouble(out double t) ? t : double.NaN);
                }

                if (times.Count != points)
                {
                    throw Manifest(path, Invariant($"\"times_s\" has {times.Count} values but \"points\" is {points}"));
                }
            }

            string spec = root.TryGetProperty("spec", out JsonElement specElement) && specElement.ValueKind == JsonValueKind.String ? specElement.GetString() ?? string.Empty : string.Empty;
            return new EchoDatasetManifest(spec, (int)points, parameters, units, seed, count, times);
        }
    }

    private static List<LabelRow> ReadLabels(string path, IReadOnlyList<string> parameters)
    {
        string text = File.ReadAllText(path);
        string[] lines = text.Split('\n');
        int last = lines.Length - 1;
        bool unterminated = !text.EndsWith('\n');
        if (lines.Length == 0 || lines[0].TrimEnd('\r').Length == 0)
        {
            throw new DataFormatException(path, 1, 1, "empty file: expected the header index,seed," + string.Join(',', parameters));
        }

        string expected = "index,seed," + string.Join(',', parameters);
        string header = lines[0].TrimEnd('\r');
        if (header != expected)
        {
            throw new DataFormatException(path, 1, 1, $"header is '{header}', expected '{expected}' (the parameters of dataset.json)");
        }

        var rows = new List<LabelRow>();
        for (int i = 1; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                if (i == last)
                {
                    break;
                }

                throw new DataFormatException(path, i + 1, 1, "empty line");
            }

            try
            {
                rows.Add(ParseRow(path, i + 1, line, parameters.Count));
            }
            catch (DataFormatException) when (i == last && unterminated)
            {
                break; // a row still being written: not a complete record
            }
        }

        return rows;
    }

    private static LabelRow ParseRow(string path, int lineNumber, string line, int parameterCount)
    {
        string[] fields = line.Split(',');
        if (fields.Length != parameterCount + 2)
        {
            throw new DataFormatException(path, lineNumber, 1, Invariant($"{fields.Length} fields, expected {parameterCount + 2} (index, seed and one per parameter)"));
        }

        int column = 1;
        if (!long.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out long index) || index < 0)
        {
            throw new DataFormatException(path, lineNumber, column, $"expected a non-negative whole number in column 'index', found '{fields[0]}'");
        }

        column += fields[0].Length + 1;
        if (!ulong.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong seed))
        {
            throw new DataFormatException(path, lineNumber, column, $"expected a whole number in column 'seed', found '{fields[1]}'");
        }

        column += fields[1].Length + 1;
        var values = new double[parameterCount];
        for (int j = 0; j < parameterCount; j++)
        {
            string field = fields[j + 2];
            if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            {
                throw new DataFormatException(path, lineNumber, column, $"expected a finite number in parameter column {j + 1}, found '{field}'");
            }

            values[j] = v;
            column += field.Length + 1;
        }

        return new LabelRow(index, seed, values);
    }

    private static byte[] ReadRequired(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: file not found (an echo dataset folder holds dataset.json, curves.bin and labels.csv).", path);
        }

        return File.ReadAllBytes(path);
    }

    private static JsonElement Property(string path, JsonElement root, string name, JsonValueKind kind)
    {
        if (!root.TryGetProperty(name, out JsonElement e) || e.ValueKind != kind)
        {
            throw Manifest(path, $"\"{name}\" is missing or not a JSON {kind.ToString().ToLowerInvariant()}");
        }

        return e;
    }

    private static string String(string path, JsonElement root, string name) => Property(path, root, name, JsonValueKind.String).GetString() ?? string.Empty;

    private static long Integer(string path, JsonElement root, string name) =>
        Property(path, root, name, JsonValueKind.Number).TryGetInt64(out long v) ? v : throw Manifest(path, $"\"{name}\" is not a whole number");

    private static DataFormatException Manifest(string path, string reason) => new($"{path}: {reason}");

    private sealed record LabelRow(long Index, ulong Seed, double[] Values);
}
