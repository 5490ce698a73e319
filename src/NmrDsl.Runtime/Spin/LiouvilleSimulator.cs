using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using static System.FormattableString;

namespace NmrDsl.Runtime.Spin;

/// <summary>
/// Liouville-space simulation with T1/T2 relaxation (<see cref="RelaxationModel"/>): every delay,
/// pulse step and dwell interval is propagated by the exact exponential of the augmented generator
/// of <see cref="LiouvilleSpace"/>; hard pulses are instantaneous rotations (no relaxation).
/// </summary>
/// <remarks>
/// Cost grows as 4^N per superoperator dimension (64 for three spins, 256 for four), so this is for
/// small systems and for cross-checks; without relaxation it agrees with <see cref="HilbertSimulator"/>.
/// The whole system is simulated as one group. The FID is s_n = e^{−iφ_rx} Tr(σ(nΔt) F⁺)/Tr(I_z²) ·
/// e^{−π LB nΔt}, with σ stepped by the dwell-time propagator. Not thread-safe.
/// </remarks>
public sealed class LiouvilleSimulator
{
    private readonly ComplexMatrix _dissipator;

    /// <summary>Creates a simulator; no relaxation when <paramref name="relaxation"/> is null.</summary>
    public LiouvilleSimulator(SpinSystem system, RelaxationModel? relaxation = null, Isotope? channel = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (system.Count > 5) throw new ArgumentException(Invariant($"Spin system '{system.Name}' has {system.Count} spins; Liouville space is limited to 5 (dimension 1024)."), nameof(system));
        Hamiltonian = new SpinHamiltonian(system, channel);
        Relaxation = relaxation ?? RelaxationModel.None(system.Count);
        _dissipator = LiouvilleSpace.Relaxation(Hamiltonian.Operators, Relaxation);
    }

    /// <summary>The Hamiltonian and operators.</summary>
    public SpinHamiltonian Hamiltonian { get; }

    /// <summary>The relaxation model.</summary>
    public RelaxationModel Relaxation { get; }

    /// <summary>Simulates the FID, averaged over <paramref name="ensemble"/>.</summary>
    public Fid Simulate(PulseSequence sequence, IEnumerable<EnsembleMember>? ensemble = null)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        IReadOnlyList<EnsembleMember> members = EnsembleMember.Validate(ensemble);
        double totalWeight = members.Sum(m => m.Weight);
        Acquisition acq = sequence.Acquisition;
        var points = new Complex[acq.Points];
        int n = Hamiltonian.System.Dimension;
        Complex[] detect = LiouvilleSpace.Vectorize(Hamiltonian.DetectionOperator.Transpose(), augmented: false);
        foreach (EnsembleMember member in members)
        {
            Complex[] v = Evolve(sequence.Elements, member);
            ComplexMatrix dwell = Propagator(Hamiltonian.FreeWithOffset(member.B0OffsetHz), acq.DwellSeconds);
            Complex scale = Complex.FromPolarCoordinates(member.Weight / totalWeight / Hamiltonian.SignalNorm, -acq.ReceiverPhaseDegrees * Math.PI / 180);
            for (int p = 0; p < acq.Points; p++)
            {
                // Tr(σ F⁺) = Σ_ij σ_ij F⁺_ji = vec(σ)·vec(F⁺ᵀ)
                Complex trace = Complex.Zero;
                for (int i = 0; i < n * n; i++) trace += v[i] * detect[i];
                points[p] += scale * trace * Math.Exp(-Math.PI * acq.LineBroadeningHz * p * acq.DwellSeconds);
                if (p + 1 < acq.Points) v = LiouvilleSpace.Apply(dwell, v);
            }
        }

        return new Fid(points, acq.DwellSeconds, Hamiltonian.Channel.LarmorFrequencyHz(Hamiltonian.System.FieldTesla), Hamiltonian.System.ReferencePpm);
    }

    /// <summary>The augmented Liouville vector [vec σ; 1] after <paramref name="elements"/>, starting from equilibrium.</summary>
    public Complex[] Evolve(IEnumerable<SequenceElement> elements, EnsembleMember member)
    {
        ArgumentNullException.ThrowIfNull(elements);
        ArgumentNullException.ThrowIfNull(member);
        int n = Hamiltonian.System.Dimension;
        Complex[] v = LiouvilleSpace.Vectorize(Hamiltonian.Equilibrium, augmented: true);
        foreach (SequenceElement element in elements)
        {
            switch (element is EditingPulse e ? e.ToShaped(Hamiltonian.Channel.LarmorFrequencyHz(Hamiltonian.System.FieldTesla), Hamiltonian.System.ReferencePpm) : element)
            {
                case HardPulse p:
                {
                    ComplexMatrix r = Rotation.HardPulse(Hamiltonian, p.FlipDegrees * member.B1Scale * Math.PI / 180, p.PhaseDegrees * Math.PI / 180);
                    ComplexMatrix sigma = LiouvilleSpace.Unvectorize(v, n);
                    v = LiouvilleSpace.Vectorize(r * sigma * r.Adjoint(), augmented: true);
                    break;
                }

                case Delay d:
                    if (d.Seconds > 0) v = LiouvilleSpace.Apply(Propagator(Hamiltonian.FreeWithOffset(member.B0OffsetHz), d.Seconds), v);
                    break;
                case ShapedPulse s:
                    for (int j = 0; j < s.Steps; j++)
                    {
                        ComplexMatrix hj = Hamiltonian.WithRf(member.B0OffsetHz, member.B1Scale * s.XHz[j], member.B1Scale * s.YHz[j]);
                        v = LiouvilleSpace.Apply(Propagator(hj, s.StepSeconds), v);
                    }

                    break;
                case CoherenceFilter f:
                {
                    ComplexMatrix sigma = LiouvilleSpace.Unvectorize(v, n);
                    f.Apply(sigma, Hamiltonian.ChannelTwiceM);
                    v = LiouvilleSpace.Vectorize(sigma, augmented: true);
                    break;
                }

                default:
                    throw new ArgumentException("Unknown sequence element " + element.GetType().Name + ".", nameof(elements));
            }
        }

        return v;
    }

    /// <summary>exp(G t) of the augmented generator for Hamiltonian <paramref name="h"/> (rad/s).</summary>
    public ComplexMatrix Propagator(ComplexMatrix h, double seconds)
    {
        ArgumentNullException.ThrowIfNull(h);
        ComplexMatrix g = LiouvilleSpace.AugmentedGenerator(h, _dissipator, Hamiltonian.Equilibrium);
        return MatrixExponential.Exp((Complex)seconds * g);
    }
}
