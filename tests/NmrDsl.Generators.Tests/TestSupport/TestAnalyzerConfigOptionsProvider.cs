using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NmrDsl.Generators.Tests.TestSupport;

/// <summary>Global analyzer-config options (MSBuild properties as the generator sees them: <c>build_property.X</c>).</summary>
public sealed class TestAnalyzerConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly TestOptions _global;

    public TestAnalyzerConfigOptionsProvider(IReadOnlyDictionary<string, string> globalOptions)
        => _global = new TestOptions(globalOptions);

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TestOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => TestOptions.Empty;

    private sealed class TestOptions : AnalyzerConfigOptions
    {
        public static readonly TestOptions Empty = new(new Dictionary<string, string>());

        private readonly IReadOnlyDictionary<string, string> _values;

        public TestOptions(IReadOnlyDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            if (_values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }
            value = null;
            return false;
        }
    }
}
