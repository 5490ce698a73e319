namespace NmrDsl.Generators.Binding;

/// <summary>
/// Reserved IR symbols that stand for differential operators of the field while the equation is
/// analysed (they never reach generated code). '$' cannot start a spec name, so they cannot clash.
/// </summary>
public static class PdeSymbols
{
    /// <summary>dt(u).</summary>
    public const string TimeDerivative = "$dt";

    /// <summary>grad(u) = du/dx in one dimension.</summary>
    public const string Gradient = "$grad";

    /// <summary>Prefix of div(...) placeholders: $div0, $div1…</summary>
    public const string DivergencePrefix = "$div";

    /// <summary>Prefix of mean(... over region) placeholders in observables: $mean0…</summary>
    public const string MeanPrefix = "$mean";
}
