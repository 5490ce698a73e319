namespace NmrDsl.Runtime.Pde;

/// <summary>
/// One-dimensional geometry of a finite-volume domain. The metric exponent k gives the radial
/// operator div(K grad u) = r^-k d/dr (r^k K du/dr): slab k = 0, infinite cylinder k = 1, sphere k = 2.
/// </summary>
public enum Geometry
{
    Slab = 0,
    Cylinder = 1,
    Sphere = 2,
}
