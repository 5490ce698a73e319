/// Closed-form reference solutions, written as plain F# functions.
module NmrDsl.FSharp.Tests.Analytic

open System

/// Volume-averaged uptake of a sphere of radius r, initially at 0, surface held at 1
/// (Crank, The Mathematics of Diffusion, 2nd ed., 1975, eq. 6.20):
/// M_t/M_inf = 1 - (6/pi^2) sum_{n>=1} exp(-n^2 pi^2 D t / R^2) / n^2.
/// The series is summed until its terms fall below 1e-20 (at t >= 0.01 R^2/D that is n <= 25).
let sphereUptake (radius: float) (diffusivity: float) (t: float) =
    let tau = diffusivity * t / (radius * radius)
    let sum =
        Seq.initInfinite (fun i -> float (i + 1))
        |> Seq.map (fun n -> exp (-n * n * Math.PI * Math.PI * tau) / (n * n))
        |> Seq.takeWhile (fun term -> term >= 1e-20)
        |> Seq.truncate 10_000
        |> Seq.sum
    1.0 - 6.0 / (Math.PI * Math.PI) * sum

/// The slab's first Fourier mode T0 sin(pi x / L) exp(-alpha pi^2 t / L^2) and its derivatives
/// (value, d/dt, d/dx, d2/dx2): an exact solution of T_t = alpha T_xx with T = 0 at x = 0 and L.
let slabMode (thickness: float) (alpha: float) (amplitude: float) (x: float) (t: float) =
    let k = Math.PI / thickness
    let decay = exp (-alpha * k * k * t)
    let value = amplitude * sin (k * x) * decay
    let slope = amplitude * k * cos (k * x) * decay
    value, -alpha * k * k * value, slope, -k * k * value

/// sin(k r)/r exp(-D k^2 t): an exact solution of the radial diffusion equation
/// C_t = D (C_rr + (2/r) C_r) in a sphere, returned as (value, d/dt, d/dr, d2/dr2); at r = 0 the
/// limits k, 0 and -k^3/3 (times the decay), so the centre's l'Hopital branch is exercised too.
let sphereMode (k: float) (diffusivity: float) (r: float) (t: float) =
    let decay = exp (-diffusivity * k * k * t)
    if r = 0.0 then
        let value = k * decay
        value, -diffusivity * k * k * value, 0.0, -(k ** 3.0) / 3.0 * decay
    else
        let s, c = sin (k * r), cos (k * r)
        let value = s / r * decay
        let slope = (k * c / r - s / (r * r)) * decay
        let curvature = (-k * k * s / r - 2.0 * k * c / (r * r) + 2.0 * s / (r ** 3.0)) * decay
        value, -diffusivity * k * k * value, slope, curvature
