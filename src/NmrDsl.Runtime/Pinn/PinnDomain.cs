using System;
using System.Collections.Generic;
using System.Linq;
using NmrDsl.Runtime.Fitting;
using NmrDsl.Runtime.Pde;

namespace NmrDsl.Runtime.Pinn;

/// <summary>
/// The dimensionless domain the PINN works on: ξ = (x − Start) / L in [0, 1] with L = End − Start, τ = t / T in [0, 1]
/// with T the end time, and the field in units of U. Region boundaries are fixed fractions of L, so an unknown that
/// sets the size (the particle radius R with Rp = R·cbrt(1 + V)) moves no interface in ξ and enters the residual only
/// through the coefficients (D T / R², seed pinn-hyperpolarized-dnp-poster.txt; reference/spin-diffusion-pinn.md §1.3).
/// </summary>
internal sealed class PinnDomain
{
    private PinnDomain(IPinnProblem spec, FitParameter[] unknowns, IReadOnlyDictionary<string, double> fixedValues, IDiffusionReactionProblem reference)
    {
        Spec = spec;
        Unknowns = unknowns;
        FixedValues = fixedValues;
        Reference = reference;
    }

    public IPinnProblem Spec { get; }

    public FitParameter[] Unknowns { get; }

    public IReadOnlyDictionary<string, double> FixedValues { get; }

    /// <summary>The problem at the unknowns' starting values.</summary>
    public IDiffusionReactionProblem Reference { get; }

    /// <summary>Metric exponent k (slab 0, cylinder 1, sphere 2).</summary>
    public int Metric { get; private init; }

    /// <summary>Region bounds in ξ: region i spans [Bounds[i], Bounds[i + 1]].</summary>
    public double[] Bounds { get; private init; } = [];

    public int RegionCount => Bounds.Length - 1;

    /// <summary>T, s.</summary>
    public double TimeScale { get; private init; }

    /// <summary>U, in the field's unit.</summary>
    public double FieldScale { get; private init; }

    /// <summary>Reference capacity (largest |A| at t = 0).</summary>
    public double CapacityScale { get; private init; }

    /// <summary>Reference diffusivity (largest |K| at t = 0).</summary>
    public double DiffusivityScale { get; private init; }

    /// <summary>Dimensionless shortest relaxation time min A/|S1| / T, used by the hard initial condition.</summary>
    public double RelaxationTime { get; private init; }

    /// <summary>Dimensionless time of the log-time input feature.</summary>
    public double FeatureTime { get; private init; }

    /// <summary>Initial value per region when it is uniform there (hard constraint), else null (soft constraint).</summary>
    public double?[] UniformInitial { get; private init; } = [];

    /// <summary>True when region <paramref name="region"/> contains the centre of a cylinder or sphere (input q = ξ², regular by construction).</summary>
    public bool UsesSquaredRadius(int region) => region == 0 && Metric > 0 && Reference.StartBoundary(0).Kind == BoundaryKind.Regular;

    /// <summary>Internal variables (ln value for log-scale unknowns) at the starting values.</summary>
    public double[] InitialInternal => Unknowns.Select(u => u.ToInternal(u.Initial)).ToArray();

    /// <summary>The problem at the given internal variables (clamped into the bounds).</summary>
    public IDiffusionReactionProblem At(ReadOnlySpan<double> internalValues)
    {
        var values = new Dictionary<string, double>(FixedValues, StringComparer.Ordinal);
        for (int j = 0; j < Unknowns.Length; j++) values[Unknowns[j].Name] = Unknowns[j].ToValue(internalValues[j]);
        return Spec.Instantiate(values);
    }

    /// <summary>SI values of the unknowns for internal variables.</summary>
    public double[] ToValues(ReadOnlySpan<double> internalValues)
    {
        var v = new double[Unknowns.Length];
        for (int j = 0; j < v.Length; j++) v[j] = Unknowns[j].ToValue(internalValues[j]);
        return v;
    }

    /// <summary>
    /// Builds the domain from the spec and checks what the PINN needs: region bounds at fixed fractions of the
    /// domain whatever the unknowns, a time-independent end time, finite coefficients.
    /// </summary>
    /// <exception cref="ArgumentException">The problem is outside what the PINN handles; the message says why.</exception>
    public static PinnDomain Create(IPinnProblem spec, IReadOnlyDictionary<string, double> fixedValues, double fieldScale)
    {
        ArgumentNullException.ThrowIfNull(spec);
        FitParameter[] unknowns = spec.Unknowns
            .Select(u => fixedValues.TryGetValue(u.Name, out double start) ? u with { Initial = start } : u)
            .ToArray();
        if (unknowns.Length == 0) throw new ArgumentException($"{spec.Name} declares no unknown; nothing to fit.");
        var rest = fixedValues.Where(kv => !unknowns.Any(u => u.Name == kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var seed = new PinnDomain(spec, unknowns, rest, spec.Instantiate(Merge(rest, unknowns.Select(u => (u.Name, u.Initial)))));
        var p = seed.Reference;
        double length = p.End - p.Start;
        if (!(length > 0) || !double.IsFinite(length)) throw new ArgumentException($"{spec.Name}: the domain [{p.Start}, {p.End}] m is empty.");
        double[] bounds = new[] { 0.0 }.Concat(p.Interfaces.Select(x => (x - p.Start) / length)).Append(1.0).ToArray();

        // Each unknown moved by ±20 %: the region fractions and the end time must not change.
        double[] theta = seed.InitialInternal;
        for (int j = 0; j < unknowns.Length; j++)
        {
            foreach (double factor in new[] { 0.8, 1.25 })
            {
                double[] moved = (double[])theta.Clone();
                moved[j] = unknowns[j].ToInternal(Math.Clamp(unknowns[j].Initial * factor, unknowns[j].Lower, unknowns[j].Upper));
                var q = seed.At(moved);
                double l = q.End - q.Start;
                double[] b = new[] { 0.0 }.Concat(q.Interfaces.Select(x => (x - q.Start) / l)).Append(1.0).ToArray();
                if (b.Length != bounds.Length || b.Zip(bounds).Any(z => Math.Abs(z.First - z.Second) > 1e-9))
                {
                    throw new ArgumentException($"{spec.Name}: the region interfaces move relative to the domain when {unknowns[j].Name} changes; the PINN needs them at fixed fractions of the domain (e.g. Rp = R * cbrt(1 + V)). Use --method fv.");
                }
                if (Math.Abs(q.EndTime - p.EndTime) > 1e-12 * p.EndTime)
                {
                    throw new ArgumentException($"{spec.Name}: the end time depends on {unknowns[j].Name}; the PINN needs a fixed time window. Use --method fv.");
                }
            }
        }

        int regions = bounds.Length - 1;
        double capacity = 0, diffusivity = 0, relaxation = double.PositiveInfinity;
        var uniform = new double?[regions];
        for (int i = 0; i < regions; i++)
        {
            double first = double.NaN;
            bool isUniform = true;
            for (int s = 0; s <= 16; s++)
            {
                double xi = bounds[i] + (bounds[i + 1] - bounds[i]) * (0.02 + 0.96 * s / 16.0);
                double x = p.Start + length * xi;
                double a = p.Capacity(x, 0, i), k = p.Diffusivity(x, 0, i), s1 = p.SourceLinear(x, 0, i), u0 = p.Initial(x, i);
                if (!double.IsFinite(a) || !double.IsFinite(k) || !double.IsFinite(s1) || !double.IsFinite(u0) || !(a > 0) || !(k > 0))
                {
                    throw new ArgumentException($"{spec.Name}: region {i} has a non-positive or non-finite capacity or diffusivity at x = {x} m; the PINN cannot scale it.");
                }
                capacity = Math.Max(capacity, a);
                diffusivity = Math.Max(diffusivity, k);
                if (s1 < 0) relaxation = Math.Min(relaxation, a / -s1);
                if (s == 0) first = u0;
                else if (Math.Abs(u0 - first) > 1e-12 * Math.Max(1.0, Math.Abs(first))) isUniform = false;
            }
            uniform[i] = isUniform ? first : null;
        }

        double time = p.EndTime;
        // Without relaxation the ramp only has to keep u(ξ, 0) = u0; short, so a Dirichlet boundary is met almost at once.
        double tauRelax = double.IsFinite(relaxation) ? relaxation / time : 0.005;
        return new PinnDomain(spec, unknowns, rest, p)
        {
            Metric = (int)p.Geometry,
            Bounds = bounds,
            TimeScale = time,
            FieldScale = fieldScale > 0 && double.IsFinite(fieldScale) ? fieldScale : 1.0,
            CapacityScale = capacity,
            DiffusivityScale = diffusivity,
            RelaxationTime = Math.Clamp(tauRelax, 1e-4, 0.2),
            FeatureTime = Math.Clamp(tauRelax, 1e-4, 0.2),
            UniformInitial = uniform,
        };
    }

    private static Dictionary<string, double> Merge(IReadOnlyDictionary<string, double> a, IEnumerable<(string Name, double Value)> b)
    {
        var d = new Dictionary<string, double>(a, StringComparer.Ordinal);
        foreach (var (name, value) in b) d[name] = value;
        return d;
    }
}
