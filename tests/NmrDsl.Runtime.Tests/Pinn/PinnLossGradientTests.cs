using System;
using System.Collections.Generic;
using System.Linq;
using NmrDsl.Runtime.Pinn;
using NmrDsl.Testing;

namespace NmrDsl.Runtime.Tests.Pinn;

/// <summary>
/// The PINN loss gradient (reverse mode through the jets, and through the linearised coefficients for the unknown)
/// equals central finite differences of the loss, in float64.
/// </summary>
public sealed class PinnLossGradientTests
{
    /// <summary>
    /// Every component checked against (L(p + h e_i) − L(p − h e_i)) / 2h with h = 1e-6: agreement to 1e-6 relative
    /// to the gradient's largest component (the difference quotient's own error is O(h²) ~ 1e-12 plus rounding
    /// ~ 1e-16 / h ~ 1e-10). The last component is the unknown ln R, whose gradient comes from the linearisation.
    /// </summary>
    [Theory]
    [InlineData(DerivativeMode.TaylorJet, false)]
    [InlineData(DerivativeMode.Autograd, false)]
    [InlineData(DerivativeMode.Autograd, true)]
    public void Gradient_matches_central_differences(DerivativeMode mode, bool runningAverage)
    {
        var problem = new PinnSphereProblem(initialGuess: 0.8e-6, relaxationTime: 0.5, surfaceSource: true);
        var options = new PinnOptions { Width = 6, Radii = 6, Times = 8, QuadratureNodes = 6, MaxDataTimes = 5, Derivatives = mode, RunningAverage = runningAverage };
        var (model, _, _, _, _, _) = PinnTrainer.Build(problem, problem.Data(5), options, new Dictionary<string, double>());
        using var disposable = model;
        double[] p = model.InitialParameters(3);
        var random = new Random(5);
        for (int i = 0; i < model.UnknownOffset; i++) p[i] += 0.2 * (random.NextDouble() - 0.5);
        double[] gradient = model.Evaluate(p, gradient: true).Gradient!;
        double scale = gradient.Max(Math.Abs);
        const double h = 1e-6;
        int[] check = Enumerable.Range(0, p.Length).Where(i => i % 7 == 0 || i >= model.UnknownOffset).ToArray();
        foreach (int i in check)
        {
            double[] plus = (double[])p.Clone(), minus = (double[])p.Clone();
            plus[i] += h;
            minus[i] -= h;
            double fd = (model.Evaluate(plus, false).Total - model.Evaluate(minus, false).Total) / (2 * h);
            Assert.True(Math.Abs(fd - gradient[i]) <= 1e-6 * scale, FormattableString.Invariant($"component {i}: autograd {gradient[i]:G10}, differences {fd:G10}, scale {scale:G3}"));
        }
        Assert.True(Math.Abs(gradient[^1]) > 1e-8 * scale, "the unknown must influence the loss");
    }
}
