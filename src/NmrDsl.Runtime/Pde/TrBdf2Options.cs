namespace NmrDsl.Runtime.Pde;

/// <summary>Settings of <see cref="TrBdf2Integrator"/>, in the integrator's own time variable.</summary>
public sealed record TrBdf2Options
{
    /// <summary>Relative tolerance of the local error per step.</summary>
    public double RelativeTolerance { get; init; } = 1e-8;

    /// <summary>Absolute tolerance of the local error per step, in the unknowns' unit.</summary>
    public double AbsoluteTolerance { get; init; } = 1e-12;

    /// <summary>When set, steps of (at most) this size without error control; each output interval is split into equal steps.</summary>
    public double? FixedStep { get; init; }

    /// <summary>First trial step; estimated from the initial rate when null.</summary>
    public double? InitialStep { get; init; }

    /// <summary>Accepted + rejected steps after which the integration gives up.</summary>
    public int MaxSteps { get; init; } = 1_000_000;

    /// <summary>Seconds per unit of the integrator's time, for the progress detail line (1 when time is already in s).</summary>
    public double TimeScale { get; init; } = 1.0;

    /// <summary>Stage name in progress reports.</summary>
    public string ProgressStage { get; init; } = "integrate";
}
