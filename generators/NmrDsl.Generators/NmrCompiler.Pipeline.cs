using System.Threading;
using NmrDsl.Generators.Diagnostics;
using NmrDsl.Generators.Model;

namespace NmrDsl.Generators;

// Temporary stub: replaced by the real front end (lead engineer is writing it).
public static partial class NmrCompiler
{
    private static SpecCompilation CompileCore(string filePath, string text, CompileOptions options, CancellationToken cancellationToken)
        => new(filePath, EquatableArray<DiagnosticInfo>.Empty, EquatableArray<GeneratedSource>.Empty, EquatableArray<DeclarationInfo>.Empty, EquatableArray<JobInfo>.Empty);

    private static bool TryParseQuantityCore(string text, out QuantityValue? value, out string? error)
    {
        value = null;
        error = "not implemented yet";
        return false;
    }
}
