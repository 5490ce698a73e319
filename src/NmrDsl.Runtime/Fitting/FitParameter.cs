using System;

namespace NmrDsl.Runtime.Fitting;

/// <summary>
/// One unknown of a least-squares fit, in coherent SI units.
/// </summary>
/// <param name="Name">Name used in reports and messages (e.g. "R").</param>
/// <param name="Initial">Starting value (SI); must lie within [Lower, Upper].</param>
/// <param name="Lower">Lower bound (SI); may be −∞ for a linear-scale parameter, must be &gt; 0 for a log-scale one.</param>
/// <param name="Upper">Upper bound (SI); may be +∞.</param>
/// <param name="LogScale">Fit ln(value) instead of the value (positive quantities spanning decades: radii, diffusivities).</param>
/// <param name="SiUnit">SI unit for reports (e.g. "m", "m^2/s"); empty for dimensionless.</param>
public sealed record FitParameter(string Name, double Initial, double Lower, double Upper, bool LogScale = false, string SiUnit = "")
{
    /// <summary>Value → the variable the minimiser works in (ln value for log-scale parameters).</summary>
    internal double ToInternal(double value) => LogScale ? Math.Log(value) : value;

    /// <summary>Internal variable → value, clamped into the bounds (exp(ln U) can exceed U by an ulp).</summary>
    internal double ToValue(double z) => Math.Clamp(LogScale ? Math.Exp(z) : z, Lower, Upper);

    internal double InternalLower => LogScale ? Math.Log(Lower) : Lower;

    internal double InternalUpper => LogScale ? Math.Log(Upper) : Upper;

    /// <summary>
    /// Typical magnitude of a change in the internal variable: 1 for log-scale parameters (a relative change),
    /// otherwise |Initial|, or 1 % of a finite bound interval, or 1.
    /// </summary>
    internal double TypicalScale
    {
        get
        {
            if (LogScale)
            {
                return 1.0;
            }

            if (Initial != 0)
            {
                return Math.Abs(Initial);
            }

            double width = Upper - Lower;
            return double.IsFinite(width) && width > 0 ? 0.01 * width : 1.0;
        }
    }
}
