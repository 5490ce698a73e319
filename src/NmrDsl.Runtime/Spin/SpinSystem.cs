using System;
using System.Collections.Generic;
using System.Linq;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// A liquid-state spin system: spin-½ nuclei with isotropic chemical shifts (ppm), isotropic
/// scalar couplings (Hz), the static field B0 (T) and the reference shift (ppm) at which each
/// isotope's rotating frame (transmitter and receiver) sits.
/// </summary>
/// <remarks>
/// The rotating-frame offset of spin k is ν_k = (δ_k − δ_ref) × 10⁻⁶ × γ_k B0 / 2π, in Hz
/// (<see cref="OffsetHz"/>); for the metabolite systems of /work/shared/reference/spin-dynamics.md §2
/// the reference is 4.65 ppm (water), as in FID-A's <c>sim_press</c>. The Hilbert dimension is 2^N;
/// use <see cref="CoupledGroups"/> to split a system into connected components of its J-graph
/// (e.g. Gln: 2⁵ + 2 + 2 instead of 2⁷, reference sheet §2.4).
/// </remarks>
public sealed record SpinSystem
{
    /// <summary>The largest number of spins accepted (Hilbert dimension 2^12 = 4096).</summary>
    public const int MaxSpins = 12;

    private readonly SpinSite[] _spins;
    private readonly ScalarCoupling[] _couplings;

    /// <summary>Creates and validates a spin system.</summary>
    /// <exception cref="ArgumentException">Any value is invalid; the message names the offending spin or coupling.</exception>
    public SpinSystem(string name, IEnumerable<SpinSite> spins, IEnumerable<ScalarCoupling> couplings, double fieldTesla, double referencePpm)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A spin system needs a name.", nameof(name));
        ArgumentNullException.ThrowIfNull(spins);
        ArgumentNullException.ThrowIfNull(couplings);
        _spins = spins.ToArray();
        _couplings = couplings.ToArray();
        if (_spins.Length == 0) throw new ArgumentException(Invariant($"Spin system '{name}' has no spins."), nameof(spins));
        if (_spins.Length > MaxSpins)
        {
            throw new ArgumentException(Invariant($"Spin system '{name}' has {_spins.Length} spins; at most {MaxSpins} are supported (Hilbert dimension 2^N). Split it into coupled groups."), nameof(spins));
        }

        if (!(fieldTesla > 0) || !double.IsFinite(fieldTesla))
        {
            throw new ArgumentException(Invariant($"Spin system '{name}': the field must be a positive finite number of tesla, got {fieldTesla}."), nameof(fieldTesla));
        }

        if (!double.IsFinite(referencePpm))
        {
            throw new ArgumentException(Invariant($"Spin system '{name}': the reference shift must be finite, got {referencePpm} ppm."), nameof(referencePpm));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int k = 0; k < _spins.Length; k++)
        {
            SpinSite s = _spins[k] ?? throw new ArgumentException(Invariant($"Spin system '{name}': spin {k} is null."), nameof(spins));
            if (string.IsNullOrWhiteSpace(s.Name)) throw new ArgumentException(Invariant($"Spin system '{name}': spin {k} has no name."), nameof(spins));
            if (!names.Add(s.Name)) throw new ArgumentException(Invariant($"Spin system '{name}': the spin name '{s.Name}' is used twice."), nameof(spins));
            if (s.Isotope is null) throw new ArgumentException(Invariant($"Spin system '{name}': spin '{s.Name}' has no isotope."), nameof(spins));
            if (!s.Isotope.IsSpinHalf)
            {
                throw new ArgumentException(Invariant($"Spin system '{name}': spin '{s.Name}' is {s.Isotope.Symbol} (spin {s.Isotope.TwiceSpin}/2); only spin-1/2 nuclei are supported."), nameof(spins));
            }

            if (!double.IsFinite(s.ShiftPpm)) throw new ArgumentException(Invariant($"Spin system '{name}': spin '{s.Name}' has a non-finite shift {s.ShiftPpm} ppm."), nameof(spins));
        }

        var pairs = new HashSet<(int, int)>();
        foreach (ScalarCoupling c in _couplings)
        {
            if (c is null) throw new ArgumentException(Invariant($"Spin system '{name}': a coupling is null."), nameof(couplings));
            if (c.First < 0 || c.First >= _spins.Length || c.Second < 0 || c.Second >= _spins.Length)
            {
                throw new ArgumentException(Invariant($"Spin system '{name}': coupling ({c.First}, {c.Second}) refers to a spin outside 0..{_spins.Length - 1}."), nameof(couplings));
            }

            if (c.First == c.Second) throw new ArgumentException(Invariant($"Spin system '{name}': spin '{_spins[c.First].Name}' is coupled to itself."), nameof(couplings));
            if (!double.IsFinite(c.Hz)) throw new ArgumentException(Invariant($"Spin system '{name}': coupling {_spins[c.First].Name}–{_spins[c.Second].Name} is not finite ({c.Hz} Hz)."), nameof(couplings));
            if (!pairs.Add((Math.Min(c.First, c.Second), Math.Max(c.First, c.Second))))
            {
                throw new ArgumentException(Invariant($"Spin system '{name}': coupling {_spins[c.First].Name}–{_spins[c.Second].Name} is given twice."), nameof(couplings));
            }
        }

        Name = name;
        FieldTesla = fieldTesla;
        ReferencePpm = referencePpm;
    }

    /// <summary>The system's name (e.g. "Glu").</summary>
    public string Name { get; }

    /// <summary>The spins, in Hilbert-space order (spin 0 is the most significant factor of the product basis).</summary>
    public IReadOnlyList<SpinSite> Spins => _spins;

    /// <summary>The scalar couplings (pairs not listed are uncoupled).</summary>
    public IReadOnlyList<ScalarCoupling> Couplings => _couplings;

    /// <summary>Static field B0 in tesla.</summary>
    public double FieldTesla { get; }

    /// <summary>Reference shift δ_ref in ppm: the rotating-frame (carrier and receiver) position of every channel.</summary>
    public double ReferencePpm { get; }

    /// <summary>Number of spins N.</summary>
    public int Count => _spins.Length;

    /// <summary>Hilbert-space dimension 2^N.</summary>
    public int Dimension => 1 << _spins.Length;

    /// <summary>Index of the spin called <paramref name="spinName"/>.</summary>
    /// <exception cref="ArgumentException">No such spin.</exception>
    public int IndexOf(string spinName)
    {
        for (int k = 0; k < _spins.Length; k++)
        {
            if (string.Equals(_spins[k].Name, spinName, StringComparison.Ordinal)) return k;
        }

        throw new ArgumentException(Invariant($"Spin system '{Name}' has no spin '{spinName}'; spins: {string.Join(", ", _spins.Select(s => s.Name))}."), nameof(spinName));
    }

    /// <summary>Rotating-frame offset of spin k, ν_k = (δ_k − δ_ref)·10⁻⁶·γ_k B0/2π, in Hz.</summary>
    public double OffsetHz(int spin) => (_spins[spin].ShiftPpm - ReferencePpm) * 1e-6 * _spins[spin].Isotope.LarmorFrequencyHz(FieldTesla);

    /// <summary>Larmor frequency γB0/2π of <paramref name="isotope"/> in this field, Hz (signed).</summary>
    public double LarmorFrequencyHz(Isotope isotope)
    {
        ArgumentNullException.ThrowIfNull(isotope);
        return isotope.LarmorFrequencyHz(FieldTesla);
    }

    /// <summary>The symmetric J matrix in Hz (zero diagonal).</summary>
    public double[,] CouplingMatrixHz()
    {
        var j = new double[Count, Count];
        foreach (ScalarCoupling c in _couplings)
        {
            j[c.First, c.Second] = c.Hz;
            j[c.Second, c.First] = c.Hz;
        }

        return j;
    }

    /// <summary>The isotopes present, in order of first appearance.</summary>
    public IReadOnlyList<Isotope> Isotopes() => _spins.Select(s => s.Isotope).Distinct().ToArray();

    /// <summary>
    /// Splits the system into the connected components of its coupling graph (couplings of 0 Hz
    /// do not connect). Each component keeps the field and reference; names get a "#k" suffix when
    /// there is more than one. Spin dynamics of uncoupled groups are independent, and every
    /// observable used here (traces of one-spin operators) is additive over them.
    /// </summary>
    public IReadOnlyList<SpinSystem> CoupledGroups()
    {
        int[] parent = Enumerable.Range(0, Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        foreach (ScalarCoupling c in _couplings)
        {
            if (c.Hz != 0) parent[Find(c.First)] = Find(c.Second);
        }

        var groups = Enumerable.Range(0, Count).GroupBy(Find).Select(g => g.OrderBy(i => i).ToArray()).OrderBy(g => g[0]).ToArray();
        if (groups.Length == 1) return [this];
        var result = new List<SpinSystem>();
        for (int g = 0; g < groups.Length; g++)
        {
            int[] members = groups[g];
            var map = new Dictionary<int, int>();
            for (int i = 0; i < members.Length; i++) map[members[i]] = i;
            var couplings = _couplings
                .Where(c => c.Hz != 0 && map.ContainsKey(c.First) && map.ContainsKey(c.Second))
                .Select(c => new ScalarCoupling(map[c.First], map[c.Second], c.Hz));
            result.Add(new SpinSystem(Invariant($"{Name}#{g}"), members.Select(i => _spins[i]), couplings, FieldTesla, ReferencePpm));
        }

        return result;
    }
}
