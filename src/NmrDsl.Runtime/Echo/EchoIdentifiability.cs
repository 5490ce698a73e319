using System;
using System.Numerics;
using System.Threading.Tasks;
using MathNet.Numerics.LinearAlgebra;

namespace NmrDsl.Runtime.Echo;

/// <summary>
/// Sensitivity of M(t) to (α, ξ, p, d) by central finite differences with common random numbers, against the spread
/// from random offset draws, and the Fisher-information / Cramér–Rao summary (reference:
/// /work/shared/reference/echo-challenge.md §1.4 "whether M(t) can identify them", §2 "irreducible noise of about 0.01
/// in M"). For each of R offset draws r (seed Derive(seed, r)) the model is evaluated at θ₀ and θ₀ ± h_j e_j with the
/// same offsets, so the difference quotient D_rj = (M⁺ − M⁻)/(2h_j) carries no draw noise (error O(h²)). Then
/// S_j = mean_r D_rj, σ_f² = sample variance over r of feature f of M(θ₀), and F = Σ_f S_f S_fᵀ/σ_f² (diagonal noise
/// model: features are treated as independent, which understates their correlation — a full covariance needs R &gt; 2K
/// draws). σ_f² is floored at 1e-6 of its mean so exactly noise-free features (e.g. the α = 0 echo top) cannot divide by
/// zero.
/// </summary>
public static class EchoIdentifiability
{
    /// <summary>Default steps h_j: 10⁻³ of each prior width w_j (2e-4 MHz, 0.02, 0.002, 0.003).</summary>
    public static double[] DefaultSteps() => Array.ConvertAll(EchoParameters.Width, w => 1e-3 * w);

    /// <summary>Analyses <paramref name="point"/> under <paramref name="model"/> with <paramref name="draws"/> offset draws, in parallel over draws.</summary>
    public static EchoIdentifiabilityReport Analyse(EchoModel model, EchoParameters point, int draws, ulong seed, double[]? steps = null, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(point);
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 2);
        steps ??= DefaultSteps();
        const int p = 4;
        if (steps.Length != p)
        {
            throw new ArgumentException("Expected 4 steps (alpha, xi, p, d).", nameof(steps));
        }

        EchoModel sequential = model with { SpinParallelism = 1 };
        int k = model.TimeGrid.SampleCount;
        int features = 2 * k;
        double[] theta = point.ToArray();
        var baseline = new double[draws][];
        var derivative = new double[draws][][];
        var maxDiff = new double[draws][];
        Parallel.For(0, draws, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, r =>
        {
            double[] offsets = sequential.Offsets.Draw(EchoRandom.Derive(seed, (ulong)r), sequential.Lattice.SiteCount);
            baseline[r] = Features(EchoSimulator.Simulate(sequential, point, offsets));
            derivative[r] = new double[p][];
            maxDiff[r] = new double[p];
            for (int j = 0; j < p; j++)
            {
                double[] plus = (double[])theta.Clone(), minus = (double[])theta.Clone();
                plus[j] += steps[j];
                minus[j] -= steps[j];
                double[] up = Features(EchoSimulator.Simulate(sequential, EchoParameters.FromArray(plus), offsets));
                double[] down = Features(EchoSimulator.Simulate(sequential, EchoParameters.FromArray(minus), offsets));
                var d = new double[features];
                for (int f = 0; f < features; f++)
                {
                    maxDiff[r][j] = Math.Max(maxDiff[r][j], Math.Abs(up[f] - down[f]));
                    d[f] = (up[f] - down[f]) / (2 * steps[j]);
                }

                derivative[r][j] = d;
            }
        });

        var mean = new double[features];
        var variance = new double[features];
        for (int f = 0; f < features; f++)
        {
            double m = 0;
            for (int r = 0; r < draws; r++)
            {
                m += baseline[r][f];
            }

            m /= draws;
            double v = 0;
            for (int r = 0; r < draws; r++)
            {
                v += (baseline[r][f] - m) * (baseline[r][f] - m);
            }

            mean[f] = m;
            variance[f] = v / (draws - 1);
        }

        double meanVariance = 0;
        foreach (double v in variance)
        {
            meanVariance += v / features;
        }

        double floor = 1e-6 * meanVariance;
        var sensitivity = new double[p][];
        var maxAbs = new double[p];
        for (int j = 0; j < p; j++)
        {
            sensitivity[j] = new double[features];
            for (int r = 0; r < draws; r++)
            {
                maxAbs[j] = Math.Max(maxAbs[j], maxDiff[r][j]);
                for (int f = 0; f < features; f++)
                {
                    sensitivity[j][f] += derivative[r][j][f] / draws;
                }
            }
        }

        var fisher = new double[p, p];
        for (int a = 0; a < p; a++)
        {
            for (int b = 0; b < p; b++)
            {
                double sum = 0;
                for (int f = 0; f < features; f++)
                {
                    sum += sensitivity[a][f] * sensitivity[b][f] / Math.Max(variance[f], floor);
                }

                fisher[a, b] = sum;
            }
        }

        return Summarise(point, steps, draws, maxAbs, sensitivity, variance, fisher);
    }

    /// <summary>(Re M_1, Im M_1, Re M_2, …): the 2K real features of a curve.</summary>
    public static double[] Features(Complex[] samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var x = new double[2 * samples.Length];
        for (int i = 0; i < samples.Length; i++)
        {
            x[2 * i] = samples[i].Real;
            x[2 * i + 1] = samples[i].Imaginary;
        }

        return x;
    }

    private static EchoIdentifiabilityReport Summarise(EchoParameters point, double[] steps, int draws, double[] maxAbs, double[][] sensitivity, double[] variance, double[,] fisher)
    {
        int p = sensitivity.Length;
        int features = variance.Length;
        double noise = 0;
        foreach (double v in variance)
        {
            noise += v / features;
        }

        noise = Math.Sqrt(noise);
        var rms = new double[p];
        var snr = new double[p];
        var alone = new double[p];
        var prior = new double[p];
        var cosine = new double[p, p];
        for (int j = 0; j < p; j++)
        {
            double s = 0;
            foreach (double v in sensitivity[j])
            {
                s += v * v / features;
            }

            rms[j] = Math.Sqrt(s);
            snr[j] = rms[j] * EchoParameters.Width[j] / noise;
            alone[j] = fisher[j, j] > 0 ? 1 / Math.Sqrt(fisher[j, j]) : double.PositiveInfinity;
            prior[j] = EchoParameters.Width[j] / Math.Sqrt(12);
            for (int q = 0; q < p; q++)
            {
                double denominator = Math.Sqrt(fisher[j, j] * fisher[q, q]);
                cosine[j, q] = denominator > 0 ? fisher[j, q] / denominator : double.NaN;
            }
        }

        Matrix<double> f = Matrix<double>.Build.DenseOfArray(fisher);
        double[] eigenvalues = f.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Real().ToArray();
        Array.Sort(eigenvalues);

        // Joint bounds among the informative parameters only: a parameter that does not enter M at all (F_jj below
        // 1e-20 of the largest diagonal, e.g. ξ under normalisation or p in a Gaussian kernel) gets +∞ and is left out
        // of the inversion, so it does not make every other bound infinite too.
        double largest = 0;
        for (int j = 0; j < p; j++)
        {
            largest = Math.Max(largest, fisher[j, j]);
        }

        var informative = new System.Collections.Generic.List<int>();
        for (int j = 0; j < p; j++)
        {
            if (fisher[j, j] > 1e-20 * largest)
            {
                informative.Add(j);
            }
        }

        var joint = new double[p];
        Array.Fill(joint, double.PositiveInfinity);
        if (informative.Count > 0)
        {
            Matrix<double> sub = Matrix<double>.Build.Dense(informative.Count, informative.Count, (a, b) => fisher[informative[a], informative[b]]);
            double[] subEigen = sub.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Real().ToArray();
            Array.Sort(subEigen);
            if (subEigen[0] > 1e-12 * subEigen[^1])
            {
                Matrix<double> inverse = sub.Inverse();
                for (int a = 0; a < informative.Count; a++)
                {
                    joint[informative[a]] = Math.Sqrt(Math.Max(inverse[a, a], 0));
                }
            }
        }

        return new EchoIdentifiabilityReport
        {
            Names = (string[])EchoParameters.Names.Clone(),
            Values = point.ToArray(),
            Steps = (double[])steps.Clone(),
            Draws = draws,
            MaxAbsDifference = maxAbs,
            SensitivityRms = rms,
            NoiseRms = noise,
            SignalToNoise = snr,
            Fisher = fisher,
            FisherEigenvalues = eigenvalues,
            CramerRaoAlone = alone,
            CramerRaoJoint = joint,
            PriorStandardDeviation = prior,
            SensitivityCosine = cosine,
        };
    }
}
