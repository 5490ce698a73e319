/// The runtime's public API from F#: named and optional arguments, arrays and pipelines,
/// Nullable-typed options, object expressions for the interfaces, cancellation and progress.
module NmrDsl.FSharp.Tests.RuntimeApiTests

open System
open System.Collections.Generic
open System.Threading
open Xunit
open NmrDsl.Runtime
open NmrDsl.Runtime.Pde
open NmrDsl.Sample

/// The slab spec's problem written by hand in F#: the runtime's problem interface is
/// implementable with an object expression, no C# needed.
let private slabByHand (thickness: float) (alpha: float) (amplitude: float) =
    { new IDiffusionReactionProblem with
        member _.Geometry = Geometry.Slab
        member _.Start = 0.0
        member _.End = thickness
        member _.Interfaces = Array.empty<float>
        member _.EndTime = 20.0
        member _.IsTimeDependent = false
        member _.Capacity(_, _, _) = 1.0
        member _.Diffusivity(_, _, _) = alpha
        member _.SourceConstant(_, _, _) = 0.0
        member _.SourceLinear(_, _, _) = 0.0
        member _.Initial(x, _) = amplitude * sin (Math.PI * x / thickness)
        member _.StartBoundary _ = BoundaryCondition.Dirichlet 0.0
        member _.EndBoundary _ = BoundaryCondition.Dirichlet 0.0 }

[<Fact>]
let ``Solve takes named optional arguments and F# arrays for output times`` () =
    let problem = SampleProblems.Sphere 2e-6
    let options =
        FiniteVolumeOptions(
            Cells = 100,
            OutputTimes = [| 0.0; 100.0; 300.0; 600.0 |], // float[] where IReadOnlyList<float> is expected
            AbsoluteTolerance = 1e-13,                    // float where Nullable<float> is expected (F# 6+)
            RelativeTolerance = 1e-9)
    // progress omitted, cancellationToken given by name.
    let solution = FiniteVolumeSolver.Solve(problem, options, cancellationToken = CancellationToken.None)
    Assert.Equal<float>([| 0.0; 100.0; 300.0; 600.0 |], solution.Times)
    Assert.Equal(100, solution.Mesh.CellCount)
    // Values is float[][]: rows are output times, so the pipeline reads naturally.
    let means = solution.Values |> Array.map (fun row -> solution.Mesh.VolumeAverage row)
    Assert.Equal<float>(solution.VolumeAverages(), means)
    // int to Nullable<int> for the optional region argument (F# 6 method-argument conversion).
    Assert.Equal<float>(means, solution.VolumeAverages(region = 0))
    Assert.True(means |> Array.pairwise |> Array.forall (fun (a, b) -> b > a), "uptake must increase")

[<Fact>]
let ``an F# object-expression problem gives the generated problem's numbers`` () =
    let generated = SlabHeat()
    let p = generated.Parameters
    let byHand = slabByHand p.L p.alpha p.T0
    let a = FiniteVolumeSolver.Solve(generated, generated.Options)
    let b = FiniteVolumeSolver.Solve(byHand, generated.Options)
    Assert.Equal<float>(a.Times, b.Times)
    Array.iter2 (fun (x: float[]) y -> Assert.Equal<float>(x, y)) a.Values b.Values

[<Fact>]
let ``progress is an object expression and sees the solve through`` () =
    let reports = List<JobProgress>()
    let progress =
        { new IProgress<JobProgress> with
            member _.Report p = reports.Add p }
    SampleProblems.Slab(1e-3, 2.0).Solve(progress) |> ignore
    Assert.NotEmpty reports
    let fractions = reports |> Seq.map (fun r -> r.Fraction) |> Seq.toArray
    Assert.True(fractions |> Array.forall (fun f -> f >= 0.0 && f <= 1.0))
    Assert.True(fractions |> Array.pairwise |> Array.forall (fun (a, b) -> b >= a), "fractions must not go back")

[<Fact>]
let ``a cancelled token stops the solve with OperationCanceledException`` () =
    use cts = new CancellationTokenSource()
    cts.Cancel()
    let problem = SampleProblems.Sphere 1e-6
    Assert.ThrowsAny<OperationCanceledException>(fun () ->
        FiniteVolumeSolver.Solve(problem, problem.Options, cancellationToken = cts.Token) |> ignore)
    |> ignore

[<Fact>]
let ``solutions interpolate in time and the mesh is plain arrays`` () =
    let solution = SampleProblems.Sphere(2e-6).Solve()
    let mesh = solution.Mesh
    // Between two outputs FieldAt interpolates linearly; at an output it is that snapshot.
    let t = 0.5 * (solution.Times[10] + solution.Times[11])
    let expected = Array.map2 (fun (a: float) b -> 0.5 * (a + b)) solution.Values[10] solution.Values[11]
    Array.iter2 (fun (e: float) a -> Assert.Equal(e, a, 12)) expected (solution.FieldAt t)
    Assert.Equal<float>(solution.Values[10], solution.FieldAt solution.Times[10])
    // Exact sphere volumes per steradian add up to R^3 / 3.
    let total = Array.sum mesh.Volumes
    Assert.Equal(1.0, total / (mesh.End ** 3.0 / 3.0), 12)
    Assert.Equal(mesh.CellCount + 1, mesh.Faces.Length)

[<Fact>]
let ``bad options raise ArgumentException that F# can match on`` () =
    let problem = SampleProblems.Sphere 1e-6
    let outcome =
        try
            FiniteVolumeSolver.Solve(problem, FiniteVolumeOptions(Cells = 0)) |> Ok
        with
        | :? ArgumentException as e -> Error e.Message
    match outcome with
    | Error message -> Assert.Contains("Cells must be positive", message)
    | Ok _ -> failwith "expected an ArgumentException"

[<Fact>]
let ``span-taking methods accept F# arrays and have array overloads beside them`` () =
    // The 1-D Laplacian tridiag(1, -2, 1) of size 5, filled through its array properties.
    let n = 5
    let matrix = TridiagonalMatrix n
    Array.fill matrix.Lower 0 n 1.0
    Array.fill matrix.Diagonal 0 n -2.0
    Array.fill matrix.Upper 0 n 1.0
    let x = Array.init n (fun i -> float (i + 1))
    // Array overloads: nothing to convert.
    let y = matrix.Multiply x
    Assert.Equal<float>(x, TridiagonalSolver.Solve(matrix, y) |> Array.map (fun v -> Math.Round(v, 12)))
    // Span overloads: F# converts float[] to ReadOnlySpan/Span at the call (op_Implicit, F# 6+).
    let solver = TridiagonalSolver n
    solver.Factor matrix
    let solution = Array.zeroCreate<float> n
    solver.Solve(y, solution)
    Array.iter2 (fun (e: float) a -> Assert.Equal(e, a, 12)) x solution
    // SemiDiscreteSystem.Rate has only the span form, and arrays still pass straight in.
    let system = SemiDiscreteSystem n
    matrix.Diagonal.CopyTo(system.Stiffness.Diagonal, 0)
    Array.fill system.Mass 0 n 2.0
    let rate = Array.zeroCreate<float> n
    system.Rate(x, rate)
    Assert.Equal<float>(x |> Array.map (fun v -> -v), rate)
