using System.Collections.Generic;

namespace NmrDsl.Runtime.Learning;

/// <summary>The model and the predict-the-mean baseline (the training labels' mean) on one set of curves.</summary>
/// <param name="Model">scores of the trained model.</param>
/// <param name="MeanBaseline">scores of predicting the training mean for every curve (R² ≈ 0, challenge metric ≈ P/12 for uniform priors).</param>
public sealed record SetComparison(SetScore Model, SetScore MeanBaseline);

/// <summary>
/// metrics.json. The challenge metric (reference /work/shared/reference/echo-challenge.md §3) is reported per curve:
/// MeanErr = mean over curves of Σ_v ((ŷ_v − y_v)/w_v)², w = (0.2, 20, 2, 3) for (alpha, xi, p, d) by name (other
/// parameters: their scaler width). The challenge's Err on its 500 test curves is 500 × MeanErr.
/// </summary>
public sealed record TrainingMetrics
{
    /// <summary>What MeanErr is.</summary>
    public string Metric { get; init; } = "MeanErr = mean over curves of sum_v ((pred_v - true_v)/w_v)^2; challenge Err over N curves = N * MeanErr";

    /// <summary>mlp or cnn.</summary>
    public string Architecture { get; init; } = string.Empty;

    /// <summary>w per parameter.</summary>
    public IReadOnlyDictionary<string, double> Weights { get; init; } = new Dictionary<string, double>();

    /// <summary>Validation set (also used for early stopping).</summary>
    public SetComparison? Validation { get; init; }

    /// <summary>Held-out test set (null when the test share is 0).</summary>
    public SetComparison? Test { get; init; }

    /// <summary>Epochs run.</summary>
    public int EpochsRun { get; init; }

    /// <summary>Epoch of the saved weights.</summary>
    public int BestEpoch { get; init; }

    /// <summary>Mean wall time of an epoch in this run [s] (training and validation loss).</summary>
    public double SecondsPerEpoch { get; init; }

    /// <summary>libtorch intra-op threads.</summary>
    public int Threads { get; init; }
}
