namespace NmrDsl.Runtime.Pde;

/// <summary>Solution of <see cref="TrBdf2Integrator.Integrate"/>: one state per requested output time.</summary>
/// <param name="Times">The output times, as requested.</param>
/// <param name="Values">Values[j] is the state at Times[j].</param>
/// <param name="Statistics">Steps, rejections, assemblies.</param>
public sealed record TrBdf2Result(double[] Times, double[][] Values, IntegratorStatistics Statistics);
