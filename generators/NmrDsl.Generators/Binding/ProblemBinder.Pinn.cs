using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NmrDsl.Generators.Diagnostics;
using NmrDsl.Generators.Syntax;

namespace NmrDsl.Generators.Binding;

public sealed partial class ProblemBinder
{
    /// <summary>Numeric options of <c>solve pinn</c> and <c>loss</c>: name → (whole number?, lower, upper).</summary>
    private static readonly Dictionary<string, (bool Whole, double Lower, double Upper, string Help)> PinnNumbers = new(StringComparer.Ordinal)
    {
        ["layers"] = (true, 1, 16, "hidden layers"),
        ["width"] = (true, 2, 4096, "units per hidden layer"),
        ["radii"] = (true, 4, 100_000, "collocation radii"),
        ["times"] = (true, 4, 1_000_000, "collocation times"),
        ["adam"] = (true, 0, 10_000_000, "Adam iterations"),
        ["lbfgs"] = (true, 0, 10_000_000, "L-BFGS iterations"),
        ["lr"] = (false, 1e-12, 10, "learning rate"),
        ["lr_unknowns"] = (false, 1e-12, 10, "learning rate of the unknowns"),
        ["seed"] = (true, 0, int.MaxValue, "seed"),
        ["nodes"] = (true, 4, 1024, "quadrature nodes per region"),
        ["datatimes"] = (true, 2, 1_000_000, "data times used"),
        ["pde"] = (false, 0, 1e12, "weight of the residual"),
        ["data"] = (false, 1e-12, 1e12, "weight of the data"),
        ["interface"] = (false, 0, 1e12, "weight of interface continuity"),
        ["boundary"] = (false, 0, 1e12, "weight of the boundary conditions"),
        ["initial"] = (false, 0, 1e12, "weight of the initial condition"),
    };

    /// <summary>Keyword options: name → allowed values.</summary>
    private static readonly Dictionary<string, string[]> PinnKeywords = new(StringComparer.Ordinal)
    {
        ["sampling"] = new[] { "uniform", "geometric", "mixed" },
        ["derivatives"] = new[] { "jet", "autograd" },
        ["precision"] = new[] { "float64", "float32" },
        ["balance"] = new[] { "fixed", "auto" },
        ["augment"] = new[] { "none", "stretched" },
        ["represent"] = new[] { "field", "average" },
    };

    private static readonly string[] LossOptions = { "pde", "data", "interface", "boundary", "initial", "balance" };

    /// <summary>Binds the options of a <c>solve pinn</c> or <c>loss</c> line into <see cref="BoundProblem.Pinn"/>.</summary>
    private void BindPinn(IReadOnlyList<SolveOptionSyntax> options, int line)
    {
        var settings = _problem.Pinn ??= new BoundPinnSettings { Line = line };
        foreach (var option in options)
        {
            if (PinnKeywords.TryGetValue(option.Name, out var allowed))
            {
                if (option.Value is NameSyntax word && allowed.Contains(word.Name))
                {
                    settings.Options.Add(new KeyValuePair<string, string>(option.Name, word.Name));
                }
                else
                {
                    Report(DiagnosticCatalog.BadSolverOption, option.Value.Span, "'" + option.Name + "' is one of " + string.Join(", ", allowed));
                }
                continue;
            }
            if (!PinnNumbers.TryGetValue(option.Name, out var range))
            {
                Report(DiagnosticCatalog.BadSolverOption, option.NameSpan, "unknown option '" + option.Name + "' of pinn; expected "
                    + string.Join(", ", PinnNumbers.Keys.Concat(PinnKeywords.Keys).Where(k => !LossOptions.Contains(k)))
                    + " (loss weights go on a 'loss' line: " + string.Join(", ", LossOptions) + ")");
                continue;
            }
            var value = BindConstant(option.Value, option.Name);
            if (value is null) continue;
            double v = value.Value.Si;
            if (!value.Value.Dimension.IsDimensionless || (range.Whole && v != Math.Round(v)) || !(v >= range.Lower && v <= range.Upper))
            {
                Report(DiagnosticCatalog.BadSolverOption, option.Value.Span, string.Format(CultureInfo.InvariantCulture,
                    "'{0}' ({1}) is a dimensionless {2} in {3} .. {4}", option.Name, range.Help, range.Whole ? "whole number" : "number", range.Lower, range.Upper));
                continue;
            }
            settings.Options.Add(new KeyValuePair<string, string>(option.Name, v.ToString("R", CultureInfo.InvariantCulture)));
        }
    }
}
