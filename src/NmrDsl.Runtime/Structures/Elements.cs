using System;
using System.Collections.Generic;

namespace NmrDsl.Runtime.Structures;

/// <summary>Chemical element symbols and atomic numbers Z (1–118, IUPAC symbols).</summary>
public static class Elements
{
    private static readonly string[] Symbols =
    [
        "X", "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K", "Ca",
        "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y", "Zr",
        "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe", "Cs", "Ba", "La", "Ce", "Pr", "Nd",
        "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg",
        "Tl", "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac", "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm",
        "Md", "No", "Lr", "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og",
    ];

    private static readonly Dictionary<string, int> ByName = Build();

    /// <summary>Atomic number of <paramref name="symbol"/> (case-sensitive IUPAC symbol), or false if unknown.</summary>
    public static bool TryGetAtomicNumber(string symbol, out int z) => ByName.TryGetValue(symbol, out z);

    /// <summary>Atomic number of <paramref name="symbol"/>.</summary>
    /// <exception cref="ArgumentException">Unknown symbol.</exception>
    public static int AtomicNumber(string symbol) =>
        ByName.TryGetValue(symbol, out int z) ? z : throw new ArgumentException($"unknown element symbol '{symbol}'", nameof(symbol));

    /// <summary>Symbol of atomic number <paramref name="z"/>.</summary>
    public static string Symbol(int z) =>
        z >= 1 && z < Symbols.Length ? Symbols[z] : throw new ArgumentOutOfRangeException(nameof(z), z, "atomic number must be 1..118");

    private static Dictionary<string, int> Build()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int z = 1; z < Symbols.Length; z++) map[Symbols[z]] = z;
        return map;
    }
}
