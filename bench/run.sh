#!/usr/bin/env bash
# Runs the benchmark harness (Release). Installs Debian's python3-scipy, python3-numpy, python3-qutip and python3-sklearn for the
# references if missing. Arguments go to the harness: 'bench/run.sh csd-cv [landmarks]' runs only the CSD-500 shift cross-validation (benchmarks and cross-check scripts only; the tests and the runtime never use Python).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! /usr/bin/python3 -c "import scipy, numpy, qutip, sklearn" 2>/dev/null; then
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-scipy python3-numpy python3-qutip python3-sklearn >/dev/null
  else
    echo "bench: python3-scipy/numpy/qutip/sklearn missing; the Python references will be skipped" >&2
  fi
fi
dotnet run --project "$root/bench/NmrDsl.Benchmarks" -c Release -- "$@"
