"""Explain why no plan exists: cheap sound pre-checks first, then a CP-SAT conflict.

Every pre-check is a necessary condition of feasibility, so a reason it reports is
proof of infeasibility and the solver can skip search. When none fires, the
explaining model gates each (rule, visit) group with an assumption literal and
CP-SAT's sufficient assumptions, shrunk by deletion, name a minimal conflict.
"""

from __future__ import annotations

import time
from itertools import combinations
from typing import Any

from ortools.sat.python import cp_model

from kpcs.scheduling.cpmodel import Group, build_model
from kpcs.scheduling.eligibility import Calendar, Span, eligible, free_starts, own_participant, speaks
from kpcs.scheduling.messages import render
from kpcs.scheduling.model import KINDS, Expert, PlanInput, Visit

Reason = dict[str, Any]

_NO_KIND_CODE = {
    "government": "no_eligible_leader",
    "industry": "no_eligible_industry",
    "civil_society": "no_eligible_civil_society",
}


def reason(code: str, visit: str | None, **params: Any) -> Reason:
    if visit is not None:
        params = {"visit": visit, **params}
    return {"code": code, "visit": visit, "params": params, "message": render(code, params)}


def _intersect(a: list[Span], b: list[Span]) -> list[Span]:
    return [(max(x[0], y[0]), min(x[1], y[1])) for x in a for y in b if max(x[0], y[0]) <= min(x[1], y[1])]


def _best_slot_size(cal: Calendar, visit: Visit, experts: list[Expert]) -> int:
    """Most eligible experts free together at any single start day (a sweep over spans)."""
    events: dict[int, int] = {}
    for e in experts:
        for lo, hi in free_starts(cal, visit, e):
            events[lo] = events.get(lo, 0) + 1
            events[hi + 1] = events.get(hi + 1, 0) - 1
    best = running = 0
    for day in sorted(events):
        running += events[day]
        best = max(best, running)
    return best


def _check_pins(inp: PlanInput, cal: Calendar, v: Visit) -> list[Reason]:
    pinned = [inp.expert(p.expert) for p in inp.pinned if p.visit == v.id]
    reasons: list[Reason] = []
    for e in pinned:
        if own_participant(v, e):
            reasons.append(reason("pinned_own_participant", v.id, expert=e.id, participant=v.participant))
        elif not free_starts(cal, v, e):
            reasons.append(reason("pinned_unavailable", v.id, expert=e.id))
    if len(pinned) > inp.team_size:
        reasons.append(reason("pinned_team_too_large", v.id, pinned=len(pinned), team_size=inp.team_size))
    if len(pinned) == inp.team_size:
        for kind in KINDS:
            if all(e.kind != kind for e in pinned):
                reasons.append(reason("pinned_team_kinds", v.id, kind=kind))
        if v.languages and not any(speaks(e, v) for e in pinned):
            reasons.append(reason("pinned_team_language", v.id, languages=list(v.languages)))
    if not reasons and len(pinned) > 1:
        common = [cal.start_span(v)]
        for e in pinned:
            common = _intersect(common, free_starts(cal, v, e))
        if not common:
            reasons.append(
                reason("pinned_team_availability", v.id, experts=[e.id for e in pinned], days=v.days)
            )
    return reasons


def _check_visit(inp: PlanInput, cal: Calendar, v: Visit) -> list[Reason]:
    window = {"visit": v.id, "earliest": str(v.earliest), "latest": str(v.latest), "days": v.days,
              "team_size": inp.team_size}
    if (v.latest - v.earliest).days + 1 < v.days:
        return [reason("window_too_short", **window)]
    reasons = _check_pins(inp, cal, v)
    pool = [e for e in inp.experts if eligible(cal, v, e)]
    if len(pool) < inp.team_size:
        reasons.append(reason("not_enough_experts", v.id, team_size=inp.team_size, available=len(pool)))
    elif _best_slot_size(cal, v, pool) < inp.team_size:
        reasons.append(reason("window_too_short", **window))
    for kind in KINDS:
        if all(e.kind != kind for e in pool):
            reasons.append(reason(_NO_KIND_CODE[kind], v.id))
    if v.languages and not any(speaks(e, v) for e in pool):
        reasons.append(reason("no_eligible_language", v.id, languages=list(v.languages)))
    return reasons


def _check_roster_pins(inp: PlanInput, cal: Calendar) -> list[Reason]:
    reasons: list[Reason] = []
    for e in inp.experts:
        mine = [inp.visit(p.visit) for p in inp.pinned if p.expert == e.id]
        if len(mine) > e.max_visits:
            reasons.append(reason("pinned_over_max_visits", None, expert=e.id, pinned=len(mine),
                                  max_visits=e.max_visits))
        for a, b in combinations(mine, 2):
            (a_lo, a_hi), (b_lo, b_hi) = cal.start_span(a), cal.start_span(b)
            # Disjoint only if one can end before the other starts: earliest start + days <= latest start.
            if a_lo + a.days > b_hi and b_lo + b.days > a_hi:
                reasons.append(reason("pinned_overlap", a.id, expert=e.id, other_visit=b.id))
    return reasons


def _check_capacity(inp: PlanInput, cal: Calendar) -> list[Reason]:
    reasons: list[Reason] = []
    # An expert can fill at most min(cap, eligible visits) seats.
    seats = {e.id: min(e.max_visits, sum(eligible(cal, v, e) for v in inp.visits)) for e in inp.experts}
    capacity, needed = sum(seats.values()), inp.team_size * len(inp.visits)
    if capacity < needed:
        reasons.append(reason("not_enough_capacity", None, capacity=capacity, needed=needed))
    for kind in KINDS:
        kind_capacity = sum(seats[e.id] for e in inp.experts if e.kind == kind)
        if kind_capacity < len(inp.visits):
            reasons.append(reason("not_enough_kind_capacity", None, kind=kind, capacity=kind_capacity,
                                  needed=len(inp.visits)))
    return reasons


def precheck(inp: PlanInput) -> list[Reason]:
    """Reasons from cheap, sound necessary conditions; empty when none fires."""
    cal = Calendar(inp)
    reasons = [r for v in inp.visits for r in _check_visit(inp, cal, v)] + _check_roster_pins(inp, cal)
    # Roster-wide capacity is only worth reporting when no sharper, per-visit reason explains it.
    return reasons or _check_capacity(inp, cal)


def _group_reason(inp: PlanInput, group: Group) -> Reason:
    rule, vid = group
    if vid is None:
        return reason(f"conflict_{rule}", None)
    if rule == "language":
        return reason("conflict_language", vid, languages=list(inp.visit(vid).languages))
    if rule == "pinned":
        return reason("conflict_pinned", vid, experts=[p.expert for p in inp.pinned if p.visit == vid])
    return reason(f"conflict_{rule}", vid, team_size=inp.team_size)


def _infeasible_under(
    model: cp_model.CpModel, lits: list[cp_model.IntVar], deadline: float
) -> tuple[bool | None, list[int]]:
    """(infeasible?, sufficient assumption indexes); None when the time ran out."""
    model.clear_assumptions()
    model.add_assumptions(lits)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.1, deadline - time.monotonic())
    # Cores are only reported reliably by a single-worker search.
    solver.parameters.num_workers = 1
    status = solver.solve(model)
    if status == cp_model.INFEASIBLE:
        return True, list(solver.sufficient_assumptions_for_infeasibility())
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return False, []
    return None, []


def find_conflict(inp: PlanInput, *, time_limit_s: float = 10.0) -> list[Reason]:
    """A minimal set of (rule, visit) groups that cannot all hold, as reasons."""
    deadline = time.monotonic() + time_limit_s
    built = build_model(inp, explain=True)
    groups = list(built.assumptions)
    lit_index = {built.assumptions[g].index: g for g in groups}
    infeasible, core_idx = _infeasible_under(built.model, [built.assumptions[g] for g in groups], deadline)
    if not infeasible:
        return [reason("infeasible_unexplained", None)]
    core = [lit_index[i] for i in core_idx if i in lit_index] or groups
    # Deletion filter: drop each group whose removal keeps the rest infeasible.
    for g in list(core):
        if time.monotonic() >= deadline:
            break
        if g not in core:
            continue
        rest = [h for h in core if h != g]
        infeasible, sub_idx = _infeasible_under(built.model, [built.assumptions[h] for h in rest], deadline)
        if infeasible:
            sub = {lit_index[i] for i in sub_idx if i in lit_index}
            core = [h for h in rest if h in sub] if sub else rest
    return [_group_reason(inp, g) for g in sorted(core, key=lambda g: (g[1] or "", g[0]))]


def explain_infeasibility(inp: PlanInput, *, time_limit_s: float = 10.0) -> list[Reason]:
    return precheck(inp) or find_conflict(inp, time_limit_s=time_limit_s)
