using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NmrDsl.Generators.Diagnostics;
using NmrDsl.Generators.Symbolic;
using NmrDsl.Generators.Syntax;
using NmrDsl.Generators.Units;

namespace NmrDsl.Generators.Binding;

/// <summary>
/// Checks an echo block (docs/language-echo.md): known choices, each declaration once, values with the right
/// dimension (frequencies, a time, dimensionless counts), ranges and defaults that the runtime accepts, and the four
/// parameters alpha, xi, p, d. Returns null when anything is wrong (diagnostics have been reported).
/// </summary>
public sealed class EchoBinder
{
    private static readonly Dimension Frequency = Dimension.None / Dimension.Time;
    private static readonly string[] ParameterNames = { "alpha", "xi", "p", "d" };

    private readonly string _path;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly ExpressionBinder _expressions;
    private bool _failed;

    private EchoBinder(string path, List<DiagnosticInfo> diagnostics)
    {
        _path = path;
        _diagnostics = diagnostics;
        _expressions = new ExpressionBinder(path, diagnostics, _ => null);
    }

    /// <summary>Binds <paramref name="echo"/>; null when it has errors.</summary>
    public static BoundEcho? Bind(string path, EchoSyntax echo, List<DiagnosticInfo> diagnostics) => new EchoBinder(path, diagnostics).BindCore(echo);

    private BoundEcho? BindCore(EchoSyntax echo)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        bool Once(string key, string what, SourceSpan span)
        {
            if (seen.TryGetValue(key, out int line))
            {
                Report(DiagnosticCatalog.EchoDuplicateMember, span, what, line.ToString(CultureInfo.InvariantCulture));
                return false;
            }
            seen.Add(key, span.Line);
            return true;
        }

        int? side = null;
        double carrier = 10.0, fwhm = 0.05, window = 0.5;
        int gridPoints = 2500;
        string? kernel = null;
        bool normalise = true;
        bool? secular = null;
        double delay = 50e-6, step = 2.0;
        bool hasOffsets = false;
        var parameters = new Dictionary<string, BoundEchoParameter>(StringComparer.Ordinal);
        var parameterSyntax = new Dictionary<string, EchoParameterSyntax>(StringComparer.Ordinal);

        foreach (var member in echo.Members)
        {
            switch (member)
            {
                case EchoLatticeSyntax lattice when Once("lattice", "'lattice'", member.Span):
                    if (lattice.Shape != "square") { Choice("lattice", lattice.Shape, lattice.ShapeSpan, "square"); break; }
                    side = Integer(lattice.Size, "the lattice side length", 2, 4096);
                    break;
                case EchoOffsetsSyntax offsets when Once("offsets", "'offsets'", member.Span):
                    hasOffsets = true;
                    if (offsets.Distribution != "lorentzian") { Choice("offset distribution", offsets.Distribution, offsets.DistributionSpan, "lorentzian"); break; }
                    var offsetOptions = new Dictionary<string, int>(StringComparer.Ordinal);
                    foreach (var option in offsets.Options)
                    {
                        if (!OptionOnce(offsetOptions, option)) continue;
                        switch (option.Name)
                        {
                            case "center": carrier = Positive(Quantity(option.Value, "the carrier frequency 'center'", Frequency, "10 MHz"), option.Value, "the carrier frequency 'center'") / 1e6; break;
                            case "fwhm": fwhm = Positive(Quantity(option.Value, "the Lorentzian 'fwhm'", Frequency, "0.05 MHz"), option.Value, "the Lorentzian 'fwhm'") / 1e6; break;
                            case "window": window = Positive(Quantity(option.Value, "the offset 'window'", Frequency, "0.5 MHz"), option.Value, "the offset 'window'") / 1e6; break;
                            case "points": gridPoints = Integer(option.Value, "the number of grid 'points'", 2, 10_000_000) ?? gridPoints; break;
                            default: Choice("offsets option", option.Name, option.NameSpan, "center, fwhm, window or points"); break;
                        }
                    }
                    break;
                case EchoKernelSyntax k when Once("kernel", "'kernel'", member.Span):
                    kernel = k.Shape switch
                    {
                        "powerlaw" => "PowerLaw",
                        "inversepower" => "InversePower",
                        "gaussian" => "Gaussian",
                        "uniform" => "Uniform",
                        _ => null,
                    };
                    if (kernel is null) { Choice("kernel shape", k.Shape, k.ShapeSpan, "powerlaw, inversepower, gaussian or uniform"); kernel = "PowerLaw"; break; }
                    if (k.Normalisation is "normalized" or "normalised") normalise = true;
                    else if (k.Normalisation is "unnormalized" or "unnormalised") normalise = false;
                    else if (k.Normalisation is not null) Choice("kernel normalisation", k.Normalisation, k.NormalisationSpan, "normalized or unnormalized");
                    break;
                case EchoHamiltonianSyntax h when Once("hamiltonian", "'hamiltonian'", member.Span):
                    if (h.Form == "full") secular = false;
                    else if (h.Form == "secular") secular = true;
                    else { Choice("Hamiltonian form", h.Form, h.FormSpan, "full or secular"); secular = false; }
                    break;
                case EchoSequenceSyntax s when Once("sequence", "'sequence'", member.Span):
                    if (s.Kind != "hahn") { Choice("sequence", s.Kind, s.KindSpan, "hahn"); break; }
                    var sequenceOptions = new Dictionary<string, int>(StringComparer.Ordinal);
                    foreach (var option in s.Options)
                    {
                        if (!OptionOnce(sequenceOptions, option)) continue;
                        switch (option.Name)
                        {
                            case "tau": delay = Positive(Quantity(option.Value, "the echo delay 'tau'", Dimension.Time, "50 us"), option.Value, "the echo delay 'tau'"); break;
                            case "dt": step = Positive(Quantity(option.Value, "the time step 'dt' (in units of 1/gamma, gamma = 2 pi 1e6 s^-1)", Dimension.None, "2"), option.Value, "the time step 'dt'"); break;
                            default: Choice("sequence option", option.Name, option.NameSpan, "tau or dt"); break;
                        }
                    }
                    break;
                case EchoParameterSyntax p:
                    if (Array.IndexOf(ParameterNames, p.Name) < 0)
                    {
                        if (p.Name.Length > 0) Report(DiagnosticCatalog.EchoUnknownParameter, p.NameSpan, p.Name);
                        break;
                    }
                    if (!Once("parameter " + p.Name, "parameter '" + p.Name + "'", p.NameSpan)) break;
                    parameterSyntax[p.Name] = p;
                    break;
            }
        }

        if (side is null && !seen.ContainsKey("lattice")) Missing(echo, "lattice", "lattice square 50");
        if (!hasOffsets) Missing(echo, "offsets", "offsets lorentzian center 10 MHz fwhm 0.05 MHz window 0.5 MHz");
        if (kernel is null && !seen.ContainsKey("kernel")) Missing(echo, "kernel", "kernel powerlaw normalized");
        if (secular is null) Missing(echo, "hamiltonian", "hamiltonian full");
        foreach (var name in ParameterNames)
        {
            if (!parameterSyntax.TryGetValue(name, out var p))
            {
                Missing(echo, "parameter " + name, Example(name));
                continue;
            }
            var bound = BindParameter(p, kernel);
            if (bound is not null) parameters[name] = bound;
        }
        if (window > 0 && fwhm > 0 && carrier > 0 && window / 2 >= carrier && hasOffsets)
        {
            var offsetsSyntax = echo.Members.OfType<EchoOffsetsSyntax>().First();
            Report(DiagnosticCatalog.EchoBadValue, offsetsSyntax.Span, "the offset window must lie above 0 MHz: half its width must be below the carrier frequency");
        }
        if (!_failed && delay * 2 * Math.PI * 1e6 / step < 0.5)
        {
            var sequenceSyntax = echo.Members.OfType<EchoSequenceSyntax>().First();
            Report(DiagnosticCatalog.EchoBadValue, sequenceSyntax.Span, "tau is shorter than half a time step dt; the echo needs at least one step before the 180 pulse");
        }
        if (_failed || side is null || kernel is null || secular is null || parameters.Count != ParameterNames.Length) return null;
        return new BoundEcho(echo.Name, echo.Description, side.Value, carrier, fwhm, window, gridPoints, kernel, normalise, secular.Value,
            delay, step, ParameterNames.Select(n => parameters[n]).ToList());
    }

    private BoundEchoParameter? BindParameter(EchoParameterSyntax p, string? kernel)
    {
        bool isAlpha = p.Name == "alpha";
        var dimension = isAlpha ? Frequency : Dimension.None;
        string what = "parameter '" + p.Name + "'";
        string example = isAlpha ? "0.2 MHz" : "2";
        double scale = isAlpha ? 1e6 : 1.0;
        if (p.Distribution != "uniform")
        {
            if (p.Distribution.Length > 0) Choice("sampling distribution", p.Distribution, p.DistributionSpan, "uniform");
            return null;
        }
        double? lower = Quantity(p.Lower, "the lower bound of " + what, dimension, example);
        double? upper = Quantity(p.Upper, "the upper bound of " + what, dimension, example);
        double? value = p.Default is null ? (lower + upper) / 2 : Quantity(p.Default, "the default of " + what, dimension, example);
        if (lower is null || upper is null || value is null) return null;
        if (!(upper.Value >= lower.Value))
        {
            Report(DiagnosticCatalog.EchoBadValue, p.Upper.Span, "the range of " + what + " is empty: the upper bound is below the lower bound");
            return null;
        }
        if (p.Name == "xi" && kernel is "PowerLaw" or "Gaussian" && lower.Value < 0)
        {
            Report(DiagnosticCatalog.EchoBadValue, p.Lower.Span, "the coupling length xi must not be negative (values are drawn from (lower, upper])");
            return null;
        }
        if (p.Name == "xi" && kernel is "PowerLaw" or "Gaussian" && !(upper.Value > 0))
        {
            Report(DiagnosticCatalog.EchoBadValue, p.Upper.Span, "the coupling length xi must be positive: the upper bound must be above 0");
            return null;
        }
        if (value.Value < lower.Value || value.Value > upper.Value || (p.Name == "xi" && kernel is "PowerLaw" or "Gaussian" && !(value.Value > 0)))
        {
            Report(DiagnosticCatalog.EchoBadValue, (p.Default ?? p.Lower).Span, "the default of " + what + " lies outside its range" + (p.Name == "xi" ? " or is not positive" : ""));
            return null;
        }
        string? declaredUnit = p.Default is NumberSyntax { Unit: { } u } ? u.ToString() : p.Upper is NumberSyntax { Unit: { } v } ? v.ToString() : null;
        return new BoundEchoParameter(p.Name, isAlpha ? "MHz" : "1", lower.Value / scale, upper.Value / scale, value.Value / scale,
            dimension.ToSiUnitString(), value.Value, declaredUnit, p.Description ?? DefaultDescription(p.Name), p.NameSpan.Line, p.NameSpan.Column);
    }

    private static string DefaultDescription(string name) => name switch
    {
        "alpha" => "coupling strength",
        "xi" => "coupling length (lattice spacings)",
        "p" => "kernel power",
        _ => "dephasing exponent, Gamma = 10^-d",
    };

    private static string Example(string name) => name switch
    {
        "alpha" => "parameter alpha uniform in 0 MHz .. 0.2 MHz",
        "xi" => "parameter xi uniform in 0 .. 20",
        "p" => "parameter p uniform in 2 .. 4",
        _ => "parameter d uniform in 3 .. 6",
    };

    private bool OptionOnce(Dictionary<string, int> seen, SolveOptionSyntax option)
    {
        if (seen.TryGetValue(option.Name, out int line))
        {
            Report(DiagnosticCatalog.EchoDuplicateMember, option.NameSpan, "option '" + option.Name + "'", line.ToString(CultureInfo.InvariantCulture));
            return false;
        }
        seen.Add(option.Name, option.NameSpan.Line);
        return true;
    }

    /// <summary>The SI value of a constant expression of the given dimension; null (reported) otherwise.</summary>
    private double? Quantity(ExpressionSyntax syntax, string what, Dimension dimension, string example)
    {
        if (syntax is MissingSyntax) { _failed = true; return null; }
        int before = _diagnostics.Count;
        var bound = _expressions.Bind(syntax, ExpressionContext.Value);
        if (!bound.Ok || _diagnostics.Count > before) { _failed = true; return null; }
        if (bound.Dimension != dimension && !(bound.IsZero))
        {
            Report(DiagnosticCatalog.EchoDimension, syntax.Span, what, dimension.ToString(), example, bound.Dimension.ToString());
            return null;
        }
        double value = ExprAnalysis.Evaluate(bound.Ir, _ => double.NaN);
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            Report(DiagnosticCatalog.EchoBadValue, syntax.Span, what + " is not a finite number");
            return null;
        }
        return value;
    }

    private double Positive(double? value, ExpressionSyntax syntax, string what)
    {
        if (value is null) return double.NaN;
        if (!(value.Value > 0))
        {
            Report(DiagnosticCatalog.EchoBadValue, syntax.Span, what + " must be positive");
            return double.NaN;
        }
        return value.Value;
    }

    private int? Integer(ExpressionSyntax syntax, string what, int min, int max)
    {
        double? value = Quantity(syntax, what, Dimension.None, min.ToString(CultureInfo.InvariantCulture));
        if (value is null) return null;
        if (value.Value != Math.Floor(value.Value) || value.Value < min || value.Value > max)
        {
            Report(DiagnosticCatalog.EchoBadValue, syntax.Span, what + " must be a whole number from " + min.ToString(CultureInfo.InvariantCulture) + " to " + max.ToString(CultureInfo.InvariantCulture));
            return null;
        }
        return (int)value.Value;
    }

    private void Choice(string what, string found, SourceSpan span, string expected)
    {
        if (found.Length == 0) { _failed = true; return; }
        Report(DiagnosticCatalog.EchoUnknownChoice, span, what, found, expected);
    }

    private void Missing(EchoSyntax echo, string what, string example) =>
        Report(DiagnosticCatalog.EchoMissingMember, echo.NameSpan, echo.Name, what, "e.g. '" + example + "'");

    private void Report(DiagnosticDescriptorInfo descriptor, SourceSpan span, params object?[] args)
    {
        _failed = true;
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, _path, span, args));
    }
}
