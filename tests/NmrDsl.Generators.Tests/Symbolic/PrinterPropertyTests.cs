using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CsCheck;
using NmrDsl.Generators.Symbolic;
using NmrDsl.Generators.Tests.Units;
using static NmrDsl.Generators.Tests.Symbolic.Numerics;

namespace NmrDsl.Generators.Tests.Symbolic;

public class PrinterPropertyTests
{
    private const int BatchSize = 100;

    /// <summary>
    /// The printed C# of random trees (raw, simplified and differentiated), compiled by Roslyn in
    /// one batch, evaluates to what <see cref="ExprAnalysis.Evaluate"/> gives, within a small
    /// multiple of the running rounding-error bound (divisions are grouped differently, see
    /// <see cref="ErrorBound"/>). Printed code that does not compile fails the test with the
    /// compiler's messages.
    /// </summary>
    [Fact]
    public void Compiled_printed_code_evaluates_like_the_evaluator()
    {
        Gen.Select(ExprGen.Any.Array[BatchSize], ExprGen.Points.Array[3]).Sample((batch, points) =>
        {
            var exprs = new List<Expr>();
            foreach (Expr e in batch)
            {
                exprs.Add(e);
                exprs.Add(Simplifier.Simplify(e));
                exprs.Add(Differentiator.Differentiate(e, "x"));
            }
            var functions = RoslynBatch.Compile(exprs.Select(e => CSharpExpressionPrinter.Print(e, s => s)).ToArray());
            var failures = new List<string>();
            int compared = 0;
            for (int i = 0; i < exprs.Count; i++)
            {
                foreach (var (x, y) in points)
                {
                    double expected = Eval(exprs[i], x, y);
                    double bound = ErrorBound.Of(exprs[i], x, y);
                    if (!IsFinite(expected) || !IsFinite(bound)) continue;
                    double actual = Invoke(functions[i], x, y);
                    compared++;
                    if (!(Math.Abs(actual - expected) <= (8 * bound) + 1e-300))
                    {
                        failures.Add($"{CSharpExpressionPrinter.Print(exprs[i], s => s)} at ({x:R}, {y:R}): compiled {actual:R}, evaluator {expected:R}, error bound {bound:R}");
                    }
                }
            }
            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
            Assert.True(compared >= exprs.Count, $"only {compared} comparisons for {exprs.Count} expressions");
        }, iter: 1, threads: 1);
    }

    [Fact]
    public void Printing_is_identical_under_a_Finnish_culture()
    {
        ExprGen.Any.Sample(e =>
        {
            Expr s = Simplifier.Simplify(e);
            string[] invariant = { CSharpExpressionPrinter.Print(e, n => n), CSharpExpressionPrinter.Print(s, n => n), ExprFormatter.Format(e), s.ToString() };
            using (CultureScope.Finnish())
            {
                string[] finnish = { CSharpExpressionPrinter.Print(e, n => n), CSharpExpressionPrinter.Print(s, n => n), ExprFormatter.Format(e), s.ToString() };
                Assert.Equal(invariant, finnish);
            }
        }, iter: 300);
    }

    private static double Invoke(Func<double, double, double> f, double x, double y)
    {
        try
        {
            return f(x, y);
        }
        catch (ArithmeticException)
        {
            return double.NaN; // Math.Sign(NaN) throws; the evaluator returns NaN there
        }
    }
}
