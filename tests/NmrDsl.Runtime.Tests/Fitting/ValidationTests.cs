using System;
using System.Linq;
using NmrDsl.Runtime.Fitting;

namespace NmrDsl.Runtime.Tests.Fitting;

/// <summary>Invalid input is refused with a message that names the problem; model failures become <see cref="FitException"/>.</summary>
public sealed class ValidationTests
{
    private static readonly double[] Data = [1.0, 0.5, 0.25, 0.125];

    private static double[] Model(double[] p) => Enumerable.Range(0, 4).Select(i => p[0] * Math.Pow(0.5, i)).ToArray();

    private static FitParameter Good => new("A", 2.0, 0.1, 10.0, LogScale: true);

    private static string Refused(FitParameter[] parameters, double[]? data = null, double[]? sigma = null, FitOptions? options = null, Func<double[], double[]>? model = null) =>
        Assert.ThrowsAny<ArgumentException>(() => LeastSquaresFit.Fit(parameters, model ?? Model, data ?? Data, sigma, options)).Message;

    [Fact]
    public void BoundsAndInitialValuesAreChecked()
    {
        Assert.Contains("lower bound 5 must be less than upper bound 1", Refused([new FitParameter("A", 2, 5, 1)]));
        Assert.Contains("initial value 20 lies outside its bounds [0.1, 10]", Refused([Good with { Initial = 20 }]));
        Assert.Contains("'A' is log-scale, so its lower bound must be positive; it is 0", Refused([Good with { Lower = 0 }]));
        Assert.Contains("initial value NaN is not finite", Refused([Good with { Initial = double.NaN }]));
        Assert.Contains("'A' appears twice", Refused([Good, Good]));
        Assert.Contains("At least one fit parameter", Refused([]));
    }

    [Fact]
    public void DataSigmaAndPredictionLengthsAreChecked()
    {
        Assert.Contains("Data point 2 is not finite (NaN)", Refused([Good], data: [1, 2, double.NaN, 4]));
        Assert.Contains("3 standard deviations but 4 data points", Refused([Good], sigma: [1, 1, 1]));
        Assert.Contains("Standard deviation 1 must be positive and finite; it is 0", Refused([Good], sigma: [1, 0, 1, 1]));
        Assert.Contains("either sigma or FitOptions.Weights", Refused([Good], sigma: [1, 1, 1, 1], options: new FitOptions { Weights = [1, 1, 1, 1] }));
        Assert.Contains("The model returned 3 predictions at A = 2, but there are 4 data points", Refused([Good], model: p => [p[0], p[0], p[0]]));
        Assert.Contains("The data vector is empty", Refused([Good], data: []));
    }

    [Fact]
    public void ModelExceptionsBecomeFitExceptionNamingTheValues()
    {
        // The model throws above A = 5; starting at A = 8 the very first evaluation fails.
        FitParameter[] p = [Good with { Initial = 8 }];
        FitException ex = Assert.Throws<FitException>(() => LeastSquaresFit.Fit(p, v => v[0] > 5 ? throw new InvalidOperationException("solver diverged") : Model(v), Data));
        Assert.Contains("The model threw InvalidOperationException at A = 8: solver diverged", ex.Message);
        Assert.Equal(["A"], ex.ParameterNames);
        Assert.Equal(8.0, ex.ParameterValues[0], 12);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
    }

    [Fact]
    public void ExceptionInsideParallelJacobianIsUnwrapped()
    {
        // Throws only at the +h Jacobian point of B (never at the base point): the FitException must surface,
        // not an AggregateException.
        FitParameter[] p = [new FitParameter("A", 2, 0.1, 10, LogScale: true), new FitParameter("B", 1, -5, 5)];
        FitException ex = Assert.Throws<FitException>(() => LeastSquaresFit.Fit(p, v => v[1] > 1 ? throw new InvalidOperationException("boom") : Model(v), Data));
        Assert.Contains("B = 1.00000", ex.Message);
    }

    [Fact]
    public void NonFiniteModelOutputBecomesFitException()
    {
        FitException ex = Assert.Throws<FitException>(() => LeastSquaresFit.Fit([Good], v => [v[0], double.NaN, 1, 1], Data));
        Assert.Contains("non-finite prediction (NaN) at point 1 for A = 2", ex.Message);
    }

    [Fact]
    public void CancellationStopsTheFit()
    {
        using var cts = new System.Threading.CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => LeastSquaresFit.Fit([Good], Model, Data, ct: cts.Token));
    }
}
