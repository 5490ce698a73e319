using System;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// The deterministic random stream of the echo workload: SplitMix64 (64-bit state, Weyl increment
/// 0x9E3779B97F4A7C15, two xor-shift-multiply finalisation rounds). Chosen over <see cref="Random"/> because
/// its output is fixed by this file alone (no dependence on the .NET version) and it is a few lines in any
/// language, so the NumPy cross-check (bench/echo/echo_numpy.py) draws bit-identical offsets from the same seed.
/// Not thread-safe: one instance per curve.
/// </summary>
public sealed class EchoRandom
{
    private ulong _state;

    /// <summary>A stream starting from <paramref name="seed"/>.</summary>
    public EchoRandom(ulong seed) => _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        _state = unchecked(_state + 0x9E3779B97F4A7C15UL);
        ulong z = _state;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits: (bits ≫ 11)·2⁻⁵³.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>
    /// A child seed for unit <paramref name="index"/> of a job seeded with <paramref name="seed"/>: the first output of
    /// SplitMix64 started at seed ⊕ (index·0xD1B54A32D192ED03 + 1). Deterministic and independent of scheduling, so
    /// curve c of a dataset gets the same seed whichever thread runs it.
    /// </summary>
    public static ulong Derive(ulong seed, ulong index) =>
        new EchoRandom(seed ^ unchecked(index * 0xD1B54A32D192ED03UL + 1UL)).NextUInt64();
}
