using System.Linq;
using NmrDsl.Generators.Symbolic;

namespace NmrDsl.Generators.Tests.Symbolic;

/// <summary>Checks the structural invariants the simplifier promises (see Simplifier remarks).</summary>
internal static class CanonicalForm
{
    public static void AssertCanonical(Expr e)
    {
        foreach (var s in ExprGen.Subtrees(e)) Check(s, e);
    }

    private static void Check(Expr s, Expr root)
    {
        string where = " in " + root;
        switch (s)
        {
            case Number n:
                Assert.False(n.Value == 0.0 && double.IsNegative(n.Value), "-0" + where);
                break;
            case Sum sum:
                Assert.True(sum.Terms.Count >= 2, "short sum" + where);
                Assert.DoesNotContain(sum.Terms, t => t is Sum);
                Assert.True(sum.Terms.Take(sum.Terms.Count - 1).All(t => t is not Number), "number not last in " + s + where);
                Assert.DoesNotContain(sum.Terms, t => t is Number { Value: 0.0 });
                break;
            case Product p:
                Assert.True(p.Factors.Count >= 2, "short product" + where);
                Assert.DoesNotContain(p.Factors, f => f is Product);
                Assert.True(p.Factors.Skip(1).All(f => f is not Number), "number not first in " + s + where);
                Assert.DoesNotContain(p.Factors, f => f is Number { Value: 0.0 } or Number { Value: 1.0 });
                var bases = p.Factors.Where(f => f is not Number).Select(f => f is Power q ? q.Base : f).ToList();
                Assert.True(bases.Distinct().Count() == bases.Count, "repeated base in " + s + where);
                break;
            case Power pw:
                Assert.False(pw.Exponent is Number { Value: 0.0 } or Number { Value: 1.0 }, "trivial power" + where);
                Assert.False(pw.Base is Number { Value: 1.0 }, "1^x" + where);
                break;
        }
    }
}
