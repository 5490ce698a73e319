using System;

namespace NmrDsl.Runtime.Pinn;

/// <summary>
/// Maps the dimensionless position ξ of one region onto the network input q̂ ∈ [−1, 1]. The region that holds the
/// centre of a cylinder or sphere uses q̂ = 2ξ²/b² − 1: the network is then even in ξ, so du/dξ = 0 at ξ = 0
/// (regularity) holds exactly and the singular term k/ξ du/dξ becomes k (dq̂/dξ / ξ) du/dq̂, which is finite
/// (hard constraint, reference/spin-diffusion-pinn.md §4.3). Other regions map affinely.
/// </summary>
internal readonly record struct RegionInputMap(double Start, double End, bool Squared)
{
    /// <summary>q̂(ξ).</summary>
    public double Input(double xi) => Squared
        ? 2.0 * xi * xi / (End * End) - 1.0
        : 2.0 * (xi - Start) / (End - Start) - 1.0;

    /// <summary>dq̂/dξ.</summary>
    public double Slope(double xi) => Squared ? 4.0 * xi / (End * End) : 2.0 / (End - Start);

    /// <summary>d²q̂/dξ².</summary>
    public double Curvature => Squared ? 4.0 / (End * End) : 0.0;

    /// <summary>(dq̂/dξ) / ξ, finite at ξ = 0 for the squared map.</summary>
    public double SlopeOverPosition(double xi) => Squared ? 4.0 / (End * End) : 2.0 / ((End - Start) * xi);
}

/// <summary>
/// The time input of the networks and the hard initial condition. The input is τ̂ = 2 ln(1 + τ/τs) / ln(1 + 1/τs) − 1:
/// build-up curves change over decades of time (a solvent T_B of 3 s against 300 s of data), and what is a steep
/// exponential in τ is a smooth sigmoid in ln τ. With a uniform initial value u0 the field is u = u0 + h(τ) N with
/// h = 1 − exp(−τ/τc), so u(ξ, 0) = u0 exactly (Lagaris et al., IEEE TNN 9, 987 (1998)) and h → 1 once the fastest
/// relaxation (τc) is over, leaving N ≈ u.
/// </summary>
internal readonly record struct TimeInputMap(double FeatureTime, double RampTime)
{
    private double LogSpan => Math.Log(1.0 + 1.0 / FeatureTime);

    /// <summary>τ̂(τ).</summary>
    public double Input(double tau) => 2.0 * Math.Log(1.0 + tau / FeatureTime) / LogSpan - 1.0;

    /// <summary>dτ̂/dτ.</summary>
    public double Slope(double tau) => 2.0 / ((FeatureTime + tau) * LogSpan);

    /// <summary>h(τ) of the hard initial condition.</summary>
    public double Ramp(double tau) => 1.0 - Math.Exp(-tau / RampTime);

    /// <summary>dh/dτ.</summary>
    public double RampSlope(double tau) => Math.Exp(-tau / RampTime) / RampTime;
}
