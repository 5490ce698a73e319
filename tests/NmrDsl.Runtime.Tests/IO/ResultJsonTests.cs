using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using NmrDsl.Runtime.IO;

namespace NmrDsl.Runtime.Tests.IO;

public sealed class ResultJsonTests
{
    private sealed record Estimate(string Name, double Value, string Unit);

    private static object Sample() => new
    {
        name = "SphereRelayedDnp",
        geometry = "sphere",
        estimates = new[] { new Estimate("R", 1.234e-6, "m"), new Estimate("D", 5e-16, "m^2/s") },
        summary = new SortedDictionary<string, double>(StringComparer.Ordinal) { ["y_final"] = 0.5, ["wall_s"] = 0.25 },
        missing = double.NaN,
        unit = "µm",
    };

    [Fact]
    public void OutputIsIndentedInvariantAndInDeclarationOrder()
    {
        string json = ResultJson.Serialize(Sample());
        const string expected = """
            {
              "name": "SphereRelayedDnp",
              "geometry": "sphere",
              "estimates": [
                {
                  "Name": "R",
                  "Value": 1.234E-06,
                  "Unit": "m"
                },
                {
                  "Name": "D",
                  "Value": 5E-16,
                  "Unit": "m^2/s"
                }
              ],
              "summary": {
                "wall_s": 0.25,
                "y_final": 0.5
              },
              "missing": "NaN",
              "unit": "µm"
            }
            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), json);
    }

    [Fact]
    public void FinnishCultureWritesTheSameBytesAtomically()
    {
        using var folder = new TempFolder();
        string a = folder.File("a.json"), b = folder.File("b.json");
        CsvTests.WithCulture(CultureInfo.InvariantCulture, () => ResultJson.Write(a, Sample()));
        CsvTests.WithCulture(new CultureInfo("fi-FI"), () => ResultJson.Write(b, Sample()));
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        Assert.EndsWith("}\n", File.ReadAllText(a), StringComparison.Ordinal);
        Assert.Equal(new[] { "a.json", "b.json" }, Array.ConvertAll(Directory.GetFiles(folder.Path), Path.GetFileName));
    }
}
