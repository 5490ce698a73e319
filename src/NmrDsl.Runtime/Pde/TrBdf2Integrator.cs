using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using static System.FormattableString;

namespace NmrDsl.Runtime.Pde;

/// <summary>
/// The TR-BDF2 one-step method for stiff linear systems <c>M(t) du/dt = A(t) u + b(t)</c> with
/// diagonal M and tridiagonal A: a trapezoidal stage to t + γh followed by a BDF2 stage to t + h,
/// γ = 2 − √2, which is L-stable and second-order accurate, with adaptive step-size control from its
/// embedded third-order error estimate.
/// </summary>
/// <remarks>
/// References: R. E. Bank, W. M. Coughran, W. Fichtner, E. H. Grosse, D. J. Rose, R. K. Smith,
/// "Transient simulation of silicon devices and circuits", IEEE Trans. CAD 4 (1985) 436–451;
/// M. E. Hosea, L. F. Shampine, "Analysis and implementation of TR-BDF2", Appl. Numer. Math. 20
/// (1996) 21–37 (the method behind MATLAB's ode23tb).
/// <para>
/// Written as the singly diagonally implicit Runge–Kutta scheme of Hosea &amp; Shampine (their eq. 3):
/// <code>
///   c = (0, γ, 1),   a = [[0,0,0], [d,d,0], [w,w,d]],   b = (w, w, d),   b̂ = ((1−w)/3, (3w+1)/3, d/3)
///   d = γ/2 = 1 − √2/2,   w = √2/4
/// </code>
/// Both implicit stages have the same matrix M − d h A, factored once per step for a
/// time-independent system. The method is stiffly accurate (u_{n+1} is the last stage), so stiff
/// components are damped as h → ∞ (L-stability) instead of oscillating as with Crank–Nicolson.
/// The local error estimate h Σ (b_i − b̂_i) k_i is filtered through (M − d h A)⁻¹ M, as Hosea &amp;
/// Shampine recommend (§4), so that it stays bounded on stiff components; its RMS norm weighted by
/// atol + rtol |u| controls the step, h_new = h · clamp(0.9 err^(−1/3), 0.2, 5).
/// </para>
/// <para>
/// Hand-written because MathNet.Numerics 5.0.0's ODE solvers (RungeKutta.FourthOrder/SecondOrder,
/// AdamsBashforth) are explicit with fixed steps: for diffusion on N cells their stable step is
/// O(Δx² / K), ~10⁴–10⁶ steps for a problem that TR-BDF2 crosses in ~10²; and they cannot exploit
/// the tridiagonal structure.
/// </para>
/// </remarks>
public sealed class TrBdf2Integrator
{
    /// <summary>γ = 2 − √2: the trapezoidal stage ends at t + γh.</summary>
    public static readonly double Gamma = 2.0 - Math.Sqrt(2.0);

    /// <summary>d = γ/2, the diagonal coefficient of both implicit stages.</summary>
    public static readonly double D = 1.0 - Math.Sqrt(2.0) / 2.0;

    /// <summary>w = √2/4, the weight of the first two stage rates in the BDF2 stage.</summary>
    public static readonly double W = Math.Sqrt(2.0) / 4.0;

    // b − b̂ of the embedded pair: ((4w − 1)/3, −1/3, 2d/3); they sum to zero.
    private static readonly double E1 = (4.0 * W - 1.0) / 3.0;
    private static readonly double E2 = -1.0 / 3.0;
    private static readonly double E3 = 2.0 * D / 3.0;

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);

    private readonly ILinearOdeSystem _system;
    private readonly TrBdf2Options _options;
    private readonly int _n;
    private readonly SemiDiscreteSystem _atStart;
    private readonly SemiDiscreteSystem _atStage;
    private readonly SemiDiscreteSystem _atEnd;
    private readonly TridiagonalMatrix _iteration;
    private readonly TridiagonalSolver _solver;
    private readonly double[] _k1, _k2, _k3, _stage, _rhs, _error;
    private double[] _next;
    private double[] _u;
    private int _accepted, _rejected, _assemblies, _factorizations;
    private double _smallest = double.PositiveInfinity, _largest;
    private double _factoredDh = double.NaN;
    private SemiDiscreteSystem? _factoredSystem;

    private TrBdf2Integrator(ILinearOdeSystem system, TrBdf2Options options, double[] initial)
    {
        _system = system;
        _options = options;
        _n = system.Size;
        _atStart = new SemiDiscreteSystem(_n);
        _atStage = system.IsTimeDependent ? new SemiDiscreteSystem(_n) : _atStart;
        _atEnd = system.IsTimeDependent ? new SemiDiscreteSystem(_n) : _atStart;
        _iteration = new TridiagonalMatrix(_n);
        _solver = new TridiagonalSolver(_n);
        _k1 = new double[_n];
        _k2 = new double[_n];
        _k3 = new double[_n];
        _stage = new double[_n];
        _next = new double[_n];
        _rhs = new double[_n];
        _error = new double[_n];
        _u = (double[])initial.Clone();
    }

    /// <summary>
    /// Integrates from <paramref name="startTime"/> through every time in <paramref name="outputTimes"/>
    /// (increasing, ≥ startTime), landing exactly on each; an output time equal to startTime returns the initial state.
    /// </summary>
    public static TrBdf2Result Integrate(
        ILinearOdeSystem system,
        double[] initial,
        double startTime,
        IReadOnlyList<double> outputTimes,
        TrBdf2Options options,
        IProgress<JobProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(outputTimes);
        ArgumentNullException.ThrowIfNull(options);
        Validate(system, initial, startTime, outputTimes, options);
        var integrator = new TrBdf2Integrator(system, options, initial);
        return integrator.Run(startTime, outputTimes, progress, cancellationToken);
    }

    private static void Validate(ILinearOdeSystem system, double[] initial, double startTime, IReadOnlyList<double> outputTimes, TrBdf2Options options)
    {
        if (initial.Length != system.Size)
        {
            throw new ArgumentException(Invariant($"The initial state has {initial.Length} values; the system has {system.Size}."), nameof(initial));
        }

        double previous = startTime;
        for (int i = 0; i < outputTimes.Count; i++)
        {
            double t = outputTimes[i];
            if (!double.IsFinite(t) || t < previous || (i > 0 && t == previous))
            {
                throw new ArgumentException(Invariant($"Output times must be finite, increasing and not before the start time {startTime}; output {i} is {t}."), nameof(outputTimes));
            }

            previous = t;
        }

        if (!(options.RelativeTolerance >= 0) || !(options.AbsoluteTolerance >= 0) || options.RelativeTolerance + options.AbsoluteTolerance <= 0)
        {
            throw new ArgumentException("Tolerances must be non-negative and not both zero.", nameof(options));
        }

        if (options.FixedStep is { } h && !(h > 0 && double.IsFinite(h)))
        {
            throw new ArgumentException(Invariant($"The fixed step must be positive and finite, got {h}."), nameof(options));
        }
    }

    private TrBdf2Result Run(double startTime, IReadOnlyList<double> outputTimes, IProgress<JobProgress>? progress, CancellationToken ct)
    {
        var values = new double[outputTimes.Count][];
        double t = startTime;
        double finalTime = outputTimes.Count > 0 ? outputTimes[^1] : startTime;
        double span = finalTime - startTime;
        Assemble(t, _atStart);
        _atStart.Rate(_u, _k1);
        double h = _options.FixedStep ?? _options.InitialStep ?? InitialStep(span, outputTimes.Count > 0 ? outputTimes[0] - startTime : span);
        var clock = Stopwatch.StartNew();
        TimeSpan lastReport = TimeSpan.Zero;

        for (int j = 0; j < outputTimes.Count; j++)
        {
            double target = outputTimes[j];
            int fixedStepsLeft = _options.FixedStep is { } hf ? Math.Max(1, (int)Math.Ceiling((target - t) / hf - 1e-9)) : 0;
            bool retrying = false;
            while (t < target)
            {
                ct.ThrowIfCancellationRequested();
                if (_accepted + _rejected >= _options.MaxSteps)
                {
                    throw new InvalidOperationException(Invariant($"TR-BDF2 gave up after {_options.MaxSteps} steps at t = {t * _options.TimeScale:G6} s (final time {finalTime * _options.TimeScale:G6} s); loosen the tolerances or raise MaxSteps."));
                }

                double remaining = target - t;
                bool landing;
                double step;
                if (_options.FixedStep is not null)
                {
                    step = remaining / fixedStepsLeft;
                    landing = fixedStepsLeft == 1;
                }
                else
                {
                    landing = t + 1.1 * h >= target; // stretch by up to 10 % rather than leave a sliver
                    step = landing ? remaining : h;
                }

                if (step <= 1e-14 * Math.Max(Math.Abs(t), span))
                {
                    throw new InvalidOperationException(Invariant($"TR-BDF2 step size underflow ({step * _options.TimeScale:G3} s) at t = {t * _options.TimeScale:G6} s: the problem may be ill-posed (e.g. a growing source S1 > 0 with a huge rate)."));
                }

                double stepEnd = landing ? target : t + step;
                double errorNorm = Step(t, stepEnd - t, stepEnd);
                if (_options.FixedStep is not null || errorNorm <= 1.0)
                {
                    Accept(stepEnd - t);
                    t = stepEnd;
                    fixedStepsLeft--;
                    if (_options.FixedStep is null)
                    {
                        double grown = step * StepFactor(errorNorm, retrying);
                        h = landing ? Math.Max(grown, h) : grown; // a clipped landing step does not shrink the natural step
                    }

                    retrying = false;
                    if (progress is not null && clock.Elapsed - lastReport >= ProgressInterval)
                    {
                        lastReport = clock.Elapsed;
                        progress.Report(Progress(t, startTime, span));
                    }
                }
                else
                {
                    _rejected++;
                    h = step * StepFactor(errorNorm, retrying: true);
                    retrying = true;
                }
            }

            values[j] = (double[])_u.Clone();
        }

        progress?.Report(Progress(finalTime, startTime, span));
        var statistics = new IntegratorStatistics(_accepted, _rejected, _assemblies, _factorizations, _accepted > 0 ? _smallest : 0, _largest);
        return new TrBdf2Result(Copy(outputTimes), values, statistics);
    }

    /// <summary>One TR-BDF2 step of size h from (t, u) to stepEnd = t + h; returns the weighted RMS error norm (0 in fixed-step mode).</summary>
    private double Step(double t, double h, double stepEnd)
    {
        double dh = D * h;
        if (_system.IsTimeDependent)
        {
            Assemble(t + Gamma * h, _atStage);
            Assemble(stepEnd, _atEnd);
        }

        // Trapezoidal stage: (M − d h A) z = M (u + d h k1) + d h b   at t + γh.
        FactorIteration(_atStage, dh);
        for (int i = 0; i < _n; i++)
        {
            _rhs[i] = _atStage.Mass[i] * (_u[i] + dh * _k1[i]) + dh * _atStage.Load[i];
        }

        _solver.Solve(_rhs, _stage);
        _atStage.Rate(_stage, _k2);

        // BDF2 stage: (M − d h A) u' = M (u + w h (k1 + k2)) + d h b   at t + h.
        if (_system.IsTimeDependent)
        {
            FactorIteration(_atEnd, dh);
        }

        double wh = W * h;
        for (int i = 0; i < _n; i++)
        {
            _rhs[i] = _atEnd.Mass[i] * (_u[i] + wh * (_k1[i] + _k2[i])) + dh * _atEnd.Load[i];
        }

        _solver.Solve(_rhs, _next);
        _atEnd.Rate(_next, _k3);
        if (_options.FixedStep is not null)
        {
            return 0.0;
        }

        // Filtered embedded estimate: (M − d h A) err = M h Σ (b_i − b̂_i) k_i   (Hosea & Shampine §4).
        for (int i = 0; i < _n; i++)
        {
            _rhs[i] = _atEnd.Mass[i] * h * (E1 * _k1[i] + E2 * _k2[i] + E3 * _k3[i]);
        }

        _solver.Solve(_rhs, _error);
        double sum = 0;
        for (int i = 0; i < _n; i++)
        {
            double scale = _options.AbsoluteTolerance + _options.RelativeTolerance * Math.Max(Math.Abs(_u[i]), Math.Abs(_next[i]));
            double ratio = _error[i] / scale;
            sum += ratio * ratio;
        }

        double norm = Math.Sqrt(sum / _n);
        return double.IsNaN(norm) ? double.PositiveInfinity : norm;
    }

    private void Accept(double h)
    {
        _accepted++;
        _smallest = Math.Min(_smallest, h);
        _largest = Math.Max(_largest, h);
        (_u, _next) = (_next, _u);
        if (_system.IsTimeDependent)
        {
            _atStart.CopyFrom(_atEnd);
        }

        // First same as last: the rate at the new point is k3.
        Array.Copy(_k3, _k1, _n);
    }

    private static double StepFactor(double errorNorm, bool retrying)
    {
        // Local error is O(h³): the step that would just meet the tolerance is h err^(−1/3).
        double factor = errorNorm == 0 ? 5.0 : 0.9 * Math.Pow(errorNorm, -1.0 / 3.0);
        factor = Math.Clamp(factor, 0.2, 5.0);
        return retrying ? Math.Min(factor, 1.0) : factor;
    }

    /// <summary>First trial step 0.01 ‖u‖/‖du/dt‖ in the tolerance-weighted norm (Hairer, Nørsett &amp; Wanner I, §II.4), capped by the first output interval.</summary>
    private double InitialStep(double span, double firstInterval)
    {
        double d0 = 0, d1 = 0;
        for (int i = 0; i < _n; i++)
        {
            double scale = _options.AbsoluteTolerance + _options.RelativeTolerance * Math.Abs(_u[i]);
            d0 += (_u[i] / scale) * (_u[i] / scale);
            d1 += (_k1[i] / scale) * (_k1[i] / scale);
        }

        d0 = Math.Sqrt(d0 / _n);
        d1 = Math.Sqrt(d1 / _n);
        double h = d0 < 1e-5 || d1 < 1e-5 || !double.IsFinite(d1) ? 1e-6 * span : 0.01 * d0 / d1;
        double cap = firstInterval > 0 ? firstInterval : span;
        return Math.Max(Math.Min(h, cap), 1e-10 * span);
    }

    private void FactorIteration(SemiDiscreteSystem system, double dh)
    {
        // A time-independent system keeps its factorisation while h is unchanged (fixed steps, long runs at the step cap).
        if (!_system.IsTimeDependent && ReferenceEquals(system, _factoredSystem) && dh == _factoredDh)
        {
            return;
        }

        TridiagonalMatrix a = system.Stiffness;
        for (int i = 0; i < _n; i++)
        {
            _iteration.Lower[i] = -dh * a.Lower[i];
            _iteration.Diagonal[i] = system.Mass[i] - dh * a.Diagonal[i];
            _iteration.Upper[i] = -dh * a.Upper[i];
        }

        _solver.Factor(_iteration);
        _factorizations++;
        _factoredDh = dh;
        _factoredSystem = system;
    }

    private void Assemble(double time, SemiDiscreteSystem target)
    {
        _system.Assemble(time, target);
        _assemblies++;
    }

    private JobProgress Progress(double t, double startTime, double span)
    {
        double fraction = span > 0 ? Math.Clamp((t - startTime) / span, 0, 1) : 1;
        return new JobProgress(_options.ProgressStage, fraction, Invariant($"t = {t * _options.TimeScale:G4} s, {_accepted} steps ({_rejected} rejected)"));
    }

    private static double[] Copy(IReadOnlyList<double> values)
    {
        var copy = new double[values.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = values[i];
        }

        return copy;
    }
}
