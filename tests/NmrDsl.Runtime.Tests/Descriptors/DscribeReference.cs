using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NmrDsl.Runtime.Descriptors;
using NmrDsl.Runtime.Structures;
using NmrDsl.Runtime.Tests.Structures;

namespace NmrDsl.Runtime.Tests.Descriptors;

/// <summary>
/// One case of /work/shared/data/descriptors/dscribe_reference/dscribe_soap_reference.json (DScribe's test references,
/// numerically integrated c_nlm, axes [centre, species by Z, n, l, m+l]) with its geometry, centres and SOAP options.
/// </summary>
internal sealed record DscribeCase(string Name, Structure Structure, Vec3[] Centres, SoapOptions Options, double[][][][][] Coefficients, double[][]? PowerSpectra)
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(SharedFixtures.Path("descriptors/dscribe_reference/dscribe_soap_reference.json"))));

    public static JsonElement Root => Document.Value.RootElement;

    /// <summary>The case <paramref name="basis"/> ("gto"/"polynomial") of setup "lmax" or a default-setup weighting ("poly", "pow", "exp").</summary>
    public static DscribeCase Load(string basis, string setup)
    {
        JsonElement geometries = Root.GetProperty("_geometries");
        bool lmax = setup == "lmax";
        JsonElement g = geometries.GetProperty(lmax ? "lmax_setup" : "default_setup");
        JsonElement args = lmax ? g.GetProperty(basis == "gto" ? "gto_args" : "poly_args") : g.GetProperty("args");
        string[] symbols = g.GetProperty("symbols").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Vec3[] positions = g.GetProperty("positions").EnumerateArray().Select(ToVec).ToArray();
        Vec3[] centres = g.GetProperty("centers").EnumerateArray().Select(ToVec).ToArray();
        string[] species = args.GetProperty("species").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var options = new SoapOptions(args.GetProperty("r_cut").GetDouble(), args.GetProperty("n_max").GetInt32(), args.GetProperty("l_max").GetInt32(), args.GetProperty("sigma").GetDouble(), species)
        {
            RadialBasis = basis == "gto" ? SoapRadialBasis.Gto : SoapRadialBasis.Polynomial,
            Compression = args.GetProperty("compression").GetString() == "crossover" ? SoapCompression.Crossover : SoapCompression.Off,
            Weighting = lmax ? null : Weighting(g.GetProperty("weightings").GetProperty(setup)),
            Periodic = false,
        };
        string key = lmax
            ? FormattableString.Invariant($"{basis}_coefficients_{options.NMax}_{options.LMax}_2.0_{options.Sigma}")
            : FormattableString.Invariant($"{basis}_coefficients_2_2_2.0_0.55_{setup}");
        double[][][][][] coefficients = Root.GetProperty(key).GetProperty("data").Deserialize<double[][][][][]>()!;
        JsonElement spectra = Root.GetProperty("_expected_power_spectra");
        string spectrumKey = spectra.EnumerateObject().Select(p => p.Name).Single(n => n.StartsWith(lmax ? $"{basis}_lmax_setup" : $"{basis}_default_setup_weight_{setup}", StringComparison.Ordinal));
        double[][] expected = spectra.GetProperty(spectrumKey).Deserialize<double[][]>()!;
        return new DscribeCase(key, new Structure(symbols, positions), centres, options, coefficients, expected);
    }

    private static SoapWeighting Weighting(JsonElement w)
    {
        double Get(string name, double fallback) => w.TryGetProperty(name, out JsonElement v) ? v.GetDouble() : fallback;
        SoapWeightingFunction f = w.GetProperty("function").GetString() switch
        {
            "poly" => SoapWeightingFunction.Poly,
            "pow" => SoapWeightingFunction.Pow,
            "exp" => SoapWeightingFunction.Exp,
            string other => throw new InvalidDataException(other),
            null => throw new InvalidDataException("function"),
        };
        return new SoapWeighting(f, Get("r0", 1), Get("c", 1), Get("d", 1), Get("m", 1));
    }

    private static Vec3 ToVec(JsonElement e) => new(e[0].GetDouble(), e[1].GetDouble(), e[2].GetDouble());
}
