"""Independent checker of a proposed plan against every hard rule.

Deliberately written from the rules on plain dates, sharing no code with the
CP-SAT model (and importing no ortools), so a modelling bug cannot hide itself.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from kpcs.scheduling.model import KINDS, Expert, PlanInput, Visit


@dataclass(frozen=True)
class Violation:
    rule: str
    visit: str | None
    expert: str | None
    message: str


@dataclass(frozen=True)
class _Planned:
    visit: Visit
    start: date
    end: date
    team: list[str]
    leader: Any


def _as_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _read(inp: PlanInput, output: dict[str, Any], out: list[Violation]) -> list[_Planned]:
    visits = {v.id: v for v in inp.visits}
    experts = {e.id for e in inp.experts}
    seen: Counter[str] = Counter()
    planned: list[_Planned] = []
    for row in output.get("visits", []):
        vid = row.get("id") if isinstance(row, dict) else None
        if vid not in visits:
            out.append(Violation("format", None, None, f"planned visit {vid!r} is not in the input"))
            continue
        seen[vid] += 1
        start, end = _as_date(row.get("start")), _as_date(row.get("end"))
        team = row.get("team")
        if start is None or end is None or not isinstance(team, list):
            out.append(Violation("format", vid, None, "start, end or team is missing or malformed"))
            continue
        for eid in team:
            if eid not in experts:
                out.append(Violation("format", vid, None, f"team member {eid!r} is not in the input"))
        members = [e for e in team if e in experts]
        planned.append(_Planned(visits[vid], start, end, members, row.get("leader")))
    for vid in visits:
        if seen[vid] != 1:
            out.append(Violation("visit_planned", vid, None, f"visit is planned {seen[vid]} times, not once"))
    return planned


def _free(expert: Expert, start: date, end: date) -> bool:
    return all(b < start or a > end for a, b in expert.unavailable)


def _check_visit(inp: PlanInput, p: _Planned, out: list[Violation]) -> None:
    v, experts = p.visit, {e.id: e for e in inp.experts}
    if p.end - p.start != timedelta(days=v.days - 1):
        out.append(Violation("duration", v.id, None, f"{p.start}..{p.end} is not {v.days} days"))
    if p.start < v.earliest or p.end > v.latest:
        out.append(Violation("window", v.id, None, f"{p.start}..{p.end} is outside {v.earliest}..{v.latest}"))
    if len(p.team) != inp.team_size or len(set(p.team)) != len(p.team):
        out.append(Violation("team_size", v.id, None, f"{p.team} is not {inp.team_size} distinct experts"))
    members = [experts[eid] for eid in dict.fromkeys(p.team)]
    for e in members:
        if e.nominated_by == v.participant:
            out.append(Violation("own_participant", v.id, e.id, f"nominated by the visited {v.participant}"))
        if not _free(e, p.start, p.end):
            out.append(Violation("unavailable", v.id, e.id, f"unavailable during {p.start}..{p.end}"))
    kinds = {e.kind for e in members}
    for kind in KINDS:
        if kind not in kinds:
            out.append(Violation("kinds", v.id, None, f"team has no {kind} expert"))
    leader = experts.get(p.leader) if isinstance(p.leader, str) else None
    if leader is None or leader.id not in p.team or leader.kind != "government":
        out.append(Violation("leader", v.id, None, f"leader {p.leader!r} is not a government team member"))
    if v.languages and not any(set(e.languages) & set(v.languages) for e in members):
        out.append(Violation("language", v.id, None, f"nobody speaks any of {list(v.languages)}"))
    for pin in inp.pinned:
        if pin.visit == v.id and pin.expert not in p.team:
            out.append(Violation("pinned", v.id, pin.expert, "pinned expert is not on the team"))


def _check_roster(inp: PlanInput, planned: list[_Planned], out: list[Violation]) -> None:
    for e in inp.experts:
        mine = sorted((p for p in planned if e.id in p.team), key=lambda p: p.start)
        if len(mine) > e.max_visits:
            out.append(Violation("max_visits", None, e.id, f"on {len(mine)} visits, cap {e.max_visits}"))
        for i, a in enumerate(mine):
            for b in mine[i + 1:]:
                if a.start <= b.end and b.start <= a.end:
                    out.append(Violation("overlap", a.visit.id, e.id, f"also on overlapping {b.visit.id}"))


def validate_plan(inp: PlanInput, output: dict[str, Any]) -> list[Violation]:
    """Every hard-rule violation in ``output`` (a plan in the output JSON format)."""
    out: list[Violation] = []
    planned = _read(inp, output, out)
    for p in planned:
        _check_visit(inp, p, out)
    _check_roster(inp, planned, out)
    return out
