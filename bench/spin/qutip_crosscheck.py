#!/usr/bin/python3
"""Cross-check of NmrDsl's Hilbert-space spin simulation against QuTiP (Debian's python3-qutip).

Runs bench/spin/ThreeSpinFid.cs (unless --fid-dir points at its output), rebuilds the same
Hamiltonian and sequence with QuTiP operators and matrix exponentials (independent of NmrDsl's
eigendecomposition, Kronecker-factorised pulses and line-sum FID), and compares the FIDs.

Conventions (NmrDsl.Runtime.Spin): H = sum_k 2*pi*nu_k Izk + sum_{k<l} 2*pi*J_kl Ik.Il (rad/s);
hard pulse exp(-i theta (cos phi Fx + sin phi Fy)); shaped step exp(-i (H + 2*pi (ux Fx + uy Fy)) dt);
coherence filter keeps rho_ab with M_a - M_b = p; s(t) = exp(-i phi_rx) Tr(rho(t) F+) / Tr(Iz^2) exp(-pi LB t).
Run with Debian's interpreter (/usr/bin/python3 bench/spin/qutip_crosscheck.py; apt-get install -y python3-qutip).
Exit status 1 if max |s_NmrDsl - s_QuTiP| exceeds the tolerance (default 1e-8).
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import qutip as qt


def spin_op(op, k, n):
    ops = [qt.qeye(2)] * n
    ops[k] = op
    return qt.tensor(ops)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fid-dir", help="directory with fid.csv and system.json (default: run ThreeSpinFid.cs)")
    parser.add_argument("--tolerance", type=float, default=1e-8)
    args = parser.parse_args()

    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    fid_dir = args.fid_dir
    if fid_dir is None:
        fid_dir = tempfile.mkdtemp(prefix="nmrdsl-qutip-")
        subprocess.run(["dotnet", "run", os.path.join(root, "bench", "spin", "ThreeSpinFid.cs"), "--", fid_dir], check=True)

    with open(os.path.join(fid_dir, "system.json"), encoding="utf-8") as f:
        desc = json.load(f)
    with open(os.path.join(fid_dir, "fid.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    ours = np.array([float(r["re"]) + 1j * float(r["im"]) for r in rows])

    n = len(desc["offsets_hz"])
    ix = [spin_op(qt.sigmax() / 2, k, n) for k in range(n)]
    iy = [spin_op(qt.sigmay() / 2, k, n) for k in range(n)]
    iz = [spin_op(qt.sigmaz() / 2, k, n) for k in range(n)]
    fx, fy, fz = sum(ix), sum(iy), sum(iz)
    fplus = sum(spin_op(qt.sigmap(), k, n) for k in range(n))
    h0 = sum(2 * np.pi * nu * iz[k] for k, nu in enumerate(desc["offsets_hz"]))
    for c in desc["couplings"]:
        i, j = c["i"], c["j"]
        h0 += 2 * np.pi * c["hz"] * (ix[i] * ix[j] + iy[i] * iy[j] + iz[i] * iz[j])

    # total M of each basis state (QuTiP basis(2,0) is spin-up, Iz = +1/2)
    twice_m = np.array([sum(1 if ((s >> (n - 1 - k)) & 1) == 0 else -1 for k in range(n)) for s in range(2 ** n)])

    rho = fz
    for e in desc["sequence"]:
        if e["type"] == "hard":
            theta, phi = np.radians(e["flip_deg"]), np.radians(e["phase_deg"])
            r = (-1j * theta * (np.cos(phi) * fx + np.sin(phi) * fy)).expm()
            rho = r * rho * r.dag()
        elif e["type"] == "delay":
            u = (-1j * h0 * e["seconds"]).expm()
            rho = u * rho * u.dag()
        elif e["type"] == "shaped":
            for ux, uy in zip(e["x_hz"], e["y_hz"]):
                u = (-1j * (h0 + 2 * np.pi * (ux * fx + uy * fy)) * e["step_s"]).expm()
                rho = u * rho * u.dag()
        elif e["type"] == "filter":
            mask = (twice_m[:, None] - twice_m[None, :]) == 2 * e["order"]
            rho = qt.Qobj(rho.full() * mask, dims=rho.dims)
        else:
            raise ValueError(e["type"])

    dwell = 1.0 / desc["sw_hz"]
    u_dwell = (-1j * h0 * dwell).expm()
    norm = 2 ** n / 4
    receiver = np.exp(-1j * np.radians(desc["receiver_phase_deg"]))
    theirs = np.empty(desc["points"], dtype=complex)
    for k in range(desc["points"]):
        theirs[k] = receiver * (rho * fplus).tr() / norm * np.exp(-np.pi * desc["lb_hz"] * k * dwell)
        rho = u_dwell * rho * u_dwell.dag()

    diff = np.max(np.abs(ours - theirs))
    scale = np.max(np.abs(theirs))
    print(json.dumps({
        "qutip": qt.__version__,
        "points": int(desc["points"]),
        "max_abs_difference": float(diff),
        "max_abs_signal": float(scale),
        "relative": float(diff / scale),
        "tolerance": args.tolerance,
    }))
    return 0 if diff <= args.tolerance else 1


if __name__ == "__main__":
    sys.exit(main())
