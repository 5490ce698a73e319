using System.Linq;
using CsCheck;
using NmrDsl.Generators.Model;
using NmrDsl.Generators.Symbolic;

namespace NmrDsl.Generators.Tests.Symbolic;

/// <summary>
/// CsCheck generators of random expression trees in x and y (depth ≤ 4), with numbers in a
/// small range (small integers, so like terms and integer powers occur, and arbitrary doubles,
/// so round-trip printing is exercised, occasionally scaled to 1e-7 to exercise exponent
/// notation), and random evaluation points.
/// </summary>
internal static class ExprGen
{
    public const int MaxDepth = 4;

    private static readonly string[] SmoothFunctions =
    {
        KnownFunctions.Exp, KnownFunctions.Log, KnownFunctions.Sqrt, KnownFunctions.Cbrt, KnownFunctions.Sin,
        KnownFunctions.Cos, KnownFunctions.Tan, KnownFunctions.Tanh, KnownFunctions.Sinh, KnownFunctions.Cosh,
        KnownFunctions.Atan,
    };

    private static readonly string[] NonSmoothUnary = { KnownFunctions.Abs, KnownFunctions.Sign, KnownFunctions.Heaviside };

    private static readonly double[] NumericExponents = { -2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0 };

    public static Gen<double> Numbers { get; } = Gen.Frequency(
        (4, Gen.Int[-3, 3].Select(i => (double)i)),
        (3, Gen.Double[-3.0, 3.0]),
        (1, Gen.Double[-3.0, 3.0].Select(d => d * 1e-7)));

    // Static initialisers run in textual order: Leaf must precede Smooth and Any.
    private static Gen<Expr> Leaf { get; } = Gen.Frequency(
        (3, Gen.Const<Expr>(Expr.Sym("x"))),
        (2, Gen.Const<Expr>(Expr.Sym("y"))),
        (2, Numbers.Select(v => (Expr)new Number(v))));

    /// <summary>Trees over the smooth functions only (differentiable wherever they are finite).</summary>
    public static Gen<Expr> Smooth { get; } = Tree(MaxDepth, smoothOnly: true);

    /// <summary>Trees over every known function, min and max included.</summary>
    public static Gen<Expr> Any { get; } = Tree(MaxDepth, smoothOnly: false);

    /// <summary>Evaluation points: half anywhere in [-2.5, 2.5]², half with x, y &gt; 0 so that log and sqrt are defined.</summary>
    public static Gen<(double X, double Y)> Points { get; } = Gen.Frequency(
        (1, Gen.Select(Gen.Double[-2.5, 2.5], Gen.Double[-2.5, 2.5])),
        (1, Gen.Select(Gen.Double[0.1, 2.5], Gen.Double[0.1, 2.5])));

    private static Gen<Expr> Tree(int depth, bool smoothOnly)
    {
        if (depth == 0) return Leaf;
        Gen<Expr> child = Tree(depth - 1, smoothOnly);
        var sum = child.Array[2, 3].Select(a => (Expr)new Sum(a.ToEquatableArray()));
        var product = child.Array[2, 3].Select(a => (Expr)new Product(a.ToEquatableArray()));
        var difference = Gen.Select(child, child, (a, b) => a - b);
        var quotient = Gen.Select(child, child, (a, b) => a / b);
        var numericPower = Gen.Select(child, Gen.OneOf(NumericExponents), (b, k) => Expr.Pow(b, k));
        var generalPower = Gen.Select(child, child, (b, k) => Expr.Pow(b, k));
        var negation = child.Select(a => -a);
        var smoothCall = Gen.Select(Gen.OneOf(SmoothFunctions), child, (f, a) => Expr.Call(f, a));
        if (smoothOnly)
        {
            return Gen.Frequency(
                (3, Leaf), (3, sum), (3, product), (1, difference), (1, quotient), (2, numericPower),
                (1, generalPower), (1, negation), (3, smoothCall));
        }
        var nonSmoothCall = Gen.Select(Gen.OneOf(NonSmoothUnary), child, (f, a) => Expr.Call(f, a));
        var minMax = Gen.Select(Gen.OneOf(KnownFunctions.Min, KnownFunctions.Max), child, child, (f, a, b) => Expr.Call(f, a, b));
        return Gen.Frequency(
            (3, Leaf), (3, sum), (3, product), (1, difference), (1, quotient), (2, numericPower),
            (1, generalPower), (1, negation), (3, smoothCall), (1, nonSmoothCall), (1, minMax));
    }

    /// <summary>Every subtree of <paramref name="e"/>, itself included.</summary>
    public static System.Collections.Generic.IEnumerable<Expr> Subtrees(Expr e)
    {
        yield return e;
        var children = e switch
        {
            Sum s => s.Terms.AsEnumerable(),
            Product p => p.Factors,
            Power p => new[] { p.Base, p.Exponent },
            Call c => c.Arguments,
            _ => Enumerable.Empty<Expr>(),
        };
        foreach (var c in children)
        {
            foreach (var s in Subtrees(c)) yield return s;
        }
    }
}
