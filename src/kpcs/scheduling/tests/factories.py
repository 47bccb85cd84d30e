"""Small hand-made inputs: one visit window in March 2005, experts by kind."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kpcs.scheduling.model import parse_plan_input
from kpcs.scheduling.solver import PlanResult, plan

# Government experts come from Canada (americas); industry and civil society from
# observers (no region), so region penalties only appear where a test wants them.
_NOMINATOR = {"government": "CA", "industry": "WDC", "civil_society": "CSC"}


def visit(vid: str = "V1", participant: str = "ZA", earliest: str = "2005-03-01",
          latest: str = "2005-03-10", days: int = 5, **extra: Any) -> dict[str, Any]:
    return {"id": vid, "participant": participant, "earliest": earliest, "latest": latest,
            "days": days, "languages": [], "expertise": [], **extra}


def expert(eid: str, kind: str, **extra: Any) -> dict[str, Any]:
    return {"id": eid, "nominated_by": _NOMINATOR[kind], "kind": kind, "languages": ["en"],
            "expertise": [], "max_visits": 2, "unavailable": [], **extra}


def gov(eid: str, **extra: Any) -> dict[str, Any]:
    return expert(eid, "government", **extra)


def ind(eid: str, **extra: Any) -> dict[str, Any]:
    return expert(eid, "industry", **extra)


def civ(eid: str, **extra: Any) -> dict[str, Any]:
    return expert(eid, "civil_society", **extra)


def case(visits: list[dict[str, Any]], experts: list[dict[str, Any]], team_size: int = 3,
         pinned: Sequence[tuple[str, str]] = ()) -> dict[str, Any]:
    return {"visits": visits, "experts": experts, "team_size": team_size,
            "pinned": [{"visit": v, "expert": e} for v, e in pinned]}


def solve(data: dict[str, Any], time_limit_s: float = 10.0) -> PlanResult:
    return plan(parse_plan_input(data), time_limit_s=time_limit_s)


def team(result: PlanResult, vid: str = "V1") -> set[str]:
    return set(next(v.team for v in result.visits if v.id == vid))


def codes(result: PlanResult) -> set[tuple[str, str | None]]:
    return {(r["code"], r["visit"]) for r in result.reasons}
