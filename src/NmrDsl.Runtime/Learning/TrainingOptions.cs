using System;

namespace NmrDsl.Runtime.Learning;

/// <summary>Settings of <see cref="EchoTrainer"/>.</summary>
public sealed record TrainingOptions
{
    /// <summary>mlp or cnn.</summary>
    public string Architecture { get; init; } = EchoNetworks.Cnn;

    /// <summary>Most epochs.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>Curves per Adam step.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Adam learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Stop after this many epochs without a lower validation loss.</summary>
    public int Patience { get; init; } = 15;

    /// <summary>Seed of the weights, the split and the shuffling.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Share of curves for validation (early stopping).</summary>
    public double ValidationFraction { get; init; } = 0.15;

    /// <summary>Share of curves held out for the test scores.</summary>
    public double TestFraction { get; init; } = 0.15;

    /// <summary>Feature window (null: <see cref="EchoNetworks.DefaultFeatures"/>).</summary>
    public EchoFeatures? Features { get; init; }

    /// <summary>Write the parity plots (PNG).</summary>
    public bool Plots { get; init; } = true;

    /// <summary>Throws on settings that cannot work.</summary>
    public void Validate()
    {
        if (Architecture is not (EchoNetworks.Mlp or EchoNetworks.Cnn))
        {
            throw new ArgumentException($"unknown model '{Architecture}'; expected mlp or cnn");
        }

        if (Epochs < 1 || BatchSize < 1 || Patience < 1 || !(LearningRate > 0))
        {
            throw new ArgumentException("epochs, batch size and patience must be at least 1 and the learning rate positive");
        }

        if (!(ValidationFraction > 0) || TestFraction < 0 || ValidationFraction + TestFraction >= 0.9)
        {
            throw new ArgumentException("the validation share must be positive and validation + test below 0.9");
        }
    }
}

/// <summary>Reported after every epoch.</summary>
/// <param name="Epoch">1-based epoch just finished.</param>
/// <param name="Epochs">the most epochs.</param>
/// <param name="TrainLoss">mean training MSE over the scaled targets.</param>
/// <param name="ValidationLoss">validation MSE over the scaled targets.</param>
/// <param name="Seconds">wall time of the epoch.</param>
public sealed record TrainingProgress(int Epoch, int Epochs, double TrainLoss, double ValidationLoss, double Seconds);

/// <summary>One row of history.csv.</summary>
public sealed record EpochRecord(int Epoch, double TrainLoss, double ValidationLoss, double Seconds);
