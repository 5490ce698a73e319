using System;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace NmrDsl.Runtime.Descriptors;

/// <summary>Löwdin (symmetric) orthonormalisation: S^(−1/2) of a symmetric positive-definite overlap matrix.</summary>
internal static class Lowdin
{
    /// <summary>S^(−1/2) = V diag(λ^(−1/2)) Vᵀ; throws when S is not positive definite (DScribe: "complex" basis).</summary>
    public static double[,] InverseSquareRoot(double[,] overlap, string what)
    {
        Matrix<double> s = Matrix<double>.Build.DenseOfArray(overlap);
        Evd<double> evd = s.Evd(Symmetricity.Symmetric);
        Vector<double> lambda = evd.EigenValues.Map(c => c.Real);
        double largest = lambda.AbsoluteMaximum();
        if (lambda.Minimum() <= largest * 1e-15)
        {
            throw new ArgumentException($"{what}: the overlap matrix is not positive definite (smallest eigenvalue {lambda.Minimum():G3}); reduce n_max or increase r_cut");
        }

        Matrix<double> v = evd.EigenVectors;
        return (v * Matrix<double>.Build.DiagonalOfDiagonalVector(lambda.Map(x => 1 / Math.Sqrt(x))) * v.Transpose()).ToArray();
    }
}
