using System;
using System.Globalization;
using System.Linq;

namespace NmrDsl.Runtime.Fitting;

/// <summary>
/// The model failed during a fit: it threw, returned the wrong number of predictions, or returned a
/// non-finite value. <see cref="ParameterValues"/> holds the SI values it was called with.
/// </summary>
public sealed class FitException : Exception
{
    public FitException()
        : this("The model failed during a fit.")
    {
    }

    public FitException(string message)
        : base(message)
    {
        ParameterNames = Array.Empty<string>();
        ParameterValues = Array.Empty<double>();
    }

    public FitException(string message, Exception innerException)
        : base(message, innerException)
    {
        ParameterNames = Array.Empty<string>();
        ParameterValues = Array.Empty<double>();
    }

    public FitException(string message, string[] parameterNames, double[] parameterValues, Exception? innerException = null)
        : base(message, innerException)
    {
        ParameterNames = parameterNames;
        ParameterValues = parameterValues;
    }

    /// <summary>Names of the fit parameters, in order.</summary>
    public string[] ParameterNames { get; }

    /// <summary>The SI parameter values at which the model failed.</summary>
    public double[] ParameterValues { get; }

    internal static string Describe(string[] names, double[] values) =>
        string.Join(", ", names.Zip(values, (n, v) => n + " = " + v.ToString("G10", CultureInfo.InvariantCulture)));
}
