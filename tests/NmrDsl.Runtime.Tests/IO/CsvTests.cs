using System;
using System.Globalization;
using System.IO;
using System.Linq;
using CsCheck;
using NmrDsl.Runtime.IO;

namespace NmrDsl.Runtime.Tests.IO;

public sealed class CsvTests
{
    [Fact]
    public void RoundTripIsBitExact()
    {
        // Any finite or special double written with "R" reads back with the same bits.
        Gen.Double.Array[1, 30].Sample(values =>
        {
            using var folder = new TempFolder();
            string path = folder.File("values.csv");
            CsvWriter.WriteColumns(path, new[] { "i", "v" }, new[] { values.Select((_, i) => (double)i).ToArray(), values });
            double[] back = CsvTable.Read(path).Column("v");
            return back.Length == values.Length && back.Zip(values).All(p => BitConverter.DoubleToInt64Bits(p.First) == BitConverter.DoubleToInt64Bits(p.Second) || (double.IsNaN(p.First) && double.IsNaN(p.Second)));
        }, iter: 100);
    }

    [Fact]
    public void HeaderAndFormatAreAsDocumented()
    {
        using var folder = new TempFolder();
        string path = folder.File("t.csv");
        CsvWriter.Write(path, new[] { "t_s", "mean P, solid" }, new[] { new[] { 0.1, 1e-300 }, new[] { 2.0, -0.5 } });
        Assert.Equal("t_s,\"mean P, solid\"\n0.1,1E-300\n2,-0.5\n", File.ReadAllText(path));
        CsvTable table = CsvTable.Read(path);
        Assert.Equal(new[] { "t_s", "mean P, solid" }, table.Headers);
        Assert.Equal(2, table.RowCount);
        Assert.Equal(-0.5, table.Column("mean P, solid")[1]);
    }

    [Fact]
    public void BadNumberReportsFileLineAndColumn()
    {
        using var folder = new TempFolder();
        string path = folder.File("data.csv");
        File.WriteAllText(path, "t_s,y\n# measured\n0,1\n\n1,abc\n");
        var e = Assert.Throws<DataFormatException>(() => CsvTable.Read(path));
        Assert.Equal(path, e.FilePath);
        Assert.Equal(5, e.Line);
        Assert.Equal(3, e.Column);
        Assert.Equal($"{path}(5,3): expected a number in column 'y', found 'abc'", e.Message);
    }

    [Fact]
    public void WrongFieldCountAndEmptyFileAreReported()
    {
        using var folder = new TempFolder();
        string path = folder.File("short.csv");
        File.WriteAllText(path, "a,b,c\n1,2,3\n4,5\n");
        var e = Assert.Throws<DataFormatException>(() => CsvTable.Read(path));
        Assert.Equal((3, 4), (e.Line, e.Column));
        Assert.Contains("expected 3 values, found 2", e.Message, StringComparison.Ordinal);

        File.WriteAllText(path, "a,a\n");
        Assert.Contains("duplicate column name 'a'", Assert.Throws<DataFormatException>(() => CsvTable.Read(path)).Message, StringComparison.Ordinal);

        File.WriteAllText(path, "");
        Assert.Contains("expected a header row", Assert.Throws<DataFormatException>(() => CsvTable.Read(path)).Message, StringComparison.Ordinal);

        File.WriteAllText(path, "a\n\"1\n");
        Assert.Contains("unterminated quoted field", Assert.Throws<DataFormatException>(() => CsvTable.Read(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FinnishCultureWritesTheSameBytes()
    {
        // fi-FI uses ',' as decimal separator and U+2212 as minus sign: the files must not change.
        Assert.Equal("0,5", 0.5.ToString(new CultureInfo("fi-FI"))); // the culture really differs here (ICU present)
        using var folder = new TempFolder();
        double[][] rows = { new[] { 0.5, -1.25e-7 }, new[] { Math.PI, double.NaN } };
        string invariantPath = folder.File("inv.csv"), finnishPath = folder.File("fi.csv");
        WithCulture(CultureInfo.InvariantCulture, () => CsvWriter.Write(invariantPath, new[] { "x", "y" }, rows));
        WithCulture(new CultureInfo("fi-FI"), () => CsvWriter.Write(finnishPath, new[] { "x", "y" }, rows));
        Assert.Equal(File.ReadAllBytes(invariantPath), File.ReadAllBytes(finnishPath));
        Assert.Contains("-1.25E-07", File.ReadAllText(finnishPath), StringComparison.Ordinal);
        WithCulture(new CultureInfo("fi-FI"), () => Assert.Equal(-1.25e-7, CsvTable.Read(finnishPath).Column("y")[0]));
    }

    internal static void WithCulture(CultureInfo culture, Action action)
    {
        CultureInfo saved = CultureInfo.CurrentCulture, savedUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            action();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = savedUi;
        }
    }
}
