using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using NmrDsl.Runtime.Structures;
using NmrDsl.Runtime.Tests.Structures;

namespace NmrDsl.Runtime.Tests.Descriptors;

/// <summary>
/// Reads the featomic regression data in /work/shared/data/descriptors/featomic_reference (metatensor/featomic
/// tests/data, BSD-3): gzip-compressed .npy arrays (little-endian float64, C order) and the *-input.json systems/hypers.
/// </summary>
internal static class FeatomicReference
{
    /// <summary>The array of NAME.npy.gz as (shape, values in C order).</summary>
    public static (int[] Shape, double[] Values) Array(string name)
    {
        using var file = File.OpenRead(SharedFixtures.Path($"descriptors/featomic_reference/{name}.npy.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        byte[] bytes = memory.ToArray();
        Assert.Equal(0x93, bytes[0]);
        Assert.Equal("NUMPY", Encoding.ASCII.GetString(bytes, 1, 5));
        int major = bytes[6];
        int headerLength = major == 1 ? BitConverter.ToUInt16(bytes, 8) : BitConverter.ToInt32(bytes, 8);
        int start = major == 1 ? 10 : 12;
        string header = Encoding.ASCII.GetString(bytes, start, headerLength);
        Assert.Contains("'descr': '<f8'", header, StringComparison.Ordinal);
        Assert.Contains("'fortran_order': False", header, StringComparison.Ordinal);
        string shapeText = header[(header.IndexOf("'shape': (", StringComparison.Ordinal) + 10)..];
        shapeText = shapeText[..shapeText.IndexOf(')', StringComparison.Ordinal)];
        int[] shape = shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var values = new double[shape.Aggregate(1, (a, b) => a * b)];
        Buffer.BlockCopy(bytes, start + headerLength, values, 0, values.Length * 8);
        return (shape, values);
    }

    /// <summary>The first system of NAME-input.json (a zero cell means non-periodic).</summary>
    public static Structure System(string name)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(SharedFixtures.Path($"descriptors/featomic_reference/{name}-input.json")));
        JsonElement s = json.RootElement.GetProperty("systems")[0];
        double[] cell = s.GetProperty("cell").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Vec3[] positions = s.GetProperty("positions").EnumerateArray().Select(e => new Vec3(e[0].GetDouble(), e[1].GetDouble(), e[2].GetDouble())).ToArray();
        string[] species = s.GetProperty("types").EnumerateArray().Select(e => Elements.Symbol(e.GetInt32())).ToArray();
        Lattice? lattice = cell.All(x => x == 0) ? null : new Lattice(new Vec3(cell[0], cell[1], cell[2]), new Vec3(cell[3], cell[4], cell[5]), new Vec3(cell[6], cell[7], cell[8]));
        return new Structure(species, positions, lattice);
    }

    /// <summary>The hyper-parameters JSON of NAME-input.json.</summary>
    public static JsonElement Hypers(string name)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(SharedFixtures.Path($"descriptors/featomic_reference/{name}-input.json")));
        return json.RootElement.GetProperty("hyperparameters").Clone();
    }
}
