namespace NmrDsl.Runtime.Spin;

/// <summary>
/// An isotropic scalar (J) coupling between spins <paramref name="First"/> and <paramref name="Second"/>
/// (zero-based indices into <see cref="SpinSystem.Spins"/>), in Hz. It enters the Hamiltonian as
/// 2πJ I₁·I₂ (homonuclear) or 2πJ I₁z I₂z (heteronuclear), see <see cref="SpinHamiltonian"/>.
/// </summary>
public sealed record ScalarCoupling(int First, int Second, double Hz);
