namespace NmrDsl.Runtime.Pde;

/// <summary>Kind of a boundary condition at one end of a 1-D domain.</summary>
public enum BoundaryKind
{
    /// <summary>u = value.</summary>
    Dirichlet,

    /// <summary>du/dn = value, with n the outward normal (so at the left end du/dn = -du/dx).</summary>
    Neumann,

    /// <summary>Outward diffusive flux -K du/dn = value (value 0: no flux / insulated).</summary>
    Flux,

    /// <summary>r = 0 of a cylinder or sphere: the face has zero area, regularity (du/dr = 0) holds by construction.</summary>
    Regular,
}

/// <summary>A boundary condition with its value in the field's SI unit (or flux unit).</summary>
public readonly record struct BoundaryCondition(BoundaryKind Kind, double Value)
{
    public static BoundaryCondition Dirichlet(double value) => new(BoundaryKind.Dirichlet, value);
    public static BoundaryCondition Neumann(double value) => new(BoundaryKind.Neumann, value);
    public static BoundaryCondition Flux(double value) => new(BoundaryKind.Flux, value);
    public static BoundaryCondition Regular { get; } = new(BoundaryKind.Regular, 0.0);
}
