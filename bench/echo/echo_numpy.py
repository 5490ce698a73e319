#!/usr/bin/python3
"""Independent NumPy reproduction of one spin-echo curve of the 2020 echo challenge generator.

Follows the equations of /work/shared/reference/echo-challenge.md section 1.3 literally, with none of the C# runtime's
shortcuts: per-spin 2x2 density matrices, the 4x4 Liouville generator -i(I(x)H - conj(H)(x)I) + J in column-major vec
with jump operator sqrt(Gamma) Iz, its exponential by scaling and squaring, ideal pulses as unitaries
U90 = exp(-i pi/2 Ix), U180 = exp(-i pi Iy), and the mean field as a dense N x N kernel matrix built from explicit
minimum-image coordinates. Offsets are drawn with the same SplitMix64 stream and inverse-CDF rule as
NmrDsl.Runtime.Echo.LorentzianOffsets, so the same seed gives the same offsets bit for bit.

Usage: echo_numpy.py SIDE ALPHA XI P D SEED [secular|full] [normalised|raw]
Prints JSON: {"seconds", "numpy", "re": [...], "im": [...]} (M_k, k = 1..471). Benchmarks and cross-checks only.
"""
import bisect
import json
import math
import sys
import time

import numpy as np

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next_uint64(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def next_double(self):
        return (self.next_uint64() >> 11) * (1.0 / 9007199254740992.0)


def draw_offsets(seed, count, nu0=10.0, width=0.05, window=0.5, points=2500):
    """Delta_i = nu_i - nu0 [MHz]: grid of `points` on [nu0 - window/2, nu0 + window/2], Lorentzian weights, with replacement."""
    step = window / (points - 1)
    grid = [(nu0 - window / 2 + g * step) - nu0 for g in range(points)]
    half = width / 2
    cumulative, total = [], 0.0
    for x in grid:
        total += (1 / math.pi) * half / (x * x + half * half)
        cumulative.append(total)
    rng = SplitMix64(seed)
    out = []
    for _ in range(count):
        index = bisect.bisect_right(cumulative, rng.next_double() * total)
        out.append(grid[min(index, points - 1)])
    return np.array(out)


def kernel_matrix(side, xi, p, normalised):
    """K_ij = k(r_ij) (/ sum_l k(r_il)), k = (r/xi)^-p, k(0) = 0, minimum-image r on the periodic side x side lattice."""
    idx = np.arange(side * side)
    i0, i1 = idx // side, idx % side
    wrap = lambda d: (d + side // 2) % side - side // 2
    dx = wrap(i0[:, None] - i0[None, :])
    dy = wrap(i1[:, None] - i1[None, :])
    r = np.sqrt(dx * dx + dy * dy)
    with np.errstate(divide="ignore"):
        k = np.where(r > 0, (r / xi) ** (-p), 0.0)
    if normalised:
        k = k / k.sum(axis=1, keepdims=True)
    return k


def expm_batched(a):
    """exp(a) for a stack of square matrices: Taylor series (24 terms) after scaling by 2^-s, then s squarings."""
    norm = np.max(np.sum(np.abs(a), axis=(1, 2)))
    s = max(0, int(math.ceil(math.log2(norm / 0.25)))) if norm > 0 else 0
    a = a / (2 ** s)
    eye = np.broadcast_to(np.eye(a.shape[1], dtype=complex), a.shape)
    result, term = eye.copy(), eye.copy()
    for n in range(1, 25):
        term = term @ a / n
        result = result + term
    for _ in range(s):
        result = result @ result
    return result


def batched_kron(a, b):
    """kron(a_n, b_n) for stacks (n, 2, 2) -> (n, 4, 4)."""
    return np.einsum("nij,nkl->nikjl", a, b).reshape(a.shape[0], 4, 4)


def simulate(side, alpha, xi, p, d, seed, secular=False, normalised=True, nu0=10.0, dt=2.0, n_tau=157):
    n = side * side
    delta = draw_offsets(seed, n, nu0=nu0)
    kmat = kernel_matrix(side, xi, p, normalised)
    gamma = 10.0 ** (-d)
    ix = np.array([[0, 0.5], [0.5, 0]], dtype=complex)
    iy = np.array([[0, -0.5j], [0.5j, 0]], dtype=complex)
    iz = np.array([[0.5, 0], [0, -0.5]], dtype=complex)
    eye = np.eye(2, dtype=complex)
    lop = math.sqrt(gamma) * iz
    ldl = lop.conj().T @ lop
    dissipator = np.kron(lop.conj(), lop) - 0.5 * (np.kron(eye, ldl) + np.kron(ldl.T, eye))

    up = np.array([[1, 0], [0, 0]], dtype=complex)
    u90 = math.cos(math.pi / 4) * eye - 1j * math.sin(math.pi / 4) * 2 * ix
    u180 = -1j * 2 * iy
    rho = np.broadcast_to(u90 @ up @ u90.conj().T, (n, 2, 2)).copy()
    eyes = np.broadcast_to(eye, (n, 2, 2))
    samples = []
    for k in range(1, 3 * n_tau + 1):
        if k == n_tau + 1:
            rho = u180 @ rho @ u180.conj().T
        t = k * dt
        m = kmat @ rho[:, 1, 0]                       # m_i = sum_j K_ij Tr(I+ rho_j), Tr(I+ rho) = rho[1, 0]
        mx, my = m.real, m.imag
        c, s = math.cos(2 * nu0 * t), math.sin(2 * nu0 * t)
        if secular:
            ox, oy = 0.5 * mx, 0.5 * my
        else:
            ox = 0.5 * (mx * (1 - c) - my * s)
            oy = 0.5 * (my * (1 + c) - mx * s)
        h = (-delta[:, None, None] * iz) - alpha * (ox[:, None, None] * ix + oy[:, None, None] * iy)
        generator = -1j * (batched_kron(eyes, h) - batched_kron(h.conj(), eyes)) + dissipator
        prop = expm_batched(generator * dt)
        vec = rho.transpose(0, 2, 1).reshape(n, 4)     # column-major vec
        vec = np.einsum("nij,nj->ni", prop, vec)
        rho = vec.reshape(n, 2, 2).transpose(0, 2, 1)
        samples.append(np.mean(rho[:, 1, 0]))
    return np.array(samples)


def main(argv):
    side, alpha, xi, p, d, seed = int(argv[1]), float(argv[2]), float(argv[3]), float(argv[4]), float(argv[5]), int(argv[6])
    secular = len(argv) > 7 and argv[7] == "secular"
    normalised = not (len(argv) > 8 and argv[8] == "raw")
    start = time.perf_counter()
    m = simulate(side, alpha, xi, p, d, seed, secular=secular, normalised=normalised)
    seconds = time.perf_counter() - start
    json.dump({"seconds": seconds, "numpy": np.__version__, "re": [float(v) for v in m.real], "im": [float(v) for v in m.imag]}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv)
