"""Reference for the NmrDsl benchmark: the same cell-centred finite-volume semi-discretisation of
diffusion into a sphere with a fixed surface value (faces r_f = i R / N, volumes (r+^3 - r-^3)/3,
face areas r^2, Dirichlet by the runtime's second-order closure: the quadratic through the surface
value and the two outermost cell centres, inflow D A (8 g - 9 u_N + u_{N-1}) / (3 h)), integrated by SciPy's BDF with a sparse
tridiagonal Jacobian at rtol 1e-8, atol 1e-12. Prints JSON: median time of 5 runs, steps, and the
maximum relative error of the volume average against Crank's series (eq. 6.20) for t >= 0.01 R^2/D.
Benchmark only: never a runtime dependency of NmrDsl."""
import json
import sys
import time

import numpy as np
import scipy
from scipy import sparse
from scipy.integrate import solve_ivp


def series(t, radius, diffusivity):
    n = np.arange(1, 2000)
    tau = diffusivity * t / radius**2
    return 1.0 - 6.0 / np.pi**2 * np.sum(np.exp(-(n**2) * np.pi**2 * tau) / n**2)


def main():
    radius, diffusivity, cells, end_time, outputs = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
    faces = np.linspace(0.0, radius, cells + 1)
    h = radius / cells
    volumes = (faces[1:] ** 3 - faces[:-1] ** 3) / 3.0
    areas = faces**2
    # conductances of interior faces; the outer face uses the quadratic closure
    # D A (8 g - 9 u_N + u_{N-1}) / (3 h) with g = 1, the same as NmrDsl's FiniteVolumeDiscretisation
    g = diffusivity * areas[1:-1] / h
    g_out = diffusivity * areas[-1] / h
    main_diag = np.zeros(cells)
    main_diag[:-1] -= g
    main_diag[1:] -= g
    main_diag[-1] -= 3.0 * g_out
    lower = g.copy()
    lower[-1] += g_out / 3.0
    a = sparse.diags([lower / volumes[1:], main_diag / volumes, g / volumes[:-1]], [-1, 0, 1], format="csc")
    b = np.zeros(cells)
    b[-1] = g_out * 8.0 / 3.0 * 1.0 / volumes[-1]

    def rhs(_t, u):
        return a @ u + b

    t_eval = np.linspace(0.0, end_time, outputs)
    timings = []
    result = None
    for _ in range(5):
        start = time.perf_counter()
        result = solve_ivp(rhs, (0.0, end_time), np.zeros(cells), method="BDF", jac=a, t_eval=t_eval, rtol=1e-8, atol=1e-12)
        timings.append(time.perf_counter() - start)
    timings.sort()
    error = 0.0
    for k, t in enumerate(result.t):
        if t < 0.01 * radius**2 / diffusivity:
            continue
        average = np.sum(volumes * result.y[:, k]) / np.sum(volumes)
        exact = series(t, radius, diffusivity)
        error = max(error, abs(average - exact) / exact)
    print(json.dumps({"seconds": timings[len(timings) // 2], "steps": int(result.nfev), "max_rel_error": error, "scipy": scipy.__version__}))


if __name__ == "__main__":
    main()
