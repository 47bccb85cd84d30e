#!/usr/bin/env bash
# Run every benchmark in bench/ and print its figures; docs/performance.md keeps the latest numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
echo "== machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(free -h | awk '/Mem:/{print $2}') RAM"
for bench in bench/bench_*.py; do
  echo
  echo "== $bench"
  $BIN/python "$bench"
done
