#!/usr/bin/env bash
# Runs the benchmark harness (Release). Installs Debian's python3-scipy for the reference if it is
# missing (benchmarks only; the tests and the runtime never use Python).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! /usr/bin/python3 -c "import scipy" 2>/dev/null; then
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-scipy >/dev/null
  else
    echo "bench: python3-scipy missing; the SciPy reference will be skipped" >&2
  fi
fi
dotnet run --project "$root/bench/NmrDsl.Benchmarks" -c Release
