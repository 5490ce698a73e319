using System;
using System.Collections.Generic;
using System.Linq;

namespace NmrDsl.Generators.Symbolic;

/// <summary>
/// The elementary functions the IR understands, by lower-case name, with their arity and
/// real-valued semantics (those of System.Math, so that folded constants, the evaluator and the
/// generated C# agree).
/// </summary>
/// <remarks>
/// <c>heaviside(x)</c> is the unit step with H(0) = 0 (1 only for x &gt; 0; NaN gives 0, as the
/// generated <c>x &gt; 0.0 ? 1.0 : 0.0</c> does). <c>sign(x)</c> is -1, 0 or 1 (NaN for NaN here;
/// generated code uses Math.Sign, which throws on NaN). <c>log</c> is the natural logarithm.
/// </remarks>
public static class KnownFunctions
{
    public const string Exp = "exp";
    public const string Log = "log";
    public const string Sqrt = "sqrt";
    public const string Cbrt = "cbrt";
    public const string Sin = "sin";
    public const string Cos = "cos";
    public const string Tan = "tan";
    public const string Tanh = "tanh";
    public const string Sinh = "sinh";
    public const string Cosh = "cosh";
    public const string Atan = "atan";
    public const string Abs = "abs";
    public const string Sign = "sign";
    public const string Min = "min";
    public const string Max = "max";
    public const string Heaviside = "heaviside";

    private static readonly Dictionary<string, int> Arity = new(StringComparer.Ordinal)
    {
        [Exp] = 1, [Log] = 1, [Sqrt] = 1, [Cbrt] = 1, [Sin] = 1, [Cos] = 1, [Tan] = 1, [Tanh] = 1,
        [Sinh] = 1, [Cosh] = 1, [Atan] = 1, [Abs] = 1, [Sign] = 1, [Heaviside] = 1, [Min] = 2, [Max] = 2,
    };

    /// <summary>Every known function name, sorted ordinal.</summary>
    public static IReadOnlyList<string> Names { get; } = Arity.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();

    /// <summary>The number of arguments of a known function (case-sensitive, lower-case names).</summary>
    public static bool TryGetArity(string name, out int arity)
    {
        if (name is not null && Arity.TryGetValue(name, out arity)) return true;
        arity = 0;
        return false;
    }

    /// <summary>True for a known function name.</summary>
    public static bool IsKnown(string name) => TryGetArity(name, out _);

    /// <summary>
    /// Applies a known function to numbers; false for an unknown name or a wrong argument count.
    /// The value may be NaN or infinite (log(-1), exp(1000)); callers decide what to do with it.
    /// </summary>
    public static bool TryEvaluate(string name, IReadOnlyList<double> args, out double value)
    {
        value = double.NaN;
        if (!TryGetArity(name, out int arity) || args is null || args.Count != arity) return false;
        double x = args[0];
        value = name switch
        {
            Exp => Math.Exp(x),
            Log => Math.Log(x),
            Sqrt => Math.Sqrt(x),
            Cbrt => CubeRoot(x),
            Sin => Math.Sin(x),
            Cos => Math.Cos(x),
            Tan => Math.Tan(x),
            Tanh => Math.Tanh(x),
            Sinh => Math.Sinh(x),
            Cosh => Math.Cosh(x),
            Atan => Math.Atan(x),
            Abs => Math.Abs(x),
            Sign => double.IsNaN(x) ? double.NaN : Math.Sign(x),
            Heaviside => x > 0.0 ? 1.0 : 0.0,
            Min => Math.Min(x, args[1]),
            Max => Math.Max(x, args[1]),
            _ => double.NaN,
        };
        return true;
    }

    /// <summary>
    /// Real cube root (netstandard2.0 has no Math.Cbrt): Math.Pow on |x| with one Newton step
    /// to remove the bias of the rounded exponent 1/3, so that cbrt(8) is exactly 2.
    /// </summary>
    internal static double CubeRoot(double x)
    {
        if (x == 0.0 || double.IsNaN(x) || double.IsInfinity(x)) return x;
        double a = Math.Abs(x);
        double y = Math.Pow(a, 1.0 / 3.0);
        y -= ((y * y * y) - a) / (3.0 * y * y);
        return x < 0 ? -y : y;
    }
}
