using System;
using System.Globalization;

namespace NmrDsl.Generators.Tests.Units;

/// <summary>
/// Sets the current culture (and UI culture) for the duration of a using block. fi-FI is the
/// canonical hostile culture: decimal comma, U+00A0 group separator and U+2212 minus sign.
/// </summary>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    public CultureScope(string name)
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = new CultureInfo(name);
        CultureInfo.CurrentUICulture = new CultureInfo(name);
    }

    public static CultureScope Finnish() => new("fi-FI");

    public static CultureScope Invariant() => new(string.Empty);

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
