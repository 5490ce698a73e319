using System.Globalization;

namespace NmrDsl.Generators.Tests.Units;

public class CultureScopeTests
{
    /// <summary>Guards the culture tests: if fi-FI silently fell back to invariant (no ICU), they would prove nothing.</summary>
    [Fact]
    public void Finnish_culture_really_formats_differently()
    {
        using (CultureScope.Finnish())
        {
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture));
            Assert.Equal("\u22122,5", (-2.5).ToString(CultureInfo.CurrentCulture));
        }
        Assert.NotEqual("fi-FI", CultureInfo.CurrentCulture.Name);
    }
}
