#!/usr/bin/env python3
"""scikit-learn KernelRidge reference for the NmrDsl regression benchmark (bench/NmrDsl.Benchmarks/Regression).

Reads the same float64 features the C# side trained on (raw little-endian, row-major), standardises them with
StandardScaler, fits KernelRidge on centred targets (NmrDsl's KRR centres y; sklearn's does not) and times
scaler + fit, median of `repeats`. Prints JSON: seconds, predictions on the test rows, versions, and the BLAS library the process
mapped (Debian's default is the reference netlib BLAS unless libopenblas is installed).

usage: krr_sklearn.py TRAIN.bin TARGETS.bin TEST.bin n d n_test kernel gamma alpha repeats
"""
import json
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.kernel_ridge import KernelRidge
from sklearn.preprocessing import StandardScaler


def loaded_blas():
    """The BLAS/LAPACK shared library this process actually mapped (Linux), else the libblas.so.3 alternative."""
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                name = os.path.basename(line.split()[-1])
                if name.startswith(("libblas", "libopenblas", "libmkl", "libflexiblas", "libblis")):
                    return line.split()[-1]
    except OSError:
        pass
    return os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")


def main():
    train, targets, test = sys.argv[1], sys.argv[2], sys.argv[3]
    n, d, n_test = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
    kernel, gamma, alpha, repeats = sys.argv[7], float(sys.argv[8]), float(sys.argv[9]), int(sys.argv[10])
    x = np.fromfile(train, dtype="<f8").reshape(n, d)
    y = np.fromfile(targets, dtype="<f8")
    xt = np.fromfile(test, dtype="<f8").reshape(n_test, d)
    kernel_name = {"Gaussian": "rbf", "Laplacian": "laplacian"}[kernel]
    times = []
    model = scaler = None
    for _ in range(repeats):
        start = time.perf_counter()
        scaler = StandardScaler().fit(x)
        model = KernelRidge(alpha=alpha, kernel=kernel_name, gamma=gamma).fit(scaler.transform(x), y - y.mean())
        times.append(time.perf_counter() - start)
    predictions = model.predict(scaler.transform(xt)) + y.mean()
    print(json.dumps({"seconds": float(np.median(times)), "predictions": predictions.tolist(),
                      "sklearn": sklearn.__version__, "numpy": np.__version__,
                      "blas": loaded_blas()}))


if __name__ == "__main__":
    main()
