using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// Exact Hilbert-space simulation of a pulse sequence without relaxation (line broadening only):
/// σ → U σ U† with U from the eigendecomposition of each piecewise-constant Hamiltonian, then the
/// FID as a sum of transitions of the free Hamiltonian.
/// </summary>
/// <remarks>
/// The system is split into coupled groups (<see cref="SpinSystem.CoupledGroups"/>); groups with no
/// spin on the channel give no signal and are skipped. The initial state is the equilibrium
/// deviation σ_eq = Σ_k (γ_k/γ_ch) I_kz. Delays and the acquisition use the free Hamiltonian, whose
/// eigendecomposition is done per total-M block (it commutes with F_z) and cached per B0 offset.
/// Acquisition: with H₀ = V Λ V†, σ' = V†σV and D' = V†F⁺V, s(t) = Σ_ab σ'_ab D'_ba e^{i(λ_b − λ_a)t}
/// / Tr(I_z²): each (a, b) with a non-zero product is a line at (λ_b − λ_a)/2π Hz. Not thread-safe
/// (it caches eigendecompositions).
/// </remarks>
public sealed class HilbertSimulator
{
    private readonly Dictionary<(int Group, double Offset), HermitianEigen> _freeEigen = new();

    /// <summary>Creates a simulator; the channel defaults to the isotope of spin 0.</summary>
    public HilbertSimulator(SpinSystem system, Isotope? channel = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        System = system;
        Channel = channel ?? system.Spins[0].Isotope;
        Groups = system.CoupledGroups()
            .Where(g => g.Spins.Any(s => s.Isotope == Channel))
            .Select(g => new SpinHamiltonian(g, Channel))
            .ToArray();
    }

    /// <summary>The whole spin system.</summary>
    public SpinSystem System { get; }

    /// <summary>The RF/receiver channel.</summary>
    public Isotope Channel { get; }

    /// <summary>One Hamiltonian per coupled group that has channel spins.</summary>
    public IReadOnlyList<SpinHamiltonian> Groups { get; }

    /// <summary>γB0/2π of the channel isotope, Hz.</summary>
    public double ObserveFrequencyHz => Channel.LarmorFrequencyHz(System.FieldTesla);

    /// <summary>Simulates the FID, averaged over <paramref name="ensemble"/> (default: the nominal member).</summary>
    public Fid Simulate(PulseSequence sequence, IEnumerable<EnsembleMember>? ensemble = null)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        IReadOnlyList<EnsembleMember> members = EnsembleMember.Validate(ensemble);
        double totalWeight = members.Sum(m => m.Weight);
        var points = new Complex[sequence.Acquisition.Points];
        foreach (EnsembleMember member in members)
        {
            Fid.AccumulateLines(Lines(sequence.Elements, member), sequence.Acquisition, member.Weight / totalWeight, points);
        }

        return new Fid(points, sequence.Acquisition.DwellSeconds, ObserveFrequencyHz, System.ReferencePpm);
    }

    /// <summary>The transitions observed after <paramref name="elements"/> for one ensemble member, merged over groups and sorted by frequency.</summary>
    public IReadOnlyList<SpectralLine> Lines(IEnumerable<SequenceElement> elements, EnsembleMember? member = null)
    {
        ArgumentNullException.ThrowIfNull(elements);
        member ??= EnsembleMember.Nominal;
        SequenceElement[] list = elements.ToArray();
        var lines = new List<SpectralLine>();
        for (int g = 0; g < Groups.Count; g++)
        {
            ComplexMatrix sigma = Evolve(g, list, member, Groups[g].Equilibrium);
            lines.AddRange(LinesOf(g, sigma, member.B0OffsetHz));
        }

        return Merge(lines);
    }

    /// <summary>Applies <paramref name="elements"/> to <paramref name="sigma"/> (not modified) for group <paramref name="group"/>.</summary>
    public ComplexMatrix Evolve(int group, IEnumerable<SequenceElement> elements, EnsembleMember member, ComplexMatrix sigma)
    {
        ArgumentNullException.ThrowIfNull(elements);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(sigma);
        SpinHamiltonian h = Groups[group];
        ComplexMatrix state = sigma.Clone();
        foreach (SequenceElement element in elements)
        {
            switch (Resolve(element))
            {
                case HardPulse p:
                    state = Transform(Rotation.HardPulse(h, p.FlipDegrees * member.B1Scale * Math.PI / 180, p.PhaseDegrees * Math.PI / 180), state);
                    break;
                case Delay d:
                    if (d.Seconds > 0) state = Transform(FreeEigen(group, member.B0OffsetHz).Propagator(d.Seconds), state);
                    break;
                case ShapedPulse s:
                    for (int j = 0; j < s.Steps; j++)
                    {
                        ComplexMatrix hj = h.WithRf(member.B0OffsetHz, member.B1Scale * s.XHz[j], member.B1Scale * s.YHz[j]);
                        state = Transform(HermitianEigen.Decompose(hj).Propagator(s.StepSeconds), state);
                    }

                    break;
                case CoherenceFilter f:
                    f.Apply(state, h.ChannelTwiceM);
                    break;
                default:
                    throw new ArgumentException("Unknown sequence element " + element.GetType().Name + ".", nameof(elements));
            }
        }

        return state;
    }

    /// <summary>
    /// The adjoint (Heisenberg-picture) map of <paramref name="elements"/> applied to an observable C:
    /// returns C' with Tr(C'† σ) = Tr(C† E(σ)) for every σ, where E is the forward map of
    /// <see cref="Evolve"/>. Unitary steps give U†CU (elements in reverse order); a coherence filter is
    /// an orthogonal projection on matrix elements, hence its own adjoint.
    /// </summary>
    public ComplexMatrix AdjointEvolve(int group, IEnumerable<SequenceElement> elements, EnsembleMember member, ComplexMatrix observable)
    {
        ArgumentNullException.ThrowIfNull(elements);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(observable);
        SpinHamiltonian h = Groups[group];
        ComplexMatrix c = observable.Clone();
        foreach (SequenceElement element in elements.Reverse())
        {
            switch (Resolve(element))
            {
                case HardPulse p:
                    c = Heisenberg(Rotation.HardPulse(h, p.FlipDegrees * member.B1Scale * Math.PI / 180, p.PhaseDegrees * Math.PI / 180), c);
                    break;
                case Delay d:
                    if (d.Seconds > 0) c = Heisenberg(FreeEigen(group, member.B0OffsetHz).Propagator(d.Seconds), c);
                    break;
                case ShapedPulse s:
                    for (int j = s.Steps - 1; j >= 0; j--)
                    {
                        ComplexMatrix hj = h.WithRf(member.B0OffsetHz, member.B1Scale * s.XHz[j], member.B1Scale * s.YHz[j]);
                        c = Heisenberg(HermitianEigen.Decompose(hj).Propagator(s.StepSeconds), c);
                    }

                    break;
                case CoherenceFilter f:
                    f.Apply(c, h.ChannelTwiceM);
                    break;
                default:
                    throw new ArgumentException("Unknown sequence element " + element.GetType().Name + ".", nameof(elements));
            }
        }

        return c;
    }

    /// <summary>The (unmerged) transitions of state <paramref name="sigma"/> of group <paramref name="group"/> under the free Hamiltonian with a B0 offset.</summary>
    public IReadOnlyList<SpectralLine> LinesOf(int group, ComplexMatrix sigma, double b0OffsetHz)
    {
        ArgumentNullException.ThrowIfNull(sigma);
        SpinHamiltonian h = Groups[group];
        HermitianEigen eigen = FreeEigen(group, b0OffsetHz);
        ComplexMatrix v = eigen.Vectors, vt = v.Adjoint();
        ComplexMatrix s = vt * sigma * v;
        ComplexMatrix d = vt * h.DetectionOperator * v;
        var lines = new List<SpectralLine>();
        double norm = h.SignalNorm;
        for (int a = 0; a < s.Rows; a++)
        {
            for (int b = 0; b < s.Columns; b++)
            {
                Complex amplitude = s[a, b] * d[b, a] / norm;
                if (amplitude.Magnitude > 1e-15) lines.Add(new SpectralLine((eigen.Values[b] - eigen.Values[a]) / (2 * Math.PI), amplitude));
            }
        }

        return lines;
    }

    /// <summary>Sums lines whose frequencies agree to 1e-6 Hz and drops those with |A| ≤ 1e-13; sorted by frequency.</summary>
    public static IReadOnlyList<SpectralLine> Merge(IEnumerable<SpectralLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var sorted = lines.OrderBy(l => l.FrequencyHz).ToList();
        var merged = new List<SpectralLine>();
        int i = 0;
        while (i < sorted.Count)
        {
            double f0 = sorted[i].FrequencyHz, weightedF = 0, weight = 0;
            Complex sum = Complex.Zero;
            int j = i;
            while (j < sorted.Count && sorted[j].FrequencyHz - f0 <= 1e-6)
            {
                sum += sorted[j].Amplitude;
                weightedF += sorted[j].FrequencyHz * sorted[j].Amplitude.Magnitude;
                weight += sorted[j].Amplitude.Magnitude;
                j++;
            }

            if (sum.Magnitude > 1e-13) merged.Add(new SpectralLine(weight > 0 ? weightedF / weight : f0, sum));
            i = j;
        }

        return merged;
    }

    /// <summary>The cached eigendecomposition of H₀(Δ) for group <paramref name="group"/>, by total-M blocks.</summary>
    internal HermitianEigen FreeEigen(int group, double b0OffsetHz)
    {
        if (!_freeEigen.TryGetValue((group, b0OffsetHz), out HermitianEigen? eigen))
        {
            SpinHamiltonian h = Groups[group];
            eigen = HermitianEigen.Decompose(h.FreeWithOffset(b0OffsetHz), h.TotalTwiceM);
            _freeEigen[(group, b0OffsetHz)] = eigen;
        }

        return eigen;
    }

    /// <summary>An <see cref="EditingPulse"/> as the shaped pulse at this system's field and reference; other elements unchanged.</summary>
    internal SequenceElement Resolve(SequenceElement element) => element is EditingPulse e ? e.ToShaped(ObserveFrequencyHz, System.ReferencePpm) : element;

    private static ComplexMatrix Transform(ComplexMatrix u, ComplexMatrix sigma) => u * sigma * u.Adjoint();

    private static ComplexMatrix Heisenberg(ComplexMatrix u, ComplexMatrix c) => u.Adjoint() * c * u;
}
