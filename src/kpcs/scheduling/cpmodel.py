"""CP-SAT model of the peer-review schedule.

Used in two modes: the optimising model (all rules hard, weighted objective) and the
explaining model, where each rule group (rule, visit) is enforced only under an
assumption literal so CP-SAT can name an infeasible subset of groups.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from kpcs.scheduling.eligibility import Calendar, eligible, free_starts, speaks
from kpcs.scheduling.model import KINDS, PlanInput

# Objective weights (minimised penalty). Coverage dominates: one missing expertise
# area costs more than raising the busiest expert's load by one visit, which costs
# more than one extra team member from an already represented region.
WEIGHT_UNCOVERED = 100
WEIGHT_MAX_LOAD = 10
WEIGHT_REGION_DUPLICATE = 5

GROUP_RULES: tuple[str, ...] = (
    "team_size", "kinds", "language", "availability", "pinned", "max_visits", "no_overlap",
)

Group = tuple[str, str | None]  # (rule, visit id or None for roster-wide rules)


@dataclass
class BuiltModel:
    model: cp_model.CpModel
    cal: Calendar
    start: dict[str, cp_model.IntVar]
    x: dict[tuple[str, str], cp_model.IntVar]
    lead: dict[tuple[str, str], cp_model.IntVar]
    never: cp_model.IntVar  # constant false, stands in for pairs without a variable
    assumptions: dict[Group, cp_model.IntVar] = field(default_factory=dict)
    uncovered: cp_model.LinearExprT = 0
    max_load: cp_model.LinearExprT = 0
    region_duplicates: cp_model.LinearExprT = 0


def _total(terms: Iterable[cp_model.LinearExprT]) -> cp_model.LinearExpr:
    # LinearExpr.sum keeps an empty sum a CP-SAT expression (Python's sum() gives int 0).
    return cp_model.LinearExpr.sum(list(terms))


class _Builder:
    def __init__(self, inp: PlanInput, explain: bool) -> None:
        self.inp = inp
        self.explain = explain
        self.model = cp_model.CpModel()
        self.cal = Calendar(inp)
        self.assumptions: dict[Group, cp_model.IntVar] = {}
        self.never = self.model.new_constant(0)

    def gate(self, rule: str, visit: str | None) -> list[cp_model.IntVar]:
        """Enforcement literals for a rule group: none when optimising."""
        if not self.explain:
            return []
        key = (rule, visit)
        if key not in self.assumptions:
            self.assumptions[key] = self.model.new_bool_var(f"assume_{rule}_{visit}")
        return [self.assumptions[key]]

    def build(self) -> BuiltModel:
        inp, model, cal = self.inp, self.model, self.cal
        start = {v.id: model.new_int_var(*cal.start_span(v), f"start_{v.id}") for v in inp.visits}
        x: dict[tuple[str, str], cp_model.IntVar] = {}
        lead: dict[tuple[str, str], cp_model.IntVar] = {}
        for v in inp.visits:
            for e in inp.experts:
                if eligible(cal, v, e):
                    x[v.id, e.id] = model.new_bool_var(f"x_{v.id}_{e.id}")
                    if e.kind == "government":
                        lead[v.id, e.id] = model.new_bool_var(f"lead_{v.id}_{e.id}")
                        model.add_implication(lead[v.id, e.id], x[v.id, e.id])
        for v in inp.visits:
            team = {e.id: x[v.id, e.id] for e in inp.experts if (v.id, e.id) in x}
            model.add(_total(team.values()) == inp.team_size).only_enforce_if(self.gate("team_size", v.id))
            for kind in KINDS:
                members = [x[v.id, e.id] for e in inp.experts if e.kind == kind and e.id in team]
                model.add(_total(members) >= 1).only_enforce_if(self.gate("kinds", v.id))
            leaders = [lead[v.id, e.id] for e in inp.experts if (v.id, e.id) in lead]
            # The leader rule shares the "kinds" gate: a government leader exists iff a government
            # member does, so a separate group would only duplicate conflicts.
            model.add(_total(leaders) == 1).only_enforce_if(self.gate("kinds", v.id))
            if v.languages:
                speakers = [x[v.id, e.id] for e in inp.experts if e.id in team and speaks(e, v)]
                model.add(_total(speakers) >= 1).only_enforce_if(self.gate("language", v.id))
            full = [cal.start_span(v)]
            for e in inp.experts:
                if e.id in team and (spans := free_starts(cal, v, e)) != full:
                    model.add_linear_expression_in_domain(
                        start[v.id], cp_model.Domain.from_intervals([list(s) for s in spans])
                    ).only_enforce_if([team[e.id], *self.gate("availability", v.id)])
            for pin in inp.pinned:
                if pin.visit == v.id:
                    # An ineligible pin can never hold; the explainer's pre-checks say why.
                    lit = team.get(pin.expert, self.never)
                    model.add_bool_or([lit]).only_enforce_if(self.gate("pinned", v.id))
        self._roster_rules(start, x)
        built = BuiltModel(model, cal, start, x, lead, self.never, self.assumptions)
        if not self.explain:
            self._objective(built)
        return built

    def _roster_rules(
        self, start: dict[str, cp_model.IntVar], x: dict[tuple[str, str], cp_model.IntVar]
    ) -> None:
        inp, model = self.inp, self.model
        for e in inp.experts:
            visits = [v for v in inp.visits if (v.id, e.id) in x]
            if len(visits) > e.max_visits:
                model.add(_total(x[v.id, e.id] for v in visits) <= e.max_visits).only_enforce_if(
                    self.gate("max_visits", None)
                )
            if len(visits) < 2:
                continue
            intervals = []
            for v in visits:
                present = x[v.id, e.id]
                if self.explain:
                    # NoOverlap takes no enforcement literal, so gate the presence instead.
                    present = model.new_bool_var(f"present_{v.id}_{e.id}")
                    model.add(present == x[v.id, e.id]).only_enforce_if(self.gate("no_overlap", None))
                intervals.append(
                    model.new_optional_fixed_size_interval_var(
                        start[v.id], v.days, present, f"busy_{v.id}_{e.id}"
                    )
                )
            model.add_no_overlap(intervals)

    def _objective(self, built: BuiltModel) -> None:
        inp, model, x = self.inp, self.model, built.x
        covered = []
        for v in inp.visits:
            for area in v.expertise:
                holders = [x[v.id, e.id] for e in inp.experts if (v.id, e.id) in x and area in e.expertise]
                cov = model.new_bool_var(f"cov_{v.id}_{area}")
                model.add(cov <= _total(holders))
                covered.append(cov)
        requested = sum(len(v.expertise) for v in inp.visits)
        built.uncovered = requested - _total(covered)
        top = max((e.max_visits for e in inp.experts), default=0)
        max_load = model.new_int_var(min(load_floor(inp, x), top), top, "max_load")
        for e in inp.experts:
            load = [x[v.id, e.id] for v in inp.visits if (v.id, e.id) in x]
            if load:
                model.add(_total(load) <= max_load)
        built.max_load = max_load
        duplicates = []
        for v in inp.visits:
            by_region: dict[str, list[cp_model.IntVar]] = {}
            for e in inp.experts:
                if (v.id, e.id) in x and e.region is not None:
                    by_region.setdefault(e.region, []).append(x[v.id, e.id])
            for region, members in by_region.items():
                if len(members) >= 2:
                    extra = model.new_int_var(0, inp.team_size, f"dup_{v.id}_{region}")
                    model.add(extra >= _total(members) - 1)
                    duplicates.append(extra)
        built.region_duplicates = _total(duplicates)
        model.minimize(
            WEIGHT_UNCOVERED * built.uncovered
            + WEIGHT_MAX_LOAD * max_load
            + WEIGHT_REGION_DUPLICATE * built.region_duplicates
        )


def load_floor(inp: PlanInput, x: dict[tuple[str, str], cp_model.IntVar]) -> int:
    """Smallest max load L at which the roster has enough seats: with load <= L an expert fills at
    most min(max_visits, L, eligible visits) seats, and every kind must fill one seat per visit.

    CP-SAT does not derive this bound itself (it needs the min), and without it tight rosters sit
    at a proven-nothing gap until the time limit.
    """
    eligible_visits = {e.id: sum((v.id, e.id) in x for v in inp.visits) for e in inp.experts}
    top = max((e.max_visits for e in inp.experts), default=0)
    for load in range(top + 1):
        seats = {e.id: min(e.max_visits, load, eligible_visits[e.id]) for e in inp.experts}
        if sum(seats.values()) >= inp.team_size * len(inp.visits) and all(
            sum(seats[e.id] for e in inp.experts if e.kind == kind) >= len(inp.visits) for kind in KINDS
        ):
            return load
    return top


def build_model(inp: PlanInput, *, explain: bool = False) -> BuiltModel:
    return _Builder(inp, explain).build()
