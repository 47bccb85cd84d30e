"""``kpcs reviews plan INPUT.json [--format json] [--time-limit S] [--pin-from PREVIOUS.json]``.

Exit status: 0 when a plan is found, 1 when none exists (the JSON lists the
reasons), 2 on bad input (the JSON lists the problems).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from kpcs.scheduling.messages import render
from kpcs.scheduling.model import PlanInputError, parse_plan_input

EXIT_PLANNED = 0
EXIT_INFEASIBLE = 1
EXIT_BAD_INPUT = 2


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, not {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kpcs reviews plan",
        description="Plan peer review visits and print the plan as JSON; exit status 0 when a plan is "
        "found, 1 when none exists (the reasons are printed), 2 on bad input.",
    )
    parser.add_argument("input", type=Path, metavar="INPUT.json", help="input JSON file")
    parser.add_argument("--format", choices=["json"], default="json", help="output format (json)")
    parser.add_argument("--time-limit", type=_positive, default=10.0, metavar="S",
                        help="solver time limit in seconds (default 10)")
    parser.add_argument("--pin-from", type=Path, metavar="PREVIOUS.json",
                        help="pin the teams of a previous, possibly hand-edited, plan output")
    return parser


def _problem(code: str, **params: Any) -> dict[str, Any]:
    return {"code": code, "params": params, "message": render(code, params)}


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanInputError([_problem("unreadable_file", path=str(path), error=str(exc))]) from exc
    except json.JSONDecodeError as exc:
        raise PlanInputError([_problem("invalid_json", path=str(path), error=str(exc))]) from exc


def pins_from_previous(data: Any, previous: Any) -> dict[str, Any]:
    """Input data with every (visit, member) pair of a previous plan added to ``pinned``.

    Pairs naming a visit or expert that is no longer in the input are dropped: the
    rest of the plan (dates, leaders, freed seats) is re-planned around the pins.
    """
    if not isinstance(data, dict) or not isinstance(previous, dict):
        return data
    visits = {v.get("id") for v in data.get("visits", []) if isinstance(v, dict)}
    experts = {e.get("id") for e in data.get("experts", []) if isinstance(e, dict)}
    pinned = list(data.get("pinned", [])) if isinstance(data.get("pinned", []), list) else []
    seen = {(p.get("visit"), p.get("expert")) for p in pinned if isinstance(p, dict)}
    for row in previous.get("visits", []):
        if not isinstance(row, dict) or row.get("id") not in visits:
            continue
        for eid in row.get("team", []):
            if eid in experts and (row["id"], eid) not in seen:
                seen.add((row["id"], eid))
                pinned.append({"visit": row["id"], "expert": eid})
    return {**data, "pinned": pinned}


def _emit(payload: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    """Entry point; ``argv`` may start with "reviews plan", "plan" or directly with INPUT.json."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    for prefix in (["reviews", "plan"], ["plan"]):
        if args_list[: len(prefix)] == prefix and len(args_list) > len(prefix):
            args_list = args_list[len(prefix):]
            break
    args = build_parser().parse_args(args_list)  # exits with status 2 on a usage error
    try:
        data = _load(args.input)
        if args.pin_from is not None:
            data = pins_from_previous(data, _load(args.pin_from))
        inp = parse_plan_input(data)
    except PlanInputError as exc:
        _emit({"error": {"code": "invalid_input", "problems": exc.problems}})
        return EXIT_BAD_INPUT
    # Imported late so that bad input is reported without loading OR-Tools.
    from kpcs.scheduling.solver import plan

    result = plan(inp, time_limit_s=args.time_limit)
    _emit(result.to_dict())
    return EXIT_INFEASIBLE if result.status == "infeasible" else EXIT_PLANNED


if __name__ == "__main__":
    sys.exit(main())
