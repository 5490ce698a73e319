using System.Collections.Generic;
using NmrDsl.Generators.Symbolic;
using NmrDsl.Generators.Syntax;
using NmrDsl.Generators.Units;

namespace NmrDsl.Generators.Binding;

/// <summary>
/// A problem block after binding and physics analysis: every expression is symbolic IR in SI
/// units, and the equation is in the conservative normal form
/// <c>A du/dt = x^-k d/dx(x^k K du/dx) + S0 + S1 u</c>.
/// </summary>
public sealed class BoundProblem
{
    public BoundProblem(ProblemSyntax syntax) => Syntax = syntax;

    public ProblemSyntax Syntax { get; }

    public string Name => Syntax.Name;

    public string Shape { get; set; } = "slab";

    public string Coordinate { get; set; } = "x";

    public Expr DomainStart { get; set; } = Expr.Num(0);

    public Expr DomainEnd { get; set; } = Expr.Num(1);

    public int GeometryLine { get; set; }

    public string TimeVariable { get; set; } = "t";

    public Expr EndTime { get; set; } = Expr.Num(1);

    public int TimeLine { get; set; }

    /// <summary>Every declared name in declaration order (coordinates, parameters, lets, fields…).</summary>
    public List<DeclaredSymbol> Symbols { get; } = new();

    /// <summary>Constant lets in dependency order (each may use parameters and earlier lets).</summary>
    public List<DeclaredSymbol> ConstantLets { get; } = new();

    public List<BoundRegion> Regions { get; } = new();

    /// <summary>Material property name → value per region (same order as <see cref="Regions"/>).</summary>
    public List<BoundMaterialProperty> MaterialProperties { get; } = new();

    public DeclaredSymbol? Field { get; set; }

    public BoundEquation? Equation { get; set; }

    public Expr? Initial { get; set; }

    public int InitialLine { get; set; }

    public BoundBoundary? StartBoundary { get; set; }

    public BoundBoundary? EndBoundary { get; set; }

    public List<BoundObservable> Observables { get; } = new();

    public int Cells { get; set; } = 200;

    public int Outputs { get; set; } = 101;

    public double RelativeTolerance { get; set; } = 1e-8;

    public int SolveLine { get; set; }

    /// <summary>The <c>data … from "file"</c> lines.</summary>
    public List<NmrDsl.Generators.Syntax.DataSyntax> DataFiles { get; } = new();

    /// <summary>Settings of the <c>solve pinn</c> and <c>loss</c> lines (null when the spec has neither).</summary>
    public BoundPinnSettings? Pinn { get; set; }
}

/// <summary>
/// PINN settings as written in the spec: option name → value (numbers in SI, keywords as text), in spec order.
/// Only the options the spec gives are set; the runtime's defaults apply to the rest.
/// </summary>
public sealed class BoundPinnSettings
{
    public List<KeyValuePair<string, string>> Options { get; } = new();

    public int Line { get; set; }
}

/// <summary>A region [Lower, Upper] of the domain (IR of constant bounds).</summary>
public sealed record BoundRegion(string Name, Expr Lower, Expr Upper, int Line);

/// <summary>A material property with one value per region and a common dimension.</summary>
public sealed record BoundMaterialProperty(string Name, Dimension Dimension, IReadOnlyList<Expr> ValuesByRegion, IReadOnlyList<int> LinesByRegion);

/// <summary>The analysed PDE: capacity A, diffusivity K, source S0 + S1 u, and the equation as written.</summary>
public sealed record BoundEquation(Expr Capacity, Expr Diffusivity, Expr SourceConstant, Expr SourceLinear, Dimension FluxDimension, string Text, int Line);

/// <summary>A boundary condition at one end of the domain.</summary>
public sealed record BoundBoundary(BoundaryConditionKind Kind, Expr Value, int Line, SourceSpan Span);

/// <summary>An observable: the volume average of <paramref name="Integrand"/> over a region (null: whole domain).</summary>
public sealed record BoundObservable(string Name, Expr Integrand, int? RegionIndex, Dimension Dimension, string Text, int Line);
