using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NmrDsl.Runtime.Descriptors;
using NmrDsl.Runtime.IO;
using NmrDsl.Runtime.Structures;

namespace NmrDsl.Cli;

/// <summary>
/// <c>nmrdsl descriptors FILE [--rcut --nmax --lmax --sigma --basis gto|polynomial --species H,C,… --centres H,…] --out CSV</c>:
/// SOAP power spectra (DScribe conventions, docs/descriptors.md) of every centre atom of every frame of an extended-XYZ or
/// .magres structure file, one CSV row per centre (issue 6, item 4). Until the language has <c>descriptor</c> blocks
/// the hyperparameters are options; lengths in Å.
/// </summary>
internal static class DescriptorsCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "Structure file: extended XYZ (.xyz, .extxyz; one or more frames) or CASTEP/QE .magres." };
        var output = new Option<string>("--out", "-o") { Description = "CSV to write: frame,atom,species,<features…>.", HelpName = "CSV", Required = true };
        var rCut = new Option<double>("--rcut") { Description = "Cut-off radius r_cut in Å.", HelpName = "R", DefaultValueFactory = _ => 5.0 };
        var nMax = new Option<int>("--nmax") { Description = "Radial basis functions n_max.", HelpName = "N", DefaultValueFactory = _ => 8 };
        var lMax = new Option<int>("--lmax") { Description = "Angular channels l_max (0-20).", HelpName = "L", DefaultValueFactory = _ => 6 };
        var sigma = new Option<double>("--sigma") { Description = "Gaussian width σ of the atomic densities in Å.", HelpName = "S", DefaultValueFactory = _ => 0.5 };
        var basis = new Option<string>("--basis") { Description = "Radial basis: gto or polynomial (DScribe).", HelpName = "gto|polynomial", DefaultValueFactory = _ => "gto" };
        var species = new Option<string?>("--species") { Description = "Comma-separated species of the density channels [default: every species in the file].", HelpName = "H,C,N,O" };
        var centres = new Option<string?>("--centres") { Description = "Comma-separated species of the centre atoms [default: all atoms].", HelpName = "H" };
        var command = new Command("descriptors",
            "Write SOAP power spectra (DScribe conventions, periodic cells handled with the neighbour padding r_cut + 3.717σ) " +
            "of the atoms of a structure file to CSV, one row per centre atom. Exits 1 on a malformed file or bad option.")
        {
            file, output, rCut, nMax, lMax, sigma, basis, species, centres,
        };
        command.SetAction(parseResult => Execute(context, parseResult.GetValue(file)!, parseResult.GetValue(output)!,
            parseResult.GetValue(rCut), parseResult.GetValue(nMax), parseResult.GetValue(lMax), parseResult.GetValue(sigma),
            parseResult.GetValue(basis)!, parseResult.GetValue(species), parseResult.GetValue(centres)));
        return command;
    }

    public static int Execute(CliContext context, string path, string output, double rCut, int nMax, int lMax, double sigma, string basis, string? speciesList, string? centreList)
    {
        IReadOnlyList<Structure> frames;
        try
        {
            frames = path.EndsWith(".magres", StringComparison.OrdinalIgnoreCase)
                ? [MagresReader.Read(path).Structure]
                : ExtendedXyzReader.ReadAll(path);
        }
        catch (DataFormatException ex)
        {
            FitCommand.PrintDataError(context, ex, path);
            return ExitCodes.UserError;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            bool missing = ex is FileNotFoundException or DirectoryNotFoundException;
            context.Out.WriteLine(DiagnosticPrinter.Format(CliDiagnostics.FileError(missing ? CliDiagnostics.FileNotFound : CliDiagnostics.FileUnreadable, path, missing ? "file not found" : ex.Message)));
            return ExitCodes.UserError;
        }

        string[] species = speciesList is null
            ? frames.SelectMany(f => f.Species).Distinct(StringComparer.Ordinal).ToArray()
            : Split(speciesList);
        string[] centreSpecies = centreList is null ? [] : Split(centreList);
        Soap soap;
        try
        {
            var radial = basis switch
            {
                "gto" => SoapRadialBasis.Gto,
                "polynomial" => SoapRadialBasis.Polynomial,
                _ => throw new ArgumentException("--basis must be gto or polynomial, not '" + basis + "'"),
            };
            soap = new Soap(new SoapOptions(rCut, nMax, lMax, sigma, species) { RadialBasis = radial });
        }
        catch (ArgumentException ex)
        {
            context.Error.WriteLine("nmrdsl: error: " + ex.Message.Split(Environment.NewLine)[0]);
            return ExitCodes.UserError;
        }

        var missingSpecies = frames.SelectMany(f => f.Species).Distinct(StringComparer.Ordinal).Where(s => !species.Contains(s, StringComparer.Ordinal)).ToArray();
        if (missingSpecies.Length > 0)
        {
            // DScribe refuses this too: an atom whose species has no density channel would silently vanish from every environment.
            context.Error.WriteLine("nmrdsl: error: " + path + " contains species " + string.Join(", ", missingSpecies) + " that --species does not list");
            return ExitCodes.UserError;
        }

        var csv = new StringBuilder();
        int features = soap.Options.FeatureCount;
        csv.Append("frame,atom,species");
        for (int f = 0; f < features; f++) csv.Append(",f").Append(f.ToString(CultureInfo.InvariantCulture));
        csv.Append('\n');
        int rows = 0;
        for (int frame = 0; frame < frames.Count; frame++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            Structure structure = frames[frame];
            int[] atoms = Enumerable.Range(0, structure.Count)
                .Where(i => centreSpecies.Length == 0 || centreSpecies.Contains(structure.Species[i], StringComparer.Ordinal)).ToArray();
            if (atoms.Length == 0) continue;
            double[][] spectra = soap.PowerSpectrum(structure, atoms);
            for (int c = 0; c < atoms.Length; c++)
            {
                csv.Append(frame.ToString(CultureInfo.InvariantCulture)).Append(',').Append(atoms[c].ToString(CultureInfo.InvariantCulture)).Append(',').Append(structure.Species[atoms[c]]);
                foreach (double v in spectra[c]) csv.Append(',').Append(CsvWriter.Format(v));
                csv.Append('\n');
                rows++;
            }
        }

        NmrDsl.Runtime.IO.AtomicFile.WriteAllText(output, csv.ToString());
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {output}: {rows} centres × {features} SOAP features (r_cut {rCut} Å, n_max {nMax}, l_max {lMax}, σ {sigma} Å, {basis}, species {string.Join(",", soap.Options.AtomicNumbers.Select(Elements.Symbol))}) from {frames.Count} frame(s)"));
        return ExitCodes.Success;
    }

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
