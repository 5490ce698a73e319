using System;
using System.Numerics;
using NmrDsl.Runtime.Spin;

namespace NmrDsl.Runtime.Tests.Spin;

// Invariants: U†U = 1, Tr σ and hermiticity preserved — /work/shared/reference/spin-dynamics.md §5.1.
public sealed class PropagatorTests
{
    [Fact]
    public void DelayAndPulsePropagatorsAreUnitary()
    {
        // Glu at 2.89 T (5 spins, 32×32): delay propagator from the block (total-M) eigendecomposition,
        // an RF step from the dense one. Tolerance ‖U†U − 1‖max ≤ 1e-12.
        var sim = new HilbertSimulator(Metabolites.Glutamate(2.89));
        SpinHamiltonian h = sim.Groups[0];
        ComplexMatrix delay = HermitianEigen.Decompose(h.Free, h.TotalTwiceM).Propagator(0.0173);
        ComplexMatrix pulse = HermitianEigen.Decompose(h.WithRf(3.5, 812, -410)).Propagator(5e-5);
        var identity = ComplexMatrix.Identity(32);
        Assert.True(ComplexMatrix.MaxAbsDifference(delay.Adjoint() * delay, identity) < 1e-12);
        Assert.True(ComplexMatrix.MaxAbsDifference(pulse.Adjoint() * pulse, identity) < 1e-12);
        Assert.True(ComplexMatrix.MaxAbsDifference(Rotation.HardPulse(h, 1.3, 0.4).Adjoint() * Rotation.HardPulse(h, 1.3, 0.4), identity) < 1e-12);
    }

    [Fact]
    public void BlockAndDenseEigendecompositionsGiveTheSamePropagator()
    {
        // Tolerance 1e-12 max-abs; the block path must also agree with the Taylor exponential of −iHt.
        var sim = new HilbertSimulator(Metabolites.Glutamate(2.89));
        SpinHamiltonian h = sim.Groups[0];
        ComplexMatrix blocks = HermitianEigen.Decompose(h.Free, h.TotalTwiceM).Propagator(0.011);
        ComplexMatrix dense = HermitianEigen.Decompose(h.Free).Propagator(0.011);
        ComplexMatrix taylor = MatrixExponential.Exp(new Complex(0, -0.011) * h.Free);
        Assert.True(ComplexMatrix.MaxAbsDifference(blocks, dense) < 1e-12);
        Assert.True(ComplexMatrix.MaxAbsDifference(blocks, taylor) < 1e-12);
    }

    [Fact]
    public void EvolutionPreservesTraceAndHermiticity()
    {
        // PRESS on Glu from a random Hermitian start: Tr σ and σ = σ† to 1e-12 (no filters: filters remove trace-free parts only).
        var sim = new HilbertSimulator(Metabolites.Glutamate(3));
        var random = new Random(7);
        var start = new ComplexMatrix(32, 32);
        for (int r = 0; r < 32; r++)
        {
            for (int c = r; c < 32; c++)
            {
                var z = new Complex(random.NextDouble() - 0.5, c == r ? 0 : random.NextDouble() - 0.5);
                start[r, c] = z;
                start[c, r] = Complex.Conjugate(z);
            }
        }

        ComplexMatrix end = sim.Evolve(0, [new HardPulse(90), new Delay(0.005), SincGaussianPulse.Create(0.002, 40, 180), new Delay(0.01), new HardPulse(180, 90)], new EnsembleMember(2, 0.95), start);
        Assert.True((end.Trace() - start.Trace()).Magnitude < 1e-12);
        Assert.True(ComplexMatrix.MaxAbsDifference(end, end.Adjoint()) < 1e-12);
    }
}
