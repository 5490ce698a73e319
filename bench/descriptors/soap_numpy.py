#!/usr/bin/python3
"""Independent NumPy implementation of SOAP in DScribe 2.x conventions (gto radial basis), for benchmarks and cross-checks.

Follows /work/shared/reference/descriptors.md section 1.1 directly, with none of the C# runtime's code: GTO primitives
r^l exp(-alpha_lk r^2) with a_k = linspace(1, r_cut, n_max) and alpha_lk = -ln(1e-3 / a_k^l) / a_k^2, Loewdin beta_l =
S^(-1/2) by eigh, the closed-form Gaussian integral
  c_nlm = pi^(3/2) sum_i w_i Y_lm(R_i) sum_k beta_lnk (eta R_i)^l (alpha_lk + eta)^(-(l+3/2)) exp(-alpha_lk eta R_i^2 / (alpha_lk + eta)),
real spherical harmonics without the Condon-Shortley phase, neighbours within r_cut + sigma sqrt(-2 ln 1e-3) (periodic
images from a wrapped cell padded by cutoff / height per axis), and the power spectrum
  p = pi sqrt(8/(2l+1)) sum_m c^Z1_nlm c^Z2_n'lm,  Z1 <= Z2, n' >= n when Z1 == Z2, order Z1, Z2, l, n, n'.
Everything is vectorised over all (centre, neighbour) pairs of a frame.

Usage:
  soap_numpy.py verify REFERENCE_JSON                 checks the gto cases of dscribe_soap_reference.json, prints JSON
  soap_numpy.py bench XYZ FRAMES NMAX LMAX RCUT SIGMA OUT.bin
      computes the power spectra of every atom of the first FRAMES frames (species H C N O), writes them as float64
      (frame after frame, atom-major) to OUT.bin and prints JSON {"seconds", "environments", "numpy"}.
"""
import json
import math
import sys
import time

import numpy as np

PAD = math.sqrt(-2.0 * math.log(1e-3))
ELEMENTS = {"H": 1, "C": 6, "N": 7, "O": 8, "Si": 14}


class GtoSoap:
    def __init__(self, r_cut, n_max, l_max, sigma, species_z, crossover=False, weighting=None):
        self.r_cut, self.n_max, self.l_max, self.sigma = r_cut, n_max, l_max, sigma
        self.species_z = sorted(species_z)
        self.crossover = crossover
        self.weighting = weighting
        self.eta = 1.0 / (2.0 * sigma * sigma)
        a = np.linspace(1.0, r_cut, n_max)
        ls = np.arange(l_max + 1)
        alpha = -np.log(1e-3 / a[None, :] ** ls[:, None]) / a[None, :] ** 2  # [l, k]
        self.decay = alpha * self.eta / (alpha + self.eta)
        self.B = np.empty((l_max + 1, n_max, n_max))  # [l, n, k]
        for l in range(l_max + 1):
            s = 0.5 * math.gamma(l + 1.5) * (alpha[l][:, None] + alpha[l][None, :]) ** (-(l + 1.5))
            w, v = np.linalg.eigh(s)
            beta = v @ np.diag(w ** -0.5) @ v.T
            self.B[l] = math.pi ** 1.5 * beta * (alpha[l] + self.eta)[None, :] ** (-(l + 1.5))
        self.l_of = np.concatenate([[l] * (2 * l + 1) for l in ls])
        self.prefactor = math.pi * np.sqrt(8.0 / (2 * self.l_of + 1))

    def harmonics(self, d):
        """Real Y_lm of the rows of d, columns l^2 + l + m; zero vectors get only Y_00."""
        L = self.l_max
        r = np.linalg.norm(d, axis=1)
        safe = np.where(r > 0, r, 1.0)
        x, y, z = d[:, 0] / safe, d[:, 1] / safe, d[:, 2] / safe
        out = np.zeros((len(d), (L + 1) ** 2))
        # Normalised associated Legendre functions divided by sin^m(theta), times Re/Im (x + iy)^m.
        cm, sm = np.ones_like(x), np.zeros_like(x)
        qmm = np.full_like(x, 0.5 / math.sqrt(math.pi))
        for m in range(L + 1):
            if m > 0:
                qmm = qmm * math.sqrt((2 * m + 1) / (2 * m))
                cm, sm = cm * x - sm * y, cm * y + sm * x
            q = {m: qmm}
            if m + 1 <= L:
                q[m + 1] = math.sqrt(2 * m + 3) * z * qmm
            for l in range(m + 2, L + 1):
                a = math.sqrt((4 * l * l - 1) / (l * l - m * m))
                b = math.sqrt(((l - 1) ** 2 - m * m) / (4 * (l - 1) ** 2 - 1))
                q[l] = a * (z * q[l - 1] - b * q[l - 2])
            for l in range(m, L + 1):
                if m == 0:
                    out[:, l * l + l] = q[l]
                else:
                    out[:, l * l + l + m] = math.sqrt(2) * q[l] * cm
                    out[:, l * l + l - m] = math.sqrt(2) * q[l] * sm
        out[r == 0] = 0.0
        out[r == 0, 0] = 0.5 / math.sqrt(math.pi)
        return out

    def weights(self, r):
        w = self.weighting
        if w is None:
            return np.ones_like(r)
        x = r / w.get("r0", 1.0)
        c, d, m = w.get("c", 1.0), w.get("d", 1.0), w.get("m", 1.0)
        if w["function"] == "poly":
            return np.where(x <= 1, c * np.clip(1 + 2 * x ** 3 - 3 * x ** 2, 0, None) ** m, 0.0)
        if w["function"] == "pow":
            return c / (d + x ** m)
        return c / (d + np.exp(-x))

    def coefficients(self, positions, species_z, centres, cell=None):
        """c[centre, species, n, lm] for Cartesian centres; cell = 3x3 rows or None."""
        cutoff = self.r_cut + self.sigma * PAD
        points, atom = images(positions, cell, cutoff)
        if cell is not None:
            inv = np.linalg.inv(np.asarray(cell).T)
            f = centres @ inv.T
            centres = (f - np.floor(f)) @ np.asarray(cell)
        sidx = np.array([self.species_z.index(z) for z in species_z])[atom]
        diff = points[None, :, :] - centres[:, None, :]
        dist2 = np.einsum("cpx,cpx->cp", diff, diff)
        ci, pi = np.nonzero(dist2 <= cutoff * cutoff)
        d = diff[ci, pi]
        r = np.sqrt(dist2[ci, pi])
        s = sidx[pi]
        # Radial F[pair, l, n] = (eta R)^l sum_k B_lnk exp(-a_lk R^2).
        e = np.exp(-self.decay[None, :, :] * (r * r)[:, None, None])
        F = np.einsum("lnk,plk->pln", self.B, e) * ((self.eta * r)[:, None] ** np.arange(self.l_max + 1)[None, :])[:, :, None]
        F *= self.weights(r)[:, None, None]
        Y = self.harmonics(d)
        term = F[:, self.l_of, :].transpose(0, 2, 1) * Y[:, None, :]  # [pair, n, lm]
        S = len(self.species_z)
        key = ci * S + s
        order = np.argsort(key, kind="stable")
        key, term = key[order], term[order]
        starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
        sums = np.add.reduceat(term, starts, axis=0)
        c = np.zeros((len(centres) * S, self.n_max, (self.l_max + 1) ** 2))
        c[key[starts]] = sums
        return c.reshape(len(centres), S, self.n_max, -1)

    def power_spectrum(self, c):
        S, n = len(self.species_z), self.n_max
        blocks = []
        weighted = c * self.prefactor[None, None, None, :]
        for a in range(S):
            for b in range(a, S):
                if b != a and self.crossover:
                    continue
                for l in range(self.l_max + 1):
                    sl = slice(l * l, (l + 1) * (l + 1))
                    p = np.einsum("cnm,ckm->cnk", weighted[:, a, :, sl], c[:, b, :, sl])
                    if a == b:
                        iu = np.triu_indices(n)
                        blocks.append(p[:, iu[0], iu[1]])
                    else:
                        blocks.append(p.reshape(len(c), -1))
        return np.concatenate(blocks, axis=1)


def images(positions, cell, cutoff):
    positions = np.asarray(positions, dtype=float)
    if cell is None:
        return positions, np.arange(len(positions))
    cell = np.asarray(cell, dtype=float)
    inv = np.linalg.inv(cell.T)
    frac = positions @ inv.T
    frac -= np.floor(frac)
    volume = abs(np.linalg.det(cell))
    heights = np.array([volume / np.linalg.norm(np.cross(cell[(i + 1) % 3], cell[(i + 2) % 3])) for i in range(3)])
    pad = cutoff / heights
    reach = np.ceil(pad).astype(int) + 1
    shifts = np.array(np.meshgrid(*[np.arange(-k, k + 1) for k in reach], indexing="ij")).reshape(3, -1).T
    all_frac = frac[None, :, :] + shifts[:, None, :]
    inside = np.all((all_frac >= -pad - 1e-9) & (all_frac < 1 + pad + 1e-9), axis=2)
    t, a = np.nonzero(inside)
    return all_frac[t, a] @ cell, a


def read_xyz(path, frames):
    out = []
    with open(path) as f:
        while len(out) < frames:
            head = f.readline()
            if not head.strip():
                break
            n = int(head)
            comment = f.readline()
            lattice = comment.split('Lattice="')[1].split('"')[0]
            cell = np.array([float(v) for v in lattice.split()]).reshape(3, 3)
            rows = [f.readline().split() for _ in range(n)]
            out.append(([r[0] for r in rows], np.array([[float(v) for v in r[1:4]] for r in rows]), cell))
    return out


def verify(reference_path):
    ref = json.load(open(reference_path))
    geo = ref["_geometries"]
    report = {}
    for setup in ["poly", "pow", "exp", "lmax"]:
        g = geo["lmax_setup" if setup == "lmax" else "default_setup"]
        args = g["gto_args"] if setup == "lmax" else g["args"]
        soap = GtoSoap(args["r_cut"], args["n_max"], args["l_max"], args["sigma"], [ELEMENTS[s] for s in args["species"]],
                       crossover=args["compression"] == "crossover", weighting=None if setup == "lmax" else g["weightings"][setup])
        c = soap.coefficients(np.array(g["positions"]), [ELEMENTS[s] for s in g["symbols"]], np.array(g["centers"], dtype=float))
        key = "gto_coefficients_1_20_2.0_0.1" if setup == "lmax" else "gto_coefficients_2_2_2.0_0.55_" + setup
        expected = np.array(ref[key]["data"])  # [centre, species, n, l, m + l]
        mine = np.zeros_like(expected)
        for l in range(soap.l_max + 1):
            mine[:, :, :, l, : 2 * l + 1] = c[:, :, :, l * l:(l + 1) * (l + 1)]
        p_key = [k for k in ref["_expected_power_spectra"] if k.startswith("gto_lmax_setup" if setup == "lmax" else "gto_default_setup_weight_" + setup)][0]
        p_ref = np.array(ref["_expected_power_spectra"][p_key])
        p = soap.power_spectrum(c)
        report[key] = {"coefficients": float(np.abs(mine - expected).max() / np.abs(expected).max()),
                       "power_spectrum": float((np.abs(p - p_ref).max(axis=1) / np.abs(p_ref).max(axis=1)).max())}
    print(json.dumps(report))


def bench(path, frames, n_max, l_max, r_cut, sigma, out_path):
    data = read_xyz(path, frames)
    soap = GtoSoap(r_cut, n_max, l_max, sigma, [1, 6, 7, 8])
    spectra = []
    environments = 0
    start = time.perf_counter()
    for symbols, positions, cell in data:
        z = [ELEMENTS[s] for s in symbols]
        c = soap.coefficients(positions, z, positions, cell)
        spectra.append(soap.power_spectrum(c))
        environments += len(symbols)
    seconds = time.perf_counter() - start
    np.concatenate(spectra).astype("<f8").tofile(out_path)
    print(json.dumps({"seconds": seconds, "environments": environments, "numpy": np.__version__}))


if __name__ == "__main__":
    if sys.argv[1] == "verify":
        verify(sys.argv[2])
    else:
        bench(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]), float(sys.argv[7]), sys.argv[8])
