using System;
using CsCheck;
using MathNet.Numerics.LinearAlgebra;
using NmrDsl.Runtime.Pde;

namespace NmrDsl.Runtime.Tests.Pde;

public sealed class TridiagonalSolverTests
{
    [Fact]
    public void MatchesDenseLuOnRandomDiagonallyDominantSystems()
    {
        // Reference: MathNet.Numerics dense LU. Tolerance 1e-10 relative (both are backward stable here).
        Gen.Select(Gen.Int[1, 40], Gen.Int[0, 1_000_000]).Sample((n, seed) =>
        {
            var random = new Random(seed);
            var m = new TridiagonalMatrix(n);
            var rhs = new double[n];
            for (int i = 0; i < n; i++)
            {
                m.Lower[i] = i > 0 ? random.NextDouble() * 2 - 1 : 0;
                m.Upper[i] = i < n - 1 ? random.NextDouble() * 2 - 1 : 0;
                m.Diagonal[i] = (Math.Abs(m.Lower[i]) + Math.Abs(m.Upper[i]) + 0.1 + random.NextDouble()) * (random.Next(2) == 0 ? 1 : -1);
                rhs[i] = random.NextDouble() * 10 - 5;
            }

            double[] x = TridiagonalSolver.Solve(m, rhs);
            Vector<double> reference = Matrix<double>.Build.DenseOfArray(m.ToDense()).LU().Solve(Vector<double>.Build.DenseOfArray(rhs));
            for (int i = 0; i < n; i++)
            {
                if (Math.Abs(x[i] - reference[i]) > 1e-10 * (1 + Math.Abs(reference[i])))
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Fact]
    public void SingularMatrixIsReported()
    {
        var m = new TridiagonalMatrix(3);
        m.Diagonal[0] = 0;
        Assert.Throws<InvalidOperationException>(() => TridiagonalSolver.Solve(m, new double[3]));
    }

    [Fact]
    public void MultiplyMatchesDense()
    {
        var m = new TridiagonalMatrix(4);
        for (int i = 0; i < 4; i++)
        {
            m.Lower[i] = i + 1;
            m.Diagonal[i] = 10 * (i + 1);
            m.Upper[i] = -(i + 1);
        }

        double[] x = { 1, 2, 3, 4 };
        double[] y = m.Multiply(x);
        Vector<double> reference = Matrix<double>.Build.DenseOfArray(m.ToDense()) * Vector<double>.Build.DenseOfArray(x);
        Assert.Equal(reference.ToArray(), y);
    }
}
