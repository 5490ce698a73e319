using System.Collections.Generic;

namespace NmrDsl.Generators.Syntax;

/// <summary>A whole spec file: its blocks in order.</summary>
public sealed record SpecSyntax(string FilePath, IReadOnlyList<BlockSyntax> Blocks);

/// <summary>A top-level block (column 1) such as <c>problem Name "description"</c> and its indented members.</summary>
public abstract record BlockSyntax(string Keyword, string Name, SourceSpan NameSpan, string? Description, SourceSpan Span);

/// <summary>A PDE problem: geometry, time, parameters, regions, materials, field, equation, conditions, observables, solvers.</summary>
public sealed record ProblemSyntax(string Name, SourceSpan NameSpan, string? Description, IReadOnlyList<MemberSyntax> Members, SourceSpan Span)
    : BlockSyntax("problem", Name, NameSpan, Description, Span);

/// <summary>A declaration inside a block. <paramref name="Keyword"/> is its first word.</summary>
public abstract record MemberSyntax(string Keyword, SourceSpan Span);

/// <summary><c>geometry sphere r in 0 .. R</c>.</summary>
public sealed record GeometrySyntax(string Shape, SourceSpan ShapeSpan, string Coordinate, SourceSpan CoordinateSpan, ExpressionSyntax Lower, ExpressionSyntax Upper, SourceSpan Span)
    : MemberSyntax("geometry", Span);

/// <summary><c>time t in 0 .. 300 s</c>.</summary>
public sealed record TimeSyntax(string Variable, SourceSpan VariableSpan, ExpressionSyntax Lower, ExpressionSyntax Upper, SourceSpan Span)
    : MemberSyntax("time", Span);

/// <summary><c>parameter D = 500 nm^2/s "description"</c>.</summary>
public sealed record ParameterSyntax(string Name, SourceSpan NameSpan, ExpressionSyntax Value, string? Description, SourceSpan Span)
    : MemberSyntax("parameter", Span);

/// <summary><c>unknown R in 10 nm .. 10 um log initial 1 um</c>.</summary>
public sealed record UnknownSyntax(string Name, SourceSpan NameSpan, ExpressionSyntax Lower, ExpressionSyntax Upper, bool LogScale, ExpressionSyntax? Initial, string? Description, SourceSpan Span)
    : MemberSyntax("unknown", Span);

/// <summary><c>let Rp = R * cbrt(1 + Vratio)</c>: a derived quantity.</summary>
public sealed record LetSyntax(string Name, SourceSpan NameSpan, ExpressionSyntax Value, SourceSpan Span)
    : MemberSyntax("let", Span);

/// <summary><c>region solid r &lt; R</c>: a sub-interval of the domain.</summary>
public sealed record RegionSyntax(string Name, SourceSpan NameSpan, ComparisonSyntax Condition, SourceSpan Span)
    : MemberSyntax("region", Span);

/// <summary><c>material solid C = 75 mol/L D = 500 nm^2/s</c>: per-region coefficient values.</summary>
public sealed record MaterialSyntax(string Region, SourceSpan RegionSpan, IReadOnlyList<PropertySyntax> Properties, SourceSpan Span)
    : MemberSyntax("material", Span);

/// <summary>One <c>name = value</c> of a material line.</summary>
public sealed record PropertySyntax(string Name, SourceSpan NameSpan, ExpressionSyntax Value, SourceSpan Span);

/// <summary><c>field P(r, t) unit K</c>.</summary>
public sealed record FieldSyntax(string Name, SourceSpan NameSpan, IReadOnlyList<string> Arguments, UnitSyntax? Unit, SourceSpan Span)
    : MemberSyntax("field", Span);

/// <summary><c>equation lhs = rhs</c>.</summary>
public sealed record EquationSyntax(ExpressionSyntax Left, ExpressionSyntax Right, SourceSpan EqualsSpan, SourceSpan Span)
    : MemberSyntax("equation", Span);

/// <summary><c>initial P = 0</c>.</summary>
public sealed record InitialSyntax(string Field, SourceSpan FieldSpan, ExpressionSyntax Value, SourceSpan Span)
    : MemberSyntax("initial", Span);

/// <summary>What a boundary condition prescribes.</summary>
public enum BoundaryConditionKind
{
    /// <summary><c>P = value</c>.</summary>
    Value,

    /// <summary><c>flux(P) = value</c>: outward diffusive flux.</summary>
    Flux,

    /// <summary><c>dn(P) = value</c>: outward normal derivative.</summary>
    NormalDerivative,
}

/// <summary><c>boundary r = Rp : flux(P) = 0</c>.</summary>
public sealed record BoundarySyntax(string Coordinate, SourceSpan CoordinateSpan, ExpressionSyntax Location, BoundaryConditionKind Kind, string Field, SourceSpan FieldSpan, ExpressionSyntax Value, SourceSpan Span)
    : MemberSyntax("boundary", Span);

/// <summary><c>interface r = R : continuous(P), continuous(D * C * dr(P))</c>.</summary>
public sealed record InterfaceSyntax(string Coordinate, SourceSpan CoordinateSpan, ExpressionSyntax Location, IReadOnlyList<ExpressionSyntax> Conditions, SourceSpan Span)
    : MemberSyntax("interface", Span);

/// <summary><c>observable y(t) = mean(P over solid)</c>.</summary>
public sealed record ObservableSyntax(string Name, SourceSpan NameSpan, string Argument, ExpressionSyntax Value, SourceSpan Span)
    : MemberSyntax("observable", Span);

/// <summary><c>solve finite-volume cells 200 outputs 101</c>.</summary>
public sealed record SolveSyntax(string Method, SourceSpan MethodSpan, IReadOnlyList<SolveOptionSyntax> Options, SourceSpan Span)
    : MemberSyntax("solve", Span);

/// <summary><c>data y, z from "dnp-example.csv"</c>: the measured observables <c>nmrdsl fit</c> uses when no --data is given.</summary>
public sealed record DataSyntax(IReadOnlyList<Token> Observables, string Path, SourceSpan PathSpan, SourceSpan Span)
    : MemberSyntax("data", Span);

/// <summary><c>loss pde 1 data 10 interface 1 boundary 1 balance auto</c>: weights of the PINN loss terms.</summary>
public sealed record LossSyntax(IReadOnlyList<SolveOptionSyntax> Options, SourceSpan Span)
    : MemberSyntax("loss", Span);

/// <summary>One <c>name value</c> option of a solve line.</summary>
public sealed record SolveOptionSyntax(string Name, SourceSpan NameSpan, ExpressionSyntax Value, SourceSpan Span);
