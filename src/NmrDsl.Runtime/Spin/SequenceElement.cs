namespace NmrDsl.Runtime.Spin;

/// <summary>One step of a pulse sequence: <see cref="HardPulse"/>, <see cref="Delay"/>, <see cref="ShapedPulse"/>, <see cref="EditingPulse"/> or <see cref="CoherenceFilter"/>.</summary>
public abstract record SequenceElement;
