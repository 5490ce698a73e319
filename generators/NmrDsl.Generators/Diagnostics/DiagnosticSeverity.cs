namespace NmrDsl.Generators.Diagnostics;

/// <summary>Severity of a spec diagnostic (mirrors Roslyn's, without depending on it).</summary>
public enum NmrSeverity
{
    Info,
    Warning,
    Error,
}
