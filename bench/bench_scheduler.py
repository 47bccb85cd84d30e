"""Peer-review schedule optimiser on generated rosters: 20 visits, 60 / 200 / 1,000 experts.

Run: .venv/bin/python bench/bench_scheduler.py [--time-limit S] [--workers N]
(no Django, no database; at most 4 x the time limit, usually well under a minute).
A fourth, tight roster (45 experts, 9 of them industry) is the case that sat at a 25% gap for the
whole time limit until the model got its capacity-based bound on the maximum load.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from ortools import __version__ as ortools_version

from kpcs.scheduling.cpmodel import build_model
from kpcs.scheduling.generate import generate_case
from kpcs.scheduling.model import parse_plan_input
from kpcs.scheduling.solver import plan
from kpcs.scheduling.validator import validate_plan

VISITS = 20
# (label, roster size, seed): fixed seeds, not picked for easy cases.
CASES = [("roster 60", 60, 1), ("roster 200", 200, 2), ("roster 1000", 1000, 3), ("tight 45", 45, 2)]


def gap(objective: int | None, bound: int | None) -> str:
    if objective is None or bound is None:
        return "-"
    return f"{(objective - bound) / max(abs(objective), 1):.1%}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=60.0, help="CP-SAT time limit per case (s)")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    print(f"python {platform.python_version()}, OR-Tools {ortools_version}, {os.cpu_count()} CPUs, "
          f"{args.workers} CP-SAT workers, time limit {args.time_limit:g} s per case, {VISITS} visits, "
          "team size 4")
    header = (f"{'case':<12} {'x vars':>7} {'status':<10} {'wall s':>7} {'objective':>9} {'bound':>6} "
              f"{'gap':>6}  {'uncov':>5} {'maxld':>5} {'dupl':>4}  validator")
    print(header)
    print("-" * len(header))
    total = time.perf_counter()
    for label, n_experts, seed in CASES:
        inp = parse_plan_input(generate_case(VISITS, n_experts, seed))
        size = len(build_model(inp).x)
        start = time.perf_counter()
        result = plan(inp, time_limit_s=args.time_limit, workers=args.workers)
        wall = time.perf_counter() - start
        s = result.stats
        if result.status == "infeasible":
            check = "n/a: " + ", ".join(sorted({r["code"] for r in result.reasons}))
        else:
            violations = validate_plan(inp, result.to_dict())
            check = "ok (0 violations)" if not violations else f"FAILED ({len(violations)} violations)"
        print(f"{label:<12} {size:>7} {result.status:<10} {wall:>7.2f} {s.objective!s:>9} {s.best_bound!s:>6} "
              f"{gap(s.objective, s.best_bound):>6}  {s.uncovered!s:>5} {s.max_load!s:>5} "
              f"{s.region_duplicates!s:>4}  {check}", flush=True)
    print(f"total {time.perf_counter() - total:.1f} s; objective = 100 x uncovered expertise areas "
          "+ 10 x max load + 5 x same-region extra members")
    return 0


if __name__ == "__main__":
    sys.exit(main())
