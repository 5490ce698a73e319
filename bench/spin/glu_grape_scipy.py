#!/usr/bin/env python3
"""NumPy/SciPy reference for the GRAPE benchmark (issue 4): 5-spin glutamate (32-dim Hilbert space), a
piecewise-constant shaped pulse, objective Phi = Re Tr(C^dag rho_M) with rho_M = U_M...U_1 rho_0 U_1^dag...U_M^dag,
U_j = expm(-i (H0 + ux_j CX + uy_j CY) dt), and its exact gradient

    dPhi/du_kj = Re Tr((L_j + L_j^dag) dU_kj rho_{j-1} U_j^dag),  L_j = U_{j+1}^dag ... U_M^dag C U_M ... U_{j+1},

with dU_kj the Frechet derivative of expm at -i H_j dt in direction -i C_k dt (scipy.linalg.expm_frechet,
Al-Mohy & Higham) -- the same computation as NmrDsl.Runtime.Spin.GrapeObjective, whose inputs (H0, CX, CY,
rho_0, C, dt, controls) the C# benchmark writes to the JSON file given as argv[1].

Prints JSON: seconds per propagator (scipy.linalg.expm of one step), seconds per objective+gradient evaluation
(forward expm per step, backward two expm_frechet per step), the value and the gradient, for the C# side to
check agreement. Median of repeated runs.
"""
import json
import sys
import time

import numpy as np
import scipy
from scipy.linalg import expm, expm_frechet


def matrix(data, n):
    return (np.asarray(data["re"], dtype=float) + 1j * np.asarray(data["im"], dtype=float)).reshape(n, n)


def objective_and_gradient(h0, cx, cy, rho0, target, dt, ux, uy):
    steps = len(ux)
    props = []
    states = [rho0]
    for j in range(steps):
        u = expm(-1j * dt * (h0 + ux[j] * cx + uy[j] * cy))
        props.append(u)
        states.append(u @ states[-1] @ u.conj().T)
    value = float(np.real(np.vdot(target, states[-1])))  # Re Tr(C^dag rho) = Re sum conj(C) * rho
    grad = np.zeros(2 * steps)
    lam = target
    ex, ey = -1j * dt * cx, -1j * dt * cy
    for j in range(steps - 1, -1, -1):
        u = props[j]
        a = -1j * dt * (h0 + ux[j] * cx + uy[j] * cy)
        m = u.conj().T @ (lam + lam.conj().T)  # Tr(M dU rho) with M = U^dag (L + L^dag)
        rho = states[j]
        dux = expm_frechet(a, ex, compute_expm=False)
        duy = expm_frechet(a, ey, compute_expm=False)
        grad[j] = np.real(np.trace(rho @ m @ dux))
        grad[steps + j] = np.real(np.trace(rho @ m @ duy))
        lam = u.conj().T @ lam @ u
    return value, grad


def median_seconds(action, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return float(np.median(times))


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        d = json.load(f)
    n = d["n"]
    h0, cx, cy = matrix(d["h0"], n), matrix(d["cx"], n), matrix(d["cy"], n)
    rho0, target = matrix(d["rho0"], n), matrix(d["target"], n)
    dt = d["dt"]
    controls = np.asarray(d["controls"], dtype=float)
    steps = len(controls) // 2
    ux, uy = controls[:steps], controls[steps:]
    h = h0 + ux[0] * cx + uy[0] * cy
    expm(-1j * dt * h)
    propagator = median_seconds(lambda: expm(-1j * dt * h), 200)
    value, grad = objective_and_gradient(h0, cx, cy, rho0, target, dt, ux, uy)
    evaluation = median_seconds(lambda: objective_and_gradient(h0, cx, cy, rho0, target, dt, ux, uy), d.get("repeats", 3))
    print(json.dumps({
        "propagator_s": propagator,
        "objective_gradient_s": evaluation,
        "value": value,
        "gradient": grad.tolist(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
    }))


if __name__ == "__main__":
    main()
