using TorchSharp;
using static TorchSharp.torch;

namespace NmrDsl.Runtime.Pinn;

/// <summary>
/// Tensor addition, subtraction and squaring without Scalars that a dispose scope can free.
/// </summary>
/// <remarks>
/// TorchSharp 0.107's <c>a + b</c> is <c>add(b, alpha)</c> with an <c>alpha = 1</c> Scalar, and Scalars are tracked
/// by the current dispose scope. A Scalar first created inside a scope (a static one included) is freed when that
/// scope ends; later calls then read freed memory and libtorch fails at random with "Unknown scalar type" or
/// "Expected false to be true" (seen here after 50–1350 PINN iterations). These two are created by
/// <see cref="EnsureCreated"/>, which <see cref="PinnLossModel"/> calls from its constructor, outside any scope.
/// </remarks>
internal static class TensorArithmetic
{
    private static Scalar? one;
    private static Scalar? minusOne;

    /// <summary>Creates the Scalars; call outside any dispose scope.</summary>
    public static void EnsureCreated()
    {
        one ??= 1.0.ToScalar();
        minusOne ??= (-1.0).ToScalar();
    }

    public static Tensor Plus(this Tensor a, Tensor b) => a.add(b, one ?? throw NotCreated());

    public static Tensor Minus(this Tensor a, Tensor b) => a.add(b, minusOne ?? throw NotCreated());

    /// <summary>
    /// a², as a·a: TorchSharp's <c>square()</c> is <c>pow(2)</c> with a Scalar exponent, which failed the same way
    /// ("INTERNAL ASSERT FAILED at c10/core/Scalar.h:279" in pow_Tensor_Scalar, once in a CI run).
    /// </summary>
    public static Tensor Squared(this Tensor a) => a.mul(a);

    private static System.InvalidOperationException NotCreated() => new("TensorArithmetic.EnsureCreated was not called");
}
