using System.Collections.Generic;

namespace NmrDsl.Generators.Binding;

/// <summary>A bound spin site: isotope symbol (e.g. <c>1H</c>) and chemical shift in ppm.</summary>
public sealed record SpinSiteModel(string Name, string Isotope, double ShiftPpm, string ShiftText, int Line);

/// <summary>A bound scalar coupling between spins <paramref name="First"/> and <paramref name="Second"/> (indices), in Hz.</summary>
public sealed record CouplingModel(int First, int Second, string FirstName, string SecondName, double Hz, string Text, int Line);

/// <summary>A bound spin system: field (T), receiver reference (ppm), sites, couplings, optional uniform T1/T2 (s).</summary>
public sealed record SpinSystemModel(
    string Name,
    string? Description,
    double FieldTesla,
    int FieldLine,
    double ReferencePpm,
    int ReferenceLine,
    IReadOnlyList<SpinSiteModel> Spins,
    IReadOnlyList<CouplingModel> Couplings,
    double? T1Seconds,
    double? T2Seconds,
    int RelaxationLine,
    int Line);

/// <summary>What one sequence line does.</summary>
public enum SequenceElementKind
{
    /// <summary>Hard pulse: <see cref="SequenceElementModel.Flip"/> and <see cref="SequenceElementModel.Phase"/> in degrees.</summary>
    Pulse,

    /// <summary>Free precession for <see cref="SequenceElementModel.Seconds"/>.</summary>
    Delay,

    /// <summary>Sinc-Gaussian shaped pulse: flip, phase (deg), duration (s), lobes (zero crossings each side), steps.</summary>
    SincGaussian,

    /// <summary>Coherence-order filter keeping <see cref="SequenceElementModel.Order"/>.</summary>
    Filter,

    /// <summary>Gaussian editing pulse: flip, phase (deg), duration (s), steps, centre (<see cref="SequenceElementModel.CenterPpm"/>).</summary>
    Edit,
}

/// <summary>One bound sequence element; unused fields are 0.</summary>
public sealed record SequenceElementModel(SequenceElementKind Kind, double Flip, double Phase, double Seconds, int Lobes, int Steps, int Order, string Text, int Line, double CenterPpm = 0);

/// <summary>A bound sequence on a spin system of the same spec, with its acquisition.</summary>
public sealed record SequenceModel(
    string Name,
    string? Description,
    string System,
    IReadOnlyList<SequenceElementModel> Elements,
    int Points,
    double SpectralWidthHz,
    double LineBroadeningHz,
    double ReceiverPhaseDegrees,
    int AcquireLine,
    int Line,
    EnsembleModel? Ensemble = null);
