using System;
using System.Collections.Generic;

namespace NmrDsl.Runtime.Pinn;

/// <summary>How collocation times are spread over [0, t_end].</summary>
public enum TimeSampling
{
    /// <summary>Evenly spaced (the poster's regular grid).</summary>
    Uniform,

    /// <summary>Geometric from the shortest time scale to t_end: build-up curves change fastest at early times.</summary>
    Geometric,

    /// <summary>Half geometric, half uniform.</summary>
    Mixed,
}

/// <summary>How derivatives of the network with respect to its inputs are computed.</summary>
public enum DerivativeMode
{
    /// <summary>
    /// Forward-mode Taylor jets propagated through the MLP in closed form (value, d/dq, d²/dq², d/dτ in one pass of
    /// matrix products); only the parameter gradient uses reverse-mode autograd. Measured 1.6x (float64) and 1.9x
    /// (float32) slower than <see cref="Autograd"/> per step at 18,000 points (bench/NmrDsl.Benchmarks/Pinn), so not
    /// the default; kept as an exact cross-check of the derivatives.
    /// </summary>
    TaylorJet,

    /// <summary>Nested reverse-mode autograd (torch.autograd.grad with create_graph and retain_graph): the default.</summary>
    Autograd,
}

/// <summary>Weights of the PINN loss terms (after nondimensionalisation every term is O(1)).</summary>
/// <param name="Pde">Mean squared residual of the equation at the collocation points.</param>
/// <param name="Data">Mean squared relative misfit of the observables (each divided by its max |data|).</param>
/// <param name="Interface">Continuity of the field and of the flux K du/dx across region interfaces.</param>
/// <param name="Boundary">Boundary conditions that are not built into the network.</param>
/// <param name="Initial">Initial condition where it is not built into the network (non-uniform initial values).</param>
public sealed record PinnLossWeights(double Pde = 1.0, double Data = 1.0, double Interface = 1.0, double Boundary = 1.0, double Initial = 1.0)
{
    /// <summary>The weights by term name (pde, data, interface, boundary, initial).</summary>
    public IReadOnlyDictionary<string, double> ByName => new SortedDictionary<string, double>(StringComparer.Ordinal)
    {
        ["pde"] = Pde, ["data"] = Data, ["interface"] = Interface, ["boundary"] = Boundary, ["initial"] = Initial,
    };
}

/// <summary>
/// Settings of a physics-informed neural network fit (<see cref="PinnTrainer"/>). Every property has a working default;
/// the defaults follow the poster (seed pinn-hyperpolarized-dnp-poster.txt: 2 hidden layers of 32 tanh units, a
/// 30 × 600 collocation grid) with Adam then L-BFGS (Raissi et al., J. Comput. Phys. 378, 686 (2019)).
/// </summary>
public sealed record PinnOptions
{
    /// <summary>Hidden layers (the poster's 2).</summary>
    public int Layers { get; init; } = 2;

    /// <summary>Units per hidden layer (the poster's 32).</summary>
    public int Width { get; init; } = 32;

    /// <summary>Collocation radii over the whole domain (split between regions by length, at least 8 each).</summary>
    public int Radii { get; init; } = 30;

    /// <summary>Collocation times.</summary>
    public int Times { get; init; } = 600;

    /// <summary>Spread of the collocation times.</summary>
    public TimeSampling TimeSampling { get; init; } = TimeSampling.Mixed;

    /// <summary>Adam iterations before L-BFGS.</summary>
    public int AdamIterations { get; init; } = 3000;

    /// <summary>Adam learning rate of the network weights.</summary>
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>Adam learning rate of the unknowns (internal variables: ln value for log-scale unknowns).</summary>
    public double UnknownLearningRate { get; init; } = 1e-2;

    /// <summary>
    /// Keep the unknowns at their starting values (a forward PINN solve of the field): their gradient is set to zero
    /// in both phases. Used to validate the network's field against closed forms and the classical solver.
    /// </summary>
    public bool FixUnknowns { get; init; }

    /// <summary>Fraction of the Adam iterations during which the unknowns are held at their starting values (network warm-up).</summary>
    public double UnknownWarmup { get; init; } = 0.25;

    /// <summary>Budget of L-BFGS loss evaluations after Adam (0: none); the run restarts from its best point when the line search gives up early.</summary>
    public int LbfgsIterations { get; init; } = 1000;

    /// <summary>Loss-term weights.</summary>
    public PinnLossWeights Weights { get; init; } = new();

    /// <summary>
    /// Re-balance the weights during Adam so each term's gradient norm matches the PDE term's (learning-rate annealing,
    /// Wang, Teng &amp; Perdikaris, SIAM J. Sci. Comput. 43, A3055 (2021)); the fixed <see cref="Weights"/> multiply them.
    /// </summary>
    public bool AutomaticWeights { get; init; }

    /// <summary>Gauss–Legendre nodes per region for the volume averages of the data terms.</summary>
    public int QuadratureNodes { get; init; } = 32;

    /// <summary>Fit at most this many data times (evenly subsampled, first and last kept).</summary>
    public int MaxDataTimes { get; init; } = 100;

    /// <summary>
    /// Replace each observable's data by a stretched exponential C (1 − exp(−(t/T)^β)) fitted to it, evaluated at
    /// <see cref="MaxDataTimes"/> even times (the poster's augmentation). Smooth targets, but a bias where the data are
    /// not of that form (result.json states each fit's max deviation from the data).
    /// </summary>
    public bool AugmentStretchedExponential { get; init; }

    /// <summary>
    /// In the region at the centre of a cylinder or sphere, train the running average G(r, t) = (k+1)/r^(k+1) ∫₀ʳ u ρ^k dρ
    /// instead of the field and derive u = G + r ∂G/∂r / (k+1) (the poster's change of variable); needs
    /// <see cref="DerivativeMode.Autograd"/>. The spec writes <c>solve pinn … represent average</c>.
    /// </summary>
    public bool RunningAverage { get; init; }

    /// <summary>Seed of the weight initialisation; same seed, same numbers.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Single precision (float32) tensors instead of float64.</summary>
    public bool SinglePrecision { get; init; }

    /// <summary>Derivatives through the network.</summary>
    public DerivativeMode Derivatives { get; init; } = DerivativeMode.Autograd;

    /// <summary>Folder for checkpoints (null: none). A run finds its own checkpoint there and resumes from it.</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>Iterations between checkpoints.</summary>
    public int CheckpointEvery { get; init; } = 250;

    /// <summary>Iterations between progress reports and loss-history entries.</summary>
    public int ReportEvery { get; init; } = 25;

    /// <summary>Checks the settings; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        Check(Layers is >= 1 and <= 16, "layers must be 1 .. 16");
        Check(Width is >= 2 and <= 4096, "width must be 2 .. 4096");
        Check(Radii is >= 4 and <= 100_000, "radii must be 4 .. 100000");
        Check(Times is >= 4 and <= 1_000_000, "times must be 4 .. 1000000");
        Check(AdamIterations >= 0 && LbfgsIterations >= 0 && AdamIterations + LbfgsIterations > 0, "adam and lbfgs iterations must be ≥ 0 and not both 0");
        Check(LearningRate > 0 && UnknownLearningRate > 0, "learning rates must be > 0");
        Check(QuadratureNodes is >= 4 and <= 1024, "quadrature nodes must be 4 .. 1024");
        Check(MaxDataTimes >= 2, "at least 2 data times are needed");
        Check(!RunningAverage || Derivatives == DerivativeMode.Autograd, "the running-average representation needs derivatives autograd");
        Check(UnknownWarmup is >= 0 and <= 1, "the unknowns' warm-up is a fraction 0 .. 1 of the Adam iterations");
        Check(CheckpointEvery >= 1 && ReportEvery >= 1, "checkpoint and report intervals must be ≥ 1");
        var w = Weights;
        Check(w.Pde >= 0 && w.Data > 0 && w.Interface >= 0 && w.Boundary >= 0 && w.Initial >= 0, "loss weights must be ≥ 0 (data > 0)");
    }

    private static void Check(bool ok, string message)
    {
        if (!ok) throw new ArgumentException("PINN option: " + message);
    }
}
