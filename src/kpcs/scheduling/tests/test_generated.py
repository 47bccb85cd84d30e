"""Generated rosters: every plan returned passes the independent validator."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from kpcs.scheduling.cpmodel import build_model
from kpcs.scheduling.explain import precheck
from kpcs.scheduling.generate import EXPERTISE, HORIZON, LANGUAGES, PARTICIPANTS, generate_case
from kpcs.scheduling.messages import MESSAGES
from kpcs.scheduling.model import Pin, parse_plan_input
from kpcs.scheduling.solver import plan
from kpcs.scheduling.validator import validate_plan

CASES = settings(max_examples=40, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow])


@settings(CASES, max_examples=120)
@given(seed=st.integers(0, 10**6), n_visits=st.integers(1, 8), n_experts=st.integers(6, 40))
def test_every_plan_passes_the_validator(seed: int, n_visits: int, n_experts: int) -> None:
    inp = parse_plan_input(generate_case(n_visits, n_experts, seed))
    result = plan(inp, time_limit_s=5)
    out = result.to_dict()
    if result.status == "infeasible":
        assert result.reasons
        assert all(r["code"] in MESSAGES for r in result.reasons)
        return
    assert validate_plan(inp, out) == []
    for v, planned in zip(inp.visits, out["visits"], strict=True):
        covered = {a for e in inp.experts if e.id in planned["team"] for a in e.expertise}
        missing = [a for a in v.expertise if a not in covered]
        assert ({"visit": v.id, "expertise": missing} in out["unmet"]) == bool(missing)


@CASES
@given(seed=st.integers(0, 10**6), keep=st.floats(0.0, 1.0))
def test_replanning_with_pins_from_a_plan_is_feasible(seed: int, keep: float) -> None:
    """The previous plan satisfies its own pins, so re-planning around any subset of them succeeds."""
    inp = parse_plan_input(generate_case(3, 16, seed))
    first = plan(inp, time_limit_s=5)
    if first.status == "infeasible":
        return
    pairs = [Pin(v.id, e) for v in first.visits for e in v.team]
    pins = tuple(pairs[: round(keep * len(pairs))])
    again = plan(type(inp)(inp.visits, inp.experts, inp.team_size, pins), time_limit_s=5)
    assert again.status in ("optimal", "feasible")
    assert validate_plan(again_input := type(inp)(inp.visits, inp.experts, inp.team_size, pins),
                         again.to_dict()) == []
    assert all(p.expert in next(v.team for v in again.visits if v.id == p.visit) for p in again_input.pinned)


def test_pre_checks_are_sound_on_generated_cases() -> None:
    """Whenever a pre-check fires, the full model is infeasible too: pre-checks never lie."""
    fired = 0
    for seed in range(60):
        inp = parse_plan_input(generate_case(4, 9, seed))
        if not precheck(inp):
            continue
        fired += 1
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = 10
        assert solver.solve(build_model(inp).model) == cp_model.INFEASIBLE, seed
    assert fired >= 5


def test_generated_cases_are_realistic() -> None:
    data = generate_case(20, 400, seed=7)
    assert data == generate_case(20, 400, seed=7)
    inp = parse_plan_input(data)
    assert inp.team_size == 4
    assert {v.participant for v in inp.visits} <= set(PARTICIPANTS)
    assert len({v.participant for v in inp.visits}) == 20
    for v in inp.visits:
        assert HORIZON[0] <= v.earliest <= v.latest <= HORIZON[1]
        assert 30 <= (v.latest - v.earliest).days + 1 <= 91
        assert 5 <= v.days <= 10
        assert set(v.languages) <= set(LANGUAGES)
        assert set(v.expertise) <= set(EXPERTISE)
    share = {k: sum(e.kind == k for e in inp.experts) / len(inp.experts)
             for k in ("government", "industry", "civil_society")}
    assert 0.4 < share["government"] < 0.6
    assert 0.17 < share["industry"] < 0.33
    assert 0.17 < share["civil_society"] < 0.33
    assert any(e.unavailable for e in inp.experts)
    assert all(date(2005, 1, 1) <= a <= b for e in inp.experts for a, b in e.unavailable)


def test_generated_cases_are_usually_feasible() -> None:
    found = sum(plan(parse_plan_input(generate_case(5, 30, seed)), time_limit_s=5).status != "infeasible"
                for seed in range(10))
    assert found >= 8
