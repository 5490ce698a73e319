using System;
using System.Globalization;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// The four targets of the 2020 echo challenge (reference: /work/shared/reference/echo-challenge.md §1.1, §1.2
/// data_gen.jl, §1.4): all i.i.d. uniform, α = 0.2u, ξ = 20u, p = 2 + 2u, d = 3 + 3u.
/// </summary>
/// <param name="Alpha">α [MHz], the coupling strength ("correlation strength"), range [0, 0.2].</param>
/// <param name="Xi">ξ [lattice units], the coupling length ("correlation length"), range (0, 20]; must be &gt; 0.</param>
/// <param name="Power">p, the power-law exponent ("correlation power"), range [2, 4].</param>
/// <param name="DissipationExponent">d ("dissipation power"), Γ = 10^−d per time unit, range [3, 6].</param>
public sealed record EchoParameters(double Alpha, double Xi, double Power, double DissipationExponent)
{
    /// <summary>Parameter names in the reference's order (α, ξ, p, d).</summary>
    public static readonly string[] Names = ["alpha", "xi", "p", "d"];

    /// <summary>Lower ends of the sampling ranges, in <see cref="Names"/> order.</summary>
    public static readonly double[] Lower = [0.0, 0.0, 2.0, 3.0];

    /// <summary>Widths w(v) of the sampling ranges (also the scoring metric's scales, reference §3): 0.2, 20, 2, 3.</summary>
    public static readonly double[] Width = [0.2, 20.0, 2.0, 3.0];

    /// <summary>The Lindblad dephasing rate Γ = 10^−d [per dimensionless time unit]; transverse decay rate Γ/2.</summary>
    public double Gamma => Math.Pow(10.0, -DissipationExponent);

    /// <summary>
    /// A draw from the reference's prior, in the order α, ξ, p, d, one uniform u ∈ [0, 1) each; ξ uses 20(1 − u) so it
    /// is never 0 (the kernel (r/ξ)^−p is undefined there); the reference's ξ = 20u differs only on a set of measure 0.
    /// </summary>
    public static EchoParameters Sample(EchoRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double alpha = 0.2 * random.NextDouble();
        double xi = 20.0 * (1.0 - random.NextDouble());
        double p = 2.0 + 2.0 * random.NextDouble();
        double d = 3.0 + 3.0 * random.NextDouble();
        return new EchoParameters(alpha, xi, p, d);
    }

    /// <summary>The values in <see cref="Names"/> order.</summary>
    public double[] ToArray() => [Alpha, Xi, Power, DissipationExponent];

    /// <summary>From values in <see cref="Names"/> order.</summary>
    public static EchoParameters FromArray(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != 4)
        {
            throw new ArgumentException("Expected 4 values (alpha, xi, p, d).", nameof(values));
        }

        return new EchoParameters(values[0], values[1], values[2], values[3]);
    }

    /// <summary>Culture-invariant "alpha=… xi=… p=… d=…".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"alpha={Alpha:R} MHz xi={Xi:R} p={Power:R} d={DissipationExponent:R}");
}
