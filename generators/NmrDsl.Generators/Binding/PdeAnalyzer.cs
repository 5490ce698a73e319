using System.Collections.Generic;
using System.Linq;
using NmrDsl.Generators.Symbolic;

namespace NmrDsl.Generators.Binding;

/// <summary>
/// Brings a bound equation F = lhs − rhs = 0 into the conservative normal form
/// <c>A du/dt = div(K grad u) + S0 + S1 u</c> by symbolic differentiation with respect to the
/// placeholders of the differential operators: A = ∂F/∂(dt u), c_i = ∂F/∂(div_i) (constant),
/// K_i = ∂X_i/∂(grad u) for each div(X_i), and the remainder R = F|ops=0 gives S = −R with
/// S1 = ∂S/∂u, S0 = S|u=0. Each step checks the form it assumes and says what is wrong if not.
/// </summary>
public static class PdeAnalyzer
{
    /// <summary>The normal form, or the reason the equation does not have it.</summary>
    public sealed record Result(Expr? Capacity, Expr? Diffusivity, Expr? SourceConstant, Expr? SourceLinear, PdeProblemKind Problem, string Detail);

    /// <summary>What is wrong with an equation (None when it is fine).</summary>
    public enum PdeProblemKind
    {
        None,
        NoTimeDerivative,
        NonlinearTimeDerivative,
        DivergenceCoefficient,
        FluxForm,
        NonlinearSource,
    }

    public static Result Analyze(Expr residual, IReadOnlyList<Expr> divergenceArguments, string field)
    {
        var f = Simplifier.Simplify(residual);
        var divergences = Enumerable.Range(0, divergenceArguments.Count).Select(i => PdeSymbols.DivergencePrefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var operators = new List<string>(divergences) { PdeSymbols.TimeDerivative, PdeSymbols.Gradient, field };

        var capacity = Simplifier.Simplify(Differentiator.Differentiate(f, PdeSymbols.TimeDerivative));
        if (capacity is Number { Value: 0 }) return Fail(PdeProblemKind.NoTimeDerivative, field);
        if (operators.Any(o => ExprAnalysis.DependsOn(capacity, o))) return Fail(PdeProblemKind.NonlinearTimeDerivative, field);
        if (capacity is Number { Value: < 0 })
        {
            // "-dt(u) = -div(...)": flip the sign so that the capacity is positive.
            f = Simplifier.Simplify(-f);
            capacity = Simplifier.Simplify(-capacity);
        }

        Expr diffusivity = Expr.Num(0);
        var zeroOperators = new Dictionary<string, Expr> { [PdeSymbols.TimeDerivative] = Expr.Num(0) };
        for (int i = 0; i < divergences.Length; i++)
        {
            var coefficient = Simplifier.Simplify(Differentiator.Differentiate(f, divergences[i]));
            if (coefficient is not Number c || c.Value == 0) return Fail(PdeProblemKind.DivergenceCoefficient, ExprFormatter.Format(coefficient));
            var argument = Simplifier.Simplify(divergenceArguments[i]);
            var k = Simplifier.Simplify(Differentiator.Differentiate(argument, PdeSymbols.Gradient));
            var rest = Simplifier.Simplify(argument - (k * Expr.Sym(PdeSymbols.Gradient)));
            if (rest is not Number { Value: 0 } || ExprAnalysis.DependsOn(k, PdeSymbols.Gradient) || ExprAnalysis.DependsOn(k, field)
                || divergences.Any(d => ExprAnalysis.DependsOn(argument, d)))
            {
                return Fail(PdeProblemKind.FluxForm, ExprFormatter.Format(argument).Replace(PdeSymbols.Gradient, "grad(" + field + ")"));
            }
            diffusivity = diffusivity + (Expr.Num(-c.Value) * k);
            zeroOperators[divergences[i]] = Expr.Num(0);
        }

        var remainder = Simplifier.Simplify(ExprAnalysis.Substitute(f, zeroOperators));
        if (ExprAnalysis.DependsOn(remainder, PdeSymbols.Gradient))
        {
            return Fail(PdeProblemKind.FluxForm, "grad(" + field + ") outside div(...) (advection is not supported yet)");
        }
        var source = Simplifier.Simplify(-remainder);
        var linear = Simplifier.Simplify(Differentiator.Differentiate(source, field));
        var curvature = Simplifier.Simplify(Differentiator.Differentiate(linear, field));
        if (curvature is not Number { Value: 0 })
        {
            return Fail(PdeProblemKind.NonlinearSource, ExprFormatter.Format(source));
        }
        var constant = Simplifier.Simplify(ExprAnalysis.Substitute(source, new Dictionary<string, Expr> { [field] = Expr.Num(0) }));
        return new Result(capacity, Simplifier.Simplify(diffusivity), constant, linear, PdeProblemKind.None, "");
    }

    private static Result Fail(PdeProblemKind kind, string detail) => new(null, null, null, null, kind, detail);
}
