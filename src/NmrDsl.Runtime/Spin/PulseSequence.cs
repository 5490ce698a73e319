using System;
using System.Collections.Generic;
using System.Linq;

namespace NmrDsl.Runtime.Spin;

/// <summary>A pulse sequence: elements applied in order to the equilibrium state, then an acquisition.</summary>
public sealed record PulseSequence
{
    private readonly SequenceElement[] _elements;

    /// <summary>Creates a sequence (the element list is copied).</summary>
    public PulseSequence(IEnumerable<SequenceElement> elements, Acquisition acquisition)
    {
        ArgumentNullException.ThrowIfNull(elements);
        ArgumentNullException.ThrowIfNull(acquisition);
        _elements = elements.ToArray();
        if (_elements.Any(e => e is null)) throw new ArgumentException("A pulse sequence element is null.", nameof(elements));
        Acquisition = acquisition;
    }

    /// <summary>The elements in order.</summary>
    public IReadOnlyList<SequenceElement> Elements => _elements;

    /// <summary>The acquisition.</summary>
    public Acquisition Acquisition { get; }

    /// <summary>
    /// Ideal PRESS (FID-A <c>sim_press</c>, reference sheet §3.4): 90°ₓ – TE1/2 – 180°_y – (TE1+TE2)/2 –
    /// 180°_y – TE2/2 – acquire, with coherence filters −1, +1, −1 after the pulses.
    /// </summary>
    public static PulseSequence Press(double te1Seconds, double te2Seconds, Acquisition acquisition) => new(
        [
            new HardPulse(90, 0), new CoherenceFilter(-1), new Delay(te1Seconds / 2),
            new HardPulse(180, 90), new CoherenceFilter(1), new Delay((te1Seconds + te2Seconds) / 2),
            new HardPulse(180, 90), new CoherenceFilter(-1), new Delay(te2Seconds / 2),
        ],
        acquisition);

    /// <summary>Pulse–acquire: 90° at phase <paramref name="phaseDegrees"/>, then acquire.</summary>
    public static PulseSequence PulseAcquire(Acquisition acquisition, double phaseDegrees = 90) => new([new HardPulse(90, phaseDegrees)], acquisition);

    /// <summary>Hahn echo 90°ₓ – TE/2 – 180°_y – TE/2 – acquire.</summary>
    public static PulseSequence SpinEcho(double teSeconds, Acquisition acquisition) => new(
        [new HardPulse(90, 0), new Delay(teSeconds / 2), new HardPulse(180, 90), new Delay(teSeconds / 2)],
        acquisition);
}
