"""Peer-review schedule optimiser: CP-SAT search, result extraction, self-validation."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ortools.sat.python import cp_model

from kpcs.scheduling.cpmodel import BuiltModel, build_model
from kpcs.scheduling.explain import Reason, find_conflict, precheck, reason
from kpcs.scheduling.model import PlanInput
from kpcs.scheduling.validator import Violation, validate_plan

_LARGE_MODEL = 5000  # (visit, expert) decision variables


@dataclass(frozen=True)
class PlannedVisit:
    id: str
    start: date
    end: date
    team: tuple[str, ...]
    leader: str


@dataclass(frozen=True)
class SolveStats:
    time_limit_s: float
    wall_time_s: float
    objective: int | None = None
    best_bound: int | None = None
    uncovered: int | None = None
    max_load: int | None = None
    region_duplicates: int | None = None


@dataclass(frozen=True)
class PlanResult:
    status: str  # "optimal" | "feasible" | "infeasible"
    visits: tuple[PlannedVisit, ...] = ()
    unmet: tuple[dict[str, Any], ...] = ()
    reasons: tuple[Reason, ...] = ()
    stats: SolveStats = field(default_factory=lambda: SolveStats(0.0, 0.0))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "status": self.status,
            "visits": [
                {"id": v.id, "start": v.start.isoformat(), "end": v.end.isoformat(),
                 "team": list(v.team), "leader": v.leader}
                for v in self.visits
            ],
            "unmet": [dict(u) for u in self.unmet],
            "reasons": [dict(r) for r in self.reasons],
        }
        if self.status == "feasible":
            s = self.stats
            out["stats"] = {"time_limit_s": s.time_limit_s, "wall_time_s": round(s.wall_time_s, 3),
                            "objective": s.objective, "best_bound": s.best_bound}
        return out


class PlanValidationError(RuntimeError):
    """The solver produced a plan that breaks a hard rule: a bug, never a user error."""

    def __init__(self, violations: list[Violation]) -> None:
        super().__init__("; ".join(f"{v.rule} {v.visit} {v.expert}: {v.message}" for v in violations))
        self.violations = violations


def _extract(
    inp: PlanInput, solver: cp_model.CpSolver, built: BuiltModel
) -> tuple[list[PlannedVisit], list[dict[str, Any]]]:
    visits: list[PlannedVisit] = []
    unmet: list[dict[str, Any]] = []
    for v in inp.visits:
        start = built.cal.date(solver.value(built.start[v.id]))
        team = [e for e in inp.experts if solver.boolean_value(built.x.get((v.id, e.id), built.never))]
        leader = next(e.id for e in team if solver.boolean_value(built.lead.get((v.id, e.id), built.never)))
        visits.append(PlannedVisit(v.id, start, start + timedelta(days=v.days - 1),
                                   tuple(e.id for e in team), leader))
        missing = [a for a in v.expertise if not any(a in e.expertise for e in team)]
        if missing:
            unmet.append({"visit": v.id, "expertise": missing})
    return visits, unmet


def plan(inp: PlanInput, *, time_limit_s: float = 10.0, workers: int = 2, seed: int = 0) -> PlanResult:
    """Best schedule for ``inp`` within the time limit, or the reasons none exists."""
    t0 = time.monotonic()

    def stats(**kw: Any) -> SolveStats:
        return SolveStats(time_limit_s, time.monotonic() - t0, **kw)

    early = precheck(inp)
    if early:
        return PlanResult("infeasible", reasons=tuple(early), stats=stats())
    built = build_model(inp)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit_s
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    if len(built.x) > _LARGE_MODEL:
        # Probing in presolve costs seconds per pass on big rosters and rarely pays off here.
        solver.parameters.cp_model_probing_level = 0
    status = solver.solve(built.model)
    if status == cp_model.INFEASIBLE:
        reasons = find_conflict(inp, time_limit_s=time_limit_s)
        return PlanResult("infeasible", reasons=tuple(reasons), stats=stats())
    if status == cp_model.UNKNOWN:
        return PlanResult("infeasible", reasons=(reason("no_plan_within_time_limit", None,
                                                        time_limit_s=time_limit_s),), stats=stats())
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise RuntimeError(f"CP-SAT returned {solver.status_name(status)}: {built.model.validate()}")
    visits, unmet = _extract(inp, solver, built)
    result = PlanResult(
        "optimal" if status == cp_model.OPTIMAL else "feasible",
        visits=tuple(visits),
        unmet=tuple(unmet),
        stats=stats(
            # Integer weights: CP-SAT's doubles only carry floating-point noise.
            objective=round(solver.objective_value),
            best_bound=round(solver.best_objective_bound),
            uncovered=int(solver.value(built.uncovered)),
            max_load=int(solver.value(built.max_load)),
            region_duplicates=int(solver.value(built.region_duplicates)),
        ),
    )
    violations = validate_plan(inp, result.to_dict())
    if violations:
        raise PlanValidationError(violations)
    return result
