using System;
using System.Collections.Generic;
using NmrDsl.Generators.Model;

namespace NmrDsl.Generators.Symbolic;

/// <summary>
/// The canonical total order on expressions used to sort terms and factors, so that inputs
/// that differ only by commutation simplify to Equal trees and print identically.
/// </summary>
/// <remarks>
/// Depends only on structure (kind rank, then numeric value, ordinal names, children
/// lexicographically), never on hash codes or dictionary order. Consistent with record
/// equality: Compare is 0 exactly when the trees are Equal (double.CompareTo and double.Equals
/// agree on NaN and on ±0).
/// </remarks>
internal sealed class ExprOrder : IComparer<Expr>
{
    public static ExprOrder Instance { get; } = new();

    public int Compare(Expr? a, Expr? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        int rank = Rank(a).CompareTo(Rank(b));
        if (rank != 0) return rank;
        return (a, b) switch
        {
            (Number x, Number y) => x.Value.CompareTo(y.Value),
            (Symbol x, Symbol y) => string.CompareOrdinal(x.Name, y.Name),
            (Power x, Power y) => ComparePair(x.Base, x.Exponent, y.Base, y.Exponent),
            (Call x, Call y) => CompareCall(x, y),
            (Product x, Product y) => CompareLists(x.Factors, y.Factors),
            (Sum x, Sum y) => CompareLists(x.Terms, y.Terms),
            _ => throw new ArgumentException("Unknown expression node " + a.GetType().Name + ".", nameof(a)),
        };
    }

    /// <summary>Compares (a1, a2) with (b1, b2) lexicographically.</summary>
    public int ComparePair(Expr a1, Expr a2, Expr b1, Expr b2)
    {
        int c = Compare(a1, b1);
        return c != 0 ? c : Compare(a2, b2);
    }

    private int CompareCall(Call x, Call y)
    {
        int c = string.CompareOrdinal(x.Function, y.Function);
        return c != 0 ? c : CompareLists(x.Arguments, y.Arguments);
    }

    private int CompareLists(EquatableArray<Expr> x, EquatableArray<Expr> y)
    {
        int n = Math.Min(x.Count, y.Count);
        for (int i = 0; i < n; i++)
        {
            int c = Compare(x[i], y[i]);
            if (c != 0) return c;
        }
        return x.Count.CompareTo(y.Count);
    }

    private static int Rank(Expr e) => e switch
    {
        Number => 0,
        Symbol => 1,
        Power => 2,
        Call => 3,
        Product => 4,
        Sum => 5,
        _ => 6,
    };
}
