using System;
using System.Threading.Tasks;

namespace NmrDsl.Runtime.Regression;

/// <summary>How a <see cref="KernelModel"/> was trained.</summary>
public enum KernelModelKind
{
    /// <summary>Exact kernel ridge regression on all training rows.</summary>
    KernelRidge,

    /// <summary>Nyström (subset-of-regressors) KRR on landmarks.</summary>
    Nystrom,

    /// <summary>Least-squares support-vector regression (with a fitted bias).</summary>
    Lssvr,
}

/// <summary>
/// A trained kernel model f(x) = b + Σ_j β_j k(z(x), c_j): <see cref="Centres"/> c_j are standardised training rows
/// (exact KRR, LSSVR) or landmarks (Nyström), z the <see cref="Scaler"/>, b the <see cref="Intercept"/> (the training
/// mean of y for KRR and Nyström, the fitted bias for LSSVR).
/// </summary>
public sealed class KernelModel
{
    /// <summary>Assembles a model; centres are row-major m × Scaler.Dimension.</summary>
    public KernelModel(KernelModelKind kind, KernelFunction kernel, double ridge, FeatureScaler scaler, double[] centres, double[] coefficients, double intercept)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(scaler);
        ArgumentNullException.ThrowIfNull(centres);
        ArgumentNullException.ThrowIfNull(coefficients);
        if (centres.LongLength != (long)coefficients.Length * scaler.Dimension)
        {
            throw new ArgumentException($"{centres.Length} centre values for {coefficients.Length} coefficients of dimension {scaler.Dimension}.");
        }

        Kind = kind;
        Kernel = kernel;
        Ridge = ridge;
        Scaler = scaler;
        Centres = centres;
        Coefficients = coefficients;
        Intercept = intercept;
    }

    /// <summary>Training method.</summary>
    public KernelModelKind Kind { get; }

    /// <summary>Kernel.</summary>
    public KernelFunction Kernel { get; }

    /// <summary>Ridge λ (KRR, Nyström) or 1/γ (LSSVR regularisation), as trained.</summary>
    public double Ridge { get; }

    /// <summary>Feature standardisation.</summary>
    public FeatureScaler Scaler { get; }

    /// <summary>Standardised centres, row-major (<see cref="CentreCount"/> × dimension).</summary>
    public double[] Centres { get; }

    /// <summary>β_j.</summary>
    public double[] Coefficients { get; }

    /// <summary>b.</summary>
    public double Intercept { get; }

    /// <summary>Number of centres m.</summary>
    public int CentreCount => Coefficients.Length;

    /// <summary>Predictions for the rows of <paramref name="x"/> (raw features, n × d).</summary>
    public double[] Predict(double[,] x, DenseBackend backend = DenseBackend.Torch)
    {
        double[] z = Scaler.Transform(x);
        return PredictStandardised(z, x.GetLength(0), DenseLinearAlgebra.For(backend));
    }

    /// <summary>Predictions for standardised rows (row-major n × d).</summary>
    internal double[] PredictStandardised(double[] z, int n, DenseLinearAlgebra algebra)
    {
        int d = Scaler.Dimension, m = CentreCount;
        var result = new double[n];
        const int block = 1024;
        for (int start = 0; start < n; start += block)
        {
            int rows = Math.Min(block, n - start);
            double[] k = Kernel.Matrix(z.AsSpan(start * d, rows * d).ToArray(), rows, Centres, m, d, algebra);
            Parallel.For(0, rows, i => result[start + i] = Intercept + ManagedLinearAlgebra.Dot(k.AsSpan(i * m, m), Coefficients));
        }

        return result;
    }
}
