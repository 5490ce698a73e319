using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NmrDsl.Runtime.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace NmrDsl.Runtime.Pinn;

/// <summary>The loss and its gradient at one parameter vector, with each weighted term's value.</summary>
internal sealed record LossEvaluation(double Total, IReadOnlyDictionary<string, double> Terms, double[]? Gradient);

/// <summary>
/// The PINN objective over one flat vector [network of region 0 | network of region 1 | … | unknowns (internal
/// variables)]: the weighted mean squares of the residual, interface, boundary, initial and data terms.
/// </summary>
/// <remarks>
/// The unknowns enter through the residual coefficients (e.g. D T / L²), which come from the generated coefficient
/// functions in double precision. At the current unknowns θ0 they are linearised, c(θ) = c(θ0) + Σ (θ_j − θ0_j) ∂c/∂θ_j
/// with ∂c/∂θ_j by central differences, and rebuilt at every evaluation: the value is exact and so is the gradient
/// with respect to θ, without generating tensor code for every coefficient.
/// </remarks>
internal sealed class PinnLossModel : IDisposable
{
    private readonly PinnDomain _domain;
    private readonly PinnPoints _points;
    private readonly PinnOptions _options;
    private readonly TanhNetwork[] _networks;
    private readonly RegionInputMap[] _maps;
    private readonly TimeInputMap _time;
    private readonly ScalarType _dtype;
    private readonly Tensor _parameters;
    private readonly Tensor[] _q;
    private readonly Tensor[] _tau;
    private readonly Tensor[] _dataValues;
    private readonly Tensor[][] _dataWeights;
    private readonly int _unknownOffset;

    public PinnLossModel(PinnDomain domain, PinnPoints points, RegionInputMap[] maps, TimeInputMap time, PinnOptions options)
    {
        TorchRuntime.EnsureInitialized();
        TensorArithmetic.EnsureCreated();
        _domain = domain;
        _points = points;
        _options = options;
        _maps = maps;
        _time = time;
        _dtype = options.SinglePrecision ? ScalarType.Float32 : ScalarType.Float64;
        int regions = domain.RegionCount;
        _networks = new TanhNetwork[regions];
        int offset = 0;
        for (int i = 0; i < regions; i++)
        {
            int? average = options.RunningAverage && domain.UsesSquaredRadius(i) ? domain.Metric : null;
            _networks[i] = new TanhNetwork(options.Layers, options.Width, offset, _dtype, average);
            offset += _networks[i].ParameterCount;
        }
        _unknownOffset = offset;
        ParameterCount = offset + domain.Unknowns.Length;
        _parameters = zeros(ParameterCount, dtype: _dtype).requires_grad_(true);
        _q = new Tensor[regions];
        _tau = new Tensor[regions];
        for (int i = 0; i < regions; i++)
        {
            var list = points.Points[i];
            if (list.Count == 0) throw new ArgumentException($"region {i} has no PINN points");
            _q[i] = tensor(list.Select(p => maps[i].Input(p.Xi)).ToArray(), dtype: _dtype);
            _tau[i] = tensor(list.Select(p => time.Input(p.Tau)).ToArray(), dtype: _dtype);
        }
        _dataValues = points.Data.Select(d => tensor(d.Values, dtype: _dtype)).ToArray();
        _dataWeights = points.Data.Select(d => d.NodeWeights.Select(w => tensor(w, dtype: _dtype).view(w.Length, 1)).ToArray()).ToArray();
        Weights = new Dictionary<string, double>(options.Weights.ByName, StringComparer.Ordinal);
    }

    public int ParameterCount { get; }

    public int UnknownOffset => _unknownOffset;

    public IReadOnlyList<TanhNetwork> Networks => _networks;

    /// <summary>Current weight of each term (the spec's, times the automatic balance factors when enabled).</summary>
    public Dictionary<string, double> Weights { get; }

    /// <summary>Fresh parameters: seeded Glorot networks and the unknowns' starting values.</summary>
    public double[] InitialParameters(int seed)
    {
        var flat = new double[ParameterCount];
        var random = new Random(seed);
        foreach (var network in _networks) network.Initialise(flat, random);
        _domain.InitialInternal.CopyTo(flat, _unknownOffset);
        return flat;
    }

    /// <summary>Loss, terms and (when asked) the gradient at <paramref name="flat"/>.</summary>
    public LossEvaluation Evaluate(double[] flat, bool gradient)
    {
        using var scope = NewDisposeScope();
        Load(flat);
        var terms = Terms(flat);
        Tensor total = zeros(1, dtype: _dtype);
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, term) in terms)
        {
            total = total.Plus(tensor(Weights[name], dtype: _dtype) * term);
            values[name] = term.to_type(ScalarType.Float64).item<double>();
        }
        double totalValue = total.to_type(ScalarType.Float64).item<double>();
        double[]? grad = null;
        if (gradient)
        {
            total.backward();
            grad = ReadGradient();
            if (_options.FixUnknowns) Array.Clear(grad, _unknownOffset, ParameterCount - _unknownOffset);
        }
        return new LossEvaluation(totalValue, values, grad);
    }

    /// <summary>The gradient norm of each unweighted term with respect to the network weights (for automatic weighting).</summary>
    public Dictionary<string, double> TermGradientNorms(double[] flat)
    {
        using var scope = NewDisposeScope();
        Load(flat);
        var terms = Terms(flat);
        var norms = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, term) in terms)
        {
            ClearGradient();
            term.backward(retain_graph: true);
            double[] g = ReadGradient();
            double sum = 0;
            for (int i = 0; i < _unknownOffset; i++) sum += g[i] * g[i];
            norms[name] = Math.Sqrt(sum);
        }
        ClearGradient();
        return norms;
    }

    /// <summary>The field ũ (dimensionless) of region <paramref name="region"/> at (ξ, τ) points, by the network at <paramref name="flat"/>.</summary>
    public double[] Field(double[] flat, int region, double[] xi, double[] tau)
    {
        using var scope = NewDisposeScope();
        Load(flat);
        var input = stack(new[]
        {
            tensor(xi.Select(x => _maps[region].Input(x)).ToArray(), dtype: _dtype),
            tensor(tau.Select(t => _time.Input(t)).ToArray(), dtype: _dtype),
        }, 1).requires_grad_(true);
        var n = _networks[region].FieldValue(_parameters, input).detach().view(-1).to_type(ScalarType.Float64).data<double>().ToArray();
        double? uniform = _domain.UniformInitial[region];
        var u = new double[n.Length];
        for (int j = 0; j < n.Length; j++)
        {
            u[j] = uniform.HasValue ? uniform.Value / _domain.FieldScale + _time.Ramp(tau[j]) * n[j] : n[j];
        }
        return u;
    }

    private List<(string Name, Tensor Term)> Terms(double[] flat)
    {
        var theta0 = flat.AsSpan(_unknownOffset, _domain.Unknowns.Length).ToArray();
        var coefficients = Coefficients(theta0);
        var theta = _parameters.narrow(0, _unknownOffset, theta0.Length).Minus(tensor(theta0, dtype: _dtype));
        int regions = _domain.RegionCount;
        var f = new Tensor[regions];
        for (int i = 0; i < regions; i++)
        {
            var channels = _options.Derivatives == DerivativeMode.TaylorJet
                ? _networks[i].Jets(_parameters, _q[i], _tau[i])
                : _networks[i].Autograd(_parameters, _q[i], _tau[i]);
            int n = _points.Count(i);
            var c = tensor(coefficients[i][0], dtype: _dtype).view(n, PinnCoefficients.Channels);
            for (int j = 0; j < theta0.Length; j++)
            {
                c = c.Plus(theta.narrow(0, j, 1) * tensor(coefficients[i][j + 1], dtype: _dtype).view(n, PinnCoefficients.Channels));
            }
            f[i] = (c * channels).sum(1);
        }

        var terms = new List<(string, Tensor)>();
        Tensor Slice(Segment s) => f[s.Region].narrow(0, s.Offset, s.Count);
        if (_points.Residuals.Count > 0) terms.Add(("pde", cat(_points.Residuals.Select(Slice).ToArray(), 0).Squared().mean()));
        if (_points.InterfacePairs.Count > 0) terms.Add(("interface", cat(_points.InterfacePairs.Select(p => Slice(p.Left).Plus(Slice(p.Right))).ToArray(), 0).Squared().mean()));
        if (_points.Boundaries.Count > 0) terms.Add(("boundary", cat(_points.Boundaries.Select(Slice).ToArray(), 0).Squared().mean()));
        if (_points.Initials.Count > 0) terms.Add(("initial", cat(_points.Initials.Select(Slice).ToArray(), 0).Squared().mean()));
        var misfits = new List<Tensor>();
        for (int k = 0; k < _points.Data.Count; k++)
        {
            var d = _points.Data[k];
            Tensor? average = null;
            for (int s = 0; s < d.Segments.Length; s++)
            {
                var part = Slice(d.Segments[s]).view(d.Times.Length, d.NodeWeights[s].Length).mm(_dataWeights[k][s]).view(-1);
                average = average is null ? part : average.Plus(part);
            }
            misfits.Add((average! * tensor(_domain.FieldScale, dtype: _dtype)).Minus(_dataValues[k]) / tensor(d.Scale, dtype: _dtype));
        }
        if (misfits.Count > 0) terms.Add(("data", cat(misfits.ToArray(), 0).Squared().mean()));
        return terms;
    }

    /// <summary>[region][0: at θ0, 1 + j: ∂/∂θ_j] coefficient arrays.</summary>
    private double[][][] Coefficients(double[] theta0)
    {
        int regions = _domain.RegionCount, m = theta0.Length;
        var result = new double[regions][][];
        for (int i = 0; i < regions; i++) result[i] = new double[1 + m][];
        // Problem instances: θ0, then θ0 ± δ e_j (δ = 1e-4 in the internal variable: ln value for log-scale unknowns).
        var thetas = new List<double[]> { theta0 };
        var steps = new double[m];
        for (int j = 0; j < m; j++)
        {
            steps[j] = 1e-4 * _domain.Unknowns[j].TypicalScale;
            var plus = (double[])theta0.Clone();
            var minus = (double[])theta0.Clone();
            plus[j] += steps[j];
            minus[j] -= steps[j];
            thetas.Add(plus);
            thetas.Add(minus);
        }
        var problems = thetas.Select(t => _domain.At(t)).ToArray();
        var arrays = new double[problems.Length][][];
        for (int k = 0; k < arrays.Length; k++) arrays[k] = new double[regions][];
        Parallel.For(0, problems.Length * regions, index =>
        {
            int k = index / regions, i = index % regions;
            var a = new double[PinnCoefficients.Channels * _points.Count(i)];
            PinnCoefficients.Compute(problems[k], _domain, i, _maps[i], _time, _points.Points[i], a);
            arrays[k][i] = a;
        });
        for (int i = 0; i < regions; i++)
        {
            result[i][0] = arrays[0][i];
            for (int j = 0; j < m; j++)
            {
                double[] plus = arrays[1 + 2 * j][i], minus = arrays[2 + 2 * j][i];
                var d = new double[plus.Length];
                for (int n = 0; n < d.Length; n++) d[n] = (plus[n] - minus[n]) / (2 * steps[j]);
                result[i][1 + j] = d;
            }
        }
        return result;
    }

    private void Load(double[] flat)
    {
        if (flat.Length != ParameterCount) throw new ArgumentException($"expected {ParameterCount} parameters, got {flat.Length}");
        using var noGrad = no_grad();
        _parameters.copy_(tensor(flat, dtype: _dtype));
        ClearGradient();
    }

    private void ClearGradient()
    {
        var g = _parameters.grad;
        if (g is not null)
        {
            using var noGrad = no_grad();
            g.zero_();
        }
    }

    private double[] ReadGradient()
    {
        var g = _parameters.grad;
        if (g is null) return new double[ParameterCount];
        using var noGrad = no_grad();
        return g.to_type(ScalarType.Float64).data<double>().ToArray();
    }

    public void Dispose()
    {
        _parameters.Dispose();
        foreach (var t in _q.Concat(_tau).Concat(_dataValues).Concat(_dataWeights.SelectMany(w => w))) t.Dispose();
    }
}
