namespace NmrDsl.Generators.Tests.TestSupport;

/// <summary>Stand-ins for runtime types the generated code uses but the runtime may not have yet.</summary>
public static class RuntimeShims
{
    /// <summary>
    /// Generated Job.Run uses NmrDsl.Runtime.Pde.PdeReport and ObservableSeries. While the runtime
    /// lacks them, tests that check something else (solving, stubs) add these stand-ins; null once
    /// the runtime has both. The zero-diagnostics compile test never uses them.
    /// </summary>
    public static string? MissingReportTypes()
    {
        var runtime = typeof(NmrDsl.Runtime.ISpecJob).Assembly;
        if (runtime.GetType("NmrDsl.Runtime.Pde.PdeReport") is not null && runtime.GetType("NmrDsl.Runtime.Pde.ObservableSeries") is not null) return null;
        return """
            namespace NmrDsl.Runtime.Pde
            {
                /// <summary>Test stand-in.</summary>
                public sealed record ObservableSeries(string Name, string Unit, double[] Values);

                /// <summary>Test stand-in.</summary>
                public static class PdeReport
                {
                    /// <summary>Test stand-in.</summary>
                    public static global::System.Collections.Generic.IReadOnlyList<string> Write(string directory, string name, PdeSolution solution, global::System.Collections.Generic.IReadOnlyList<ObservableSeries> observables, string field, string unit, string coordinate)
                        => throw new global::System.NotSupportedException();
                }
            }
            """;
    }
}
