namespace NmrDsl.Generators.Binding;

/// <summary>Where an expression appears, which decides the operators it may use.</summary>
public enum ExpressionContext
{
    /// <summary>Parameter, let, bound, region, material, initial and boundary values: no differential operators.</summary>
    Value,

    /// <summary>The PDE: dt, grad, div and d&lt;coordinate&gt; of the field are allowed.</summary>
    Equation,

    /// <summary>An observable: mean(... over region) is allowed.</summary>
    Observable,
}
