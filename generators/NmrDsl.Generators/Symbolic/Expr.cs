using System.Linq;
using NmrDsl.Generators.Model;

namespace NmrDsl.Generators.Symbolic;

/// <summary>
/// A node of NmrDsl's symbolic expression IR: the compiler's own small computer-algebra core,
/// between the binder (which type-checks units) and the emitters (which print C#).
/// </summary>
/// <remarks>
/// <para>Nodes are immutable records with structural value equality (child lists are
/// <see cref="EquatableArray{T}"/>), so two expressions are Equal exactly when their trees are.
/// The vocabulary is deliberately minimal, after the canonical forms of general computer-algebra
/// systems (Cohen, <i>Computer Algebra and Symbolic Computation: Elementary Algorithms</i>, 2002,
/// ch. 3): division is <c>a × b^-1</c> and subtraction is <c>a + (-1) × b</c>, so the simplifier
/// and the differentiator only know sums, products and powers.</para>
/// <para>The operators and helpers below build trees verbatim (no simplification); call
/// <see cref="Simplifier.Simplify"/> to reach the canonical form. Numbers are plain doubles in
/// SI units: units are checked and converted by the binder before expressions get here.</para>
/// </remarks>
public abstract record Expr
{
    /// <summary>The number 0.</summary>
    public static Expr Zero { get; } = new Number(0.0);

    /// <summary>The number 1.</summary>
    public static Expr One { get; } = new Number(1.0);

    /// <summary>A numeric literal.</summary>
    public static Expr Num(double value) => new Number(value);

    /// <summary>A named variable or parameter.</summary>
    public static Expr Sym(string name) => new Symbol(name);

    /// <summary><paramref name="b"/> raised to <paramref name="exponent"/>.</summary>
    public static Expr Pow(Expr b, Expr exponent) => new Power(b, exponent);

    /// <summary>A call of a function by name (see <see cref="KnownFunctions"/>).</summary>
    public static Expr Call(string name, params Expr[] arguments) =>
        new global::NmrDsl.Generators.Symbolic.Call(name, arguments.ToEquatableArray());

    /// <summary>A number literal, so that <c>2 * x</c> can be written directly.</summary>
    public static implicit operator Expr(double value) => new Number(value);

    public static Expr operator +(Expr a, Expr b) => new Sum(new[] { a, b }.ToEquatableArray());

    public static Expr operator -(Expr a, Expr b) => new Sum(new[] { a, -b }.ToEquatableArray());

    public static Expr operator -(Expr a) => new Product(new[] { new Number(-1.0), a }.ToEquatableArray());

    public static Expr operator *(Expr a, Expr b) => new Product(new[] { a, b }.ToEquatableArray());

    public static Expr operator /(Expr a, Expr b) =>
        new Product(new[] { a, new Power(b, new Number(-1.0)) }.ToEquatableArray());

    /// <summary>Spec syntax (see <see cref="ExprFormatter"/>), culture-invariant.</summary>
    public sealed override string ToString() => ExprFormatter.Format(this);
}
