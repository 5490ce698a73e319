namespace NmrDsl.Generators.Binding;

/// <summary>What a name in a problem block stands for.</summary>
public enum SymbolKind
{
    Coordinate,
    Time,
    Parameter,
    Unknown,
    Let,
    MaterialProperty,
    Field,
    Observable,
    Region,
    Constant,
}
