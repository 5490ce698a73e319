using System;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using NmrDsl.Runtime.IO;
using NmrDsl.Runtime.Learning;
using NmrDsl.Runtime.Tensors;

namespace NmrDsl.Cli;

/// <summary>
/// <c>nmrdsl predict MODELDIR --input DIR --out FILE.csv</c>: applies a model written by <c>nmrdsl train</c> to the
/// curves of an echo dataset folder (labels.csv optional) and writes <c>index,&lt;parameters…&gt;</c>.
/// </summary>
internal static class PredictCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Argument<string>("MODELDIR") { Description = "Model folder written by 'nmrdsl train' (model.json, weights.bin)." };
        var input = new Option<string>("--input") { Description = "Echo dataset folder with the curves (dataset.json, curves.bin; labels.csv optional).", HelpName = "DIR", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "CSV to write: index,<parameters>.", HelpName = "FILE", Required = true };
        var command = new Command("predict",
            "Infer the parameters of echo curves with a trained model; writes index,<parameters> (units of model.json). Exits 1 on a missing or malformed model or dataset.")
        {
            model, input, output,
        };
        command.SetAction(parseResult => Execute(context, parseResult.GetValue(model)!, parseResult.GetValue(input)!, parseResult.GetValue(output)!));
        return command;
    }

    public static int Execute(CliContext context, string modelFolder, string inputFolder, string outputFile)
    {
        EchoModelBundle bundle;
        try
        {
            bundle = EchoModelBundle.Load(modelFolder);
        }
        catch (TorchRuntimeException ex)
        {
            context.Error.WriteLine("nmrdsl: error: " + ex.Message);
            return ExitCodes.UserError;
        }
        catch (Exception ex) when (LearningErrors.Report(context, ex, modelFolder))
        {
            return ExitCodes.UserError;
        }

        using (bundle)
        {
            if (!LearningErrors.TryReadDataset(context, inputFolder, requireLabels: false, out var data))
            {
                return ExitCodes.UserError;
            }

            double[][] predicted;
            try
            {
                predicted = bundle.Predict(data!);
            }
            catch (DataFormatException ex)
            {
                FitCommand.PrintDataError(context, ex, inputFolder);
                return ExitCodes.UserError;
            }

            string[] header = ["index", .. bundle.Manifest.Parameters];
            CsvWriter.Write(outputFile, header, predicted.Select((row, n) => (System.Collections.Generic.IReadOnlyList<double>)[data!.Indices[n], .. row]));
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"predicted {string.Join(", ", bundle.Manifest.Parameters)} for {data!.Count} curves with the {bundle.Manifest.Architecture} model {modelFolder} → {outputFile}"));
            if (data.Labels is not null && data.Manifest.Parameters.SequenceEqual(bundle.Manifest.Parameters))
            {
                double[] weights = bundle.Manifest.Parameters.Select((p, j) => RegressionMetrics.WeightOf(p, bundle.Manifest.Scaler.Width[j])).ToArray();
                var score = RegressionMetrics.Score(bundle.Manifest.Parameters, weights, predicted, data.Labels);
                context.Out.WriteLine("labels present: challenge metric per curve " + score.MeanErr.ToString("G4", CultureInfo.InvariantCulture) + "; R2 "
                    + string.Join(", ", score.Parameters.Select(s => s.Name + " " + s.R2.ToString("F3", CultureInfo.InvariantCulture))));
            }
        }

        return ExitCodes.Success;
    }
}
