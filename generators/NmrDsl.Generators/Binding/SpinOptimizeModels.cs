using System.Collections.Generic;

namespace NmrDsl.Generators.Binding;

/// <summary>A B0-offset × B1-scale grid (<c>ensemble b0 …</c>, <c>ensemble b1 …</c>); an undeclared axis is the single nominal point.</summary>
public sealed record EnsembleModel(double B0LowHz, double B0HighHz, int B0Points, double B1Low, double B1High, int B1Points, int Line);

/// <summary>One term of a contrast objective: +w·area (maximize) or −w·area² (suppress) of a system's spectrum over [LowPpm, HighPpm].</summary>
public sealed record ContrastTermModel(bool Suppress, string System, double LowPpm, double HighPpm, double Weight, int Line);

/// <summary>A compared sequence, or the difference of two (MEGA ON − OFF).</summary>
public sealed record CompareEntryModel(string Sequence, string? Subtracted);

/// <summary>A bound optimize block: GRAPE on element <paramref name="Element"/> (1-based) of <paramref name="Sequence"/>.</summary>
public sealed record OptimizeModel(
    string Name,
    string? Description,
    string Sequence,
    int Element,
    double LimitHz,
    IReadOnlyList<ContrastTermModel> Terms,
    double PenaltyWeight,
    EnsembleModel? Ensemble,
    int Restarts,
    int Iterations,
    int Seed,
    IReadOnlyList<CompareEntryModel> Compare,
    int Line);
