/// The generated problem types, consumed from F#: construction with init-only properties,
/// solving, the generated observables, the job entry point and the strong-form residual.
module NmrDsl.FSharp.Tests.GeneratedProblemTests

open System
open System.IO
open Xunit
open NmrDsl.Runtime
open NmrDsl.Runtime.Pde
open NmrDsl.Sample

/// R^2/D for the sphere used below: R = 2 um and the spec's D = 500 nm^2/s give 8000 s, so the
/// spec's 600 s end time is 0.075 R^2/D.
let private diffusionTime (p: SphereUptakeParameters) = p.R * p.R / p.D

/// A temporary folder that deletes itself (F# `use` on an object expression).
let private tempFolder () =
    let dir = Directory.CreateTempSubdirectory("nmrdsl-fsharp-").FullName
    dir,
    { new IDisposable with
        member _.Dispose() = Directory.Delete(dir, true) }

[<Fact>]
let ``generated types land in the project's NmrDslNamespace`` () =
    Assert.Equal("NmrDsl.Sample", typeof<SphereUptake>.Namespace)
    Assert.Equal("NmrDsl.Sample", typeof<SlabHeatParameters>.Namespace)

[<Fact>]
let ``init-only parameters are set with F# property-setter syntax in the constructor call`` () =
    // C# `init` accessors are settable from F# only here, in the object-construction expression.
    let p = SphereUptakeParameters(R = 2e-6, Cs = 0.5)
    Assert.Equal(2e-6, p.R)
    Assert.Equal(5e-16, p.D) // the spec's default, 500 nm^2/s in SI
    Assert.Equal(0.5, p.Cs)
    // C# records have value equality, which F# (=) uses.
    Assert.True((p = SphereUptakeParameters(R = 2e-6, Cs = 0.5)))
    // The same for the problem's init-only Options, beside a constructor argument.
    let problem = SphereUptake(p, Options = FiniteVolumeOptions(Cells = 80, OutputCount = 11))
    Assert.Equal(80, problem.Options.Cells)

[<Fact>]
let ``With takes an F# readOnlyDict of SI values and rejects unknown names`` () =
    // F# cannot use C#'s `with` on a C# record; the generated With(overrides) is the copy-and-update.
    let p = SlabHeatParameters().With(readOnlyDict [ "L", 2e-3; "T0", 3.0 ])
    Assert.Equal(SlabHeatParameters(L = 2e-3, T0 = 3.0), p)
    let error = Assert.Throws<ArgumentException>(fun () -> SlabHeatParameters().With(readOnlyDict [ "beta", 1.0 ]) |> ignore)
    Assert.Contains("'beta' is not a parameter of SlabHeat", error.Message)

[<Fact>]
let ``sphere uptake matches Crank's series to 1e-4 relative for t >= 0.01 R^2/D`` () =
    let parameters = SphereUptakeParameters(R = 2e-6)
    let problem = SphereUptake parameters
    let solution = problem.Solve()
    let exact = Analytic.sphereUptake parameters.R parameters.D
    let compared =
        Array.zip solution.Times (problem.ObserveUptake solution)
        |> Array.filter (fun (t, _) -> t >= 0.01 * diffusionTime parameters)
    let worst =
        compared
        |> Array.map (fun (t, uptake) -> abs (uptake - exact t) / exact t)
        |> Array.max
    // The outputs every 5 s from 80 s (0.01 R^2/D) to 600 s: more than a hundred comparisons.
    Assert.True(compared.Length > 100, sprintf "only %d outputs compared" compared.Length)
    Assert.True(worst < 1e-4, sprintf "largest relative error %.3e" worst)
    // The generated observable mean(C) is the runtime's volume average.
    Array.iter2 (fun (a: float) b -> Assert.Equal(a, b, 14)) (problem.ObserveUptake solution) (solution.VolumeAverages())

/// Largest |T - T0 sin(pi x / L) exp(-alpha pi^2 t / L^2)| over the cells at the final time,
/// relative to the exact amplitude then, and the tolerance it is held to.
let private slabFinalError (problem: SlabHeat) =
    let p = problem.Parameters
    let solution = problem.Solve()
    let tEnd = Array.last solution.Times
    Assert.Equal(problem.EndTime, tEnd)
    let exact =
        solution.Mesh.Centres
        |> Array.map (fun x -> let value, _, _, _ = Analytic.slabMode p.L p.alpha p.T0 x tEnd in value)
    let amplitude = Array.max exact
    let worst = Array.map2 (fun (c: float) e -> abs (c - e)) (Array.last solution.Values) exact |> Array.max
    // The three-point Laplacian's eigenvalue for this mode is (pi/L)^2 (1 - (pi h / L)^2 / 12 + ...),
    // so the computed amplitude carries a relative error of about alpha (pi/L)^2 t (pi h/L)^2 / 12
    // (measured within 10 % of that); allowed: twice that, plus 1e-6 for the time integration.
    let h = p.L / float solution.Mesh.CellCount
    let decayExponent = p.alpha * (Math.PI / p.L) ** 2.0 * tEnd
    worst / amplitude, 2.0 * decayExponent * (Math.PI * h / p.L) ** 2.0 / 12.0 + 1e-6

[<Fact>]
let ``slab mode decays as T0 sin(pi x / L) exp(-alpha pi^2 t / L^2) at the final time`` () =
    // L = 4 mm: the 20 s run ends at exp(-1.73), amplitude 0.36 K; the spec's options as they are.
    let error, tolerance = slabFinalError (SampleProblems.Slab(4e-3, 2.0))
    Assert.True(error < tolerance, sprintf "relative error %.3e, allowed %.3e" error tolerance)

[<Fact>]
let ``slab mode at the spec's own parameters needs a smaller absolute tolerance`` () =
    // At L = 1 mm the 20 s run ends 27.6 decay times in (amplitude 2e-12 K), at the default
    // absolute tolerance 1e-12 U = 2e-12 K itself, which leaves a few per cent relative error;
    // with AbsoluteTolerance = 1e-20 K only the spatial error (5.7e-4 predicted) remains.
    let spec = SlabHeat()
    let tight = SlabHeat(spec.Parameters, Options = FiniteVolumeOptions(Cells = 200, OutputCount = 101, AbsoluteTolerance = 1e-20))
    let error, tolerance = slabFinalError tight
    Assert.True(error < tolerance, sprintf "relative error %.3e, allowed %.3e" error tolerance)

[<Fact>]
let ``ISpecJob.Run writes result.json into the output folder`` () =
    let dir, cleanup = tempFolder ()
    use _ = cleanup
    let job: ISpecJob = SampleProblems.Sphere 2e-6
    let result = job.Run(JobContext(dir, Seed = 1))
    Assert.Equal("SphereUptake", job.Name)
    Assert.True(File.Exists(Path.Combine(dir, "result.json")))
    Assert.Contains(result.Files, fun f -> Path.GetFileName f = "result.json")
    // The summary's keys carry units; the final uptake is the last value of the observable.
    let uptake = result.Summary["uptake(t_end)"]
    Assert.InRange(uptake, 0.0, 1.0)
    Assert.Equal(200.0, result.Summary["cells"])

[<Fact>]
let ``job overrides are SI values keyed by parameter name`` () =
    let dir, cleanup = tempFolder ()
    use _ = cleanup
    let key = "Tmean(t_end) [K]"
    let baseline = SlabHeat().Run(JobContext(Path.Combine(dir, "baseline"))).Summary[key]
    let doubled = SlabHeat().Run(JobContext(Path.Combine(dir, "doubled"), Overrides = readOnlyDict [ "T0", 4.0 ])).Summary[key]
    // The problem is linear in T0 (and the solver's scales follow it), so the mean doubles.
    Assert.True(baseline > 0.0)
    Assert.True(abs (doubled / baseline - 2.0) < 1e-9, sprintf "ratio %.12f" (doubled / baseline))

[<Fact>]
let ``generated Residual vanishes on the exact slab mode`` () =
    let problem = SlabHeat()
    let p = problem.Parameters
    // Each term of A T_t - K T_xx is about alpha (pi/L)^2 T0 = 2.8 K/s and computed to a few ulp,
    // so an exact solution leaves rounding only: |residual| < 1e-13 of that scale (~450 ulp).
    let scale = p.alpha * (Math.PI / p.L) ** 2.0 * p.T0
    let residuals =
        [ for x in [ 0.0; 0.1; 0.25; 0.5; 0.9; 1.0 ] do
              for t in [ 0.0; 1.0; 10.0; 20.0 ] do
                  let x = x * p.L
                  let value, dt, dx, dxx = Analytic.slabMode p.L p.alpha p.T0 x t
                  problem.Residual(x, t, 0, value, dt, dx, dxx) ]
    let worst = residuals |> List.map abs |> List.max
    Assert.True(worst < 1e-13 * scale, sprintf "largest residual %.3e, scale %.3e" worst scale)
    // And it does not vanish on a wrong solution (the mode with twice the decay rate).
    let value, dt, dx, dxx = Analytic.slabMode p.L p.alpha p.T0 (0.5 * p.L) 1.0
    Assert.True(abs (problem.Residual(0.5 * p.L, 1.0, 0, value, 2.0 * dt, dx, dxx)) > 0.5 * scale * exp (-p.alpha * (Math.PI / p.L) ** 2.0))

[<Fact>]
let ``generated Residual vanishes on an exact radial mode, the sphere's centre included`` () =
    let problem = SphereUptake(SphereUptakeParameters(R = 2e-6))
    let p = problem.Parameters
    let k = 3.0 / p.R
    // Terms are about D k^3 (value k, times D k^2); rounding leaves far less than 1e-12 of that.
    let scale = p.D * k ** 3.0
    let residualAt r t =
        let value, dt, dr, drr = Analytic.sphereMode k p.D r t
        problem.Residual(r, t, 0, value, dt, dr, drr)
    let points = [ 0.0; 0.2; 0.5; 1.0 ] |> List.map ((*) p.R)
    let worst =
        Seq.allPairs points [ 0.0; 100.0; 600.0 ]
        |> Seq.map (fun (r, t) -> abs (residualAt r t))
        |> Seq.max
    Assert.True(worst < 1e-12 * scale, sprintf "largest residual %.3e, scale %.3e" worst scale)
