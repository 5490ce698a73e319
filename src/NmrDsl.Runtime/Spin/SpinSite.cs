namespace NmrDsl.Runtime.Spin;

/// <summary>One nucleus of a spin system: a name (e.g. "H2"), its isotope and its isotropic chemical shift δ in ppm.</summary>
public sealed record SpinSite(string Name, Isotope Isotope, double ShiftPpm);
