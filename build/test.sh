#!/usr/bin/env bash
# Runs every test in NmrDsl.sln (Release) and prints one closing line:
#   N passed, N failed, N skipped
# summed over the TRX result files of all test projects.
# Exit status: non-zero if `dotnet test` failed, any test failed, or no test ran.
# Extra arguments go to `dotnet test` (e.g. bash build/test.sh --filter "FullyQualifiedName~Tensors").
# Results: artifacts/test-results/*.trx (cleaned first); override with NMRDSL_TEST_RESULTS=DIR.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
results="${NMRDSL_TEST_RESULTS:-$root/artifacts/test-results}"

# One libtorch thread per test process: the test assemblies run in parallel, and libtorch's OpenMP threads
# spin-wait when the cores are oversubscribed (a small PINN training step measured 10x slower with 2 threads
# per process than with 1 on this 2-core machine). Results are identical either way.
export NMRDSL_TORCH_THREADS="${NMRDSL_TORCH_THREADS:-1}"

rm -rf "$results"
mkdir -p "$results"

rc=0
# No LogFileName: the TRX logger then gives each test assembly its own file (a fixed name would be
# overwritten by the next project of the solution).
dotnet test "$root/NmrDsl.sln" -c Release \
  --logger trx --results-directory "$results" "$@" || rc=$?

# Sum the <Counters .../> element of every TRX file.
shopt -s nullglob
trx_files=("$results"/*.trx "$results"/*/*.trx)
shopt -u nullglob

attr() { # attr NAME ELEMENT -> value of NAME="..." in ELEMENT, 0 if absent
  local v
  v="$(printf '%s' "$2" | sed -n "s/.*[[:space:]]$1=\"\([0-9]*\)\".*/\1/p")"
  printf '%s' "${v:-0}"
}

passed=0 failed=0 skipped=0
for f in "${trx_files[@]}"; do
  counters="$(tr '\n\r' '  ' < "$f" | grep -o '<Counters [^>]*>' | head -n 1 || true)"
  if [[ -z "$counters" ]]; then
    echo "test.sh: no <Counters> in $f" >&2
    if [[ $rc -eq 0 ]]; then rc=1; fi
    continue
  fi
  p="$(attr passed "$counters")"
  # error, timeout and aborted outcomes count as failures
  x=$(( $(attr failed "$counters") + $(attr error "$counters") + $(attr timeout "$counters") + $(attr aborted "$counters") ))
  # VSTest counts xunit's skipped tests in total but not in executed (notExecuted stays 0).
  s=$(( $(attr total "$counters") - $(attr executed "$counters") ))
  n=$(attr notExecuted "$counters")
  if [[ $n -gt $s ]]; then s=$n; fi
  name="$(tr '\n\r' '  ' < "$f" | grep -o 'storage="[^"]*"' | head -n 1 | sed -E 's#^storage="##; s#"$##; s#.*[/\\]##' || true)"
  echo "test.sh: ${name:-$(basename "$f")}: ${p} passed, ${x} failed, ${s} skipped"
  passed=$((passed + p)); failed=$((failed + x)); skipped=$((skipped + s))
done

if [[ ${#trx_files[@]} -eq 0 ]]; then
  echo "test.sh: no TRX result file in $results" >&2
fi
if [[ $rc -ne 0 ]]; then
  echo "test.sh: dotnet test exited with $rc" >&2
fi
if [[ $((passed + failed)) -eq 0 ]]; then
  echo "test.sh: no test ran" >&2
  if [[ $rc -eq 0 ]]; then rc=1; fi
fi
if [[ $failed -gt 0 && $rc -eq 0 ]]; then
  rc=1
fi

echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$rc"
