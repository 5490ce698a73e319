using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using NmrDsl.Runtime.Descriptors;
using NmrDsl.Runtime.Structures;

namespace NmrDsl.Benchmarks.Descriptors;

/// <summary>
/// SOAP environments per second (DScribe conventions, gto, n_max 8, l_max 6, r_cut 5 Å, σ 0.5 Å, species H C N O, neighbours
/// to r_cut + 3.717σ) on the first molecular crystals of /work/shared/data/structures/csd500/csd400_train.xyz, against the
/// independent NumPy implementation bench/descriptors/soap_numpy.py on the same frames in the same run (itself verified
/// against dscribe_soap_reference.json, printed first), with the largest difference between the two power spectra.
/// featomic's published ~2,100 atoms/s (with gradients, n 7, l 4) is context only (descriptors.md §4).
/// </summary>
internal static class SoapBenchmark
{
    private const string Python = "/usr/bin/python3";

    public static void Run(string root)
    {
        const int frames = 12;
        const int nMax = 8, lMax = 6;
        const double rCut = 5.0, sigma = 0.5;
        Console.WriteLine($"6. SOAP power spectrum (gto, n_max {nMax}, l_max {lMax}, r_cut {rCut} Å, σ {sigma} Å, H C N O, all atoms as centres) on the first {frames} CSD-500 crystals");
        string data = Path.GetFullPath(Path.Combine(root, "..", "shared", "data"));
        string xyz = Path.Combine(data, "structures", "csd500", "csd400_train.xyz");
        if (!File.Exists(xyz))
        {
            Console.WriteLine("   data not found: " + xyz);
            return;
        }

        Structure[] crystals;
        using (var reader = new StreamReader(xyz))
        {
            crystals = ExtendedXyzReader.Read(reader, xyz).Take(frames).ToArray();
        }

        int environments = crystals.Sum(c => c.Count);
        var options = new SoapOptions(rCut, nMax, lMax, sigma, "H", "C", "N", "O");
        double neighbours = crystals.Average(c => Enumerable.Range(0, c.Count).Average(i => NeighbourSearch.AroundAtoms(c, options.NeighbourCutoff).Count(i)));
        Console.WriteLine($"   {environments} environments, {options.FeatureCount} features, {neighbours:F0} neighbours per centre on average (within {options.NeighbourCutoff:F2} Å)");

        double[][] spectra = [];
        foreach (int threads in new[] { 1, Environment.ProcessorCount })
        {
            var soap = new Soap(options) { MaxDegreeOfParallelism = threads };
            double seconds = Measure.MedianSeconds(() => spectra = crystals.SelectMany(soap.PowerSpectrum).ToArray(), 1, 3);
            Console.WriteLine($"   NmrDsl C#, {threads} thread(s): {seconds:F3} s = {environments / seconds,8:F0} environments/s");
            if (threads == 1) Single = environments / seconds;
        }

        double[][] unpadded = crystals.SelectMany(new Soap(options with { PadNeighbours = false }).PowerSpectrum).ToArray();
        double[] change = spectra.Zip(unpadded, (a, b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum() / a.Sum(x => x * x))).Order().ToArray();
        Console.WriteLine($"   without DScribe's padding (neighbours only to r_cut): |Δp|/|p| median {change[change.Length / 2]:P1}, 90th percentile {change[change.Length * 9 / 10]:P1}, max {change[^1]:P1}");

        string script = Path.Combine(root, "bench", "descriptors", "soap_numpy.py");
        if (!File.Exists(Python))
        {
            Console.WriteLine("   NumPy reference: not available (install Debian's python3-numpy)");
            return;
        }

        string reference = Path.Combine(data, "descriptors", "dscribe_reference", "dscribe_soap_reference.json");
        Console.WriteLine("   NumPy implementation vs dscribe_soap_reference.json (max |Δ|/max|ref|): " + RunPython(script, "verify", reference));
        string output = Path.Combine(Path.GetTempPath(), "nmrdsl-soap-numpy-" + Environment.ProcessId + ".bin");
        try
        {
            string json = RunPython(script, "bench", xyz, frames.ToString(CultureInfo.InvariantCulture), nMax.ToString(CultureInfo.InvariantCulture),
                lMax.ToString(CultureInfo.InvariantCulture), rCut.ToString("R", CultureInfo.InvariantCulture), sigma.ToString("R", CultureInfo.InvariantCulture), output);
            using var doc = JsonDocument.Parse(json);
            double seconds = doc.RootElement.GetProperty("seconds").GetDouble();
            byte[] bytes = File.ReadAllBytes(output);
            double[] numpy = new double[bytes.Length / 8];
            Buffer.BlockCopy(bytes, 0, numpy, 0, bytes.Length);
            double worst = 0;
            for (int i = 0; i < spectra.Length; i++)
            {
                double scale = spectra[i].Max(Math.Abs);
                for (int f = 0; f < spectra[i].Length; f++) worst = Math.Max(worst, Math.Abs(spectra[i][f] - numpy[i * spectra[i].Length + f]) / scale);
            }

            double rate = environments / seconds;
            Console.WriteLine($"   NumPy {doc.RootElement.GetProperty("numpy").GetString()} (vectorised over all pairs of a frame): {seconds:F3} s = {rate,8:F0} environments/s");
            Console.WriteLine($"   ratio C# (1 thread) / NumPy = {Single / rate:F1}x; max |p_C# − p_NumPy| / max|p| per environment = {worst:E2}");
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine("   NumPy reference failed: " + e.Message);
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static double Single { get; set; }

    private static string RunPython(string script, params string[] arguments)
    {
        var info = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        foreach (string a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException(error.Trim());
        return output.Trim();
    }
}
