"""Every infeasibility reason code, on a case whose reasons name the right rule and visit."""

from __future__ import annotations

from datetime import date
from typing import Any

from kpcs.scheduling.explain import explain_infeasibility, find_conflict, precheck
from kpcs.scheduling.generate import generate_case
from kpcs.scheduling.model import Expert, PlanInput, Visit, parse_plan_input
from kpcs.scheduling.tests.factories import case, civ, codes, gov, ind, solve, visit

# In the default window (1-10 March, 5 days) these experts are free at a single start day each.
ONLY_1_MARCH = [["2005-03-06", "2005-03-10"]]
ONLY_6_MARCH = [["2005-03-01", "2005-03-05"]]
WHOLE_MARCH = [["2005-03-01", "2005-03-31"]]


def _fixed(vid: str, participant: str) -> dict[str, Any]:
    """A visit whose window equals its length, so its dates are fixed (1-5 March)."""
    return visit(vid, participant=participant, earliest="2005-03-01", latest="2005-03-05")


def _june(vid: str = "V2", participant: str = "BW", **extra: Any) -> dict[str, Any]:
    return visit(vid, participant=participant, earliest="2005-06-01", latest="2005-06-10", **extra)


def _infeasible(data: dict[str, Any]) -> set[tuple[str, str | None]]:
    result = solve(data)
    assert result.status == "infeasible"
    assert result.visits == ()
    for r in result.reasons:
        assert set(r) == {"code", "visit", "params", "message"}
        if r["visit"] is not None:
            assert r["visit"] in r["message"]
    return codes(result)


# --- cheap pre-checks ---


def test_window_too_short_when_no_slot_has_a_full_team_free() -> None:
    experts = [gov("G1"), ind("I1", unavailable=ONLY_1_MARCH), civ("C1", unavailable=ONLY_6_MARCH)]
    assert _infeasible(case([visit()], experts)) == {("window_too_short", "V1")}


def test_window_too_short_when_the_window_is_shorter_than_the_visit() -> None:
    # parse_plan_input rejects this; the explainer still guards hand-built inputs.
    v = Visit("V1", "ZA", date(2005, 3, 1), date(2005, 3, 3), days=5)
    experts = tuple(Expert(k[0].upper(), "CA", k) for k in ("government", "industry", "civil_society"))
    reasons = precheck(PlanInput((v,), experts, team_size=3))
    assert [(r["code"], r["visit"]) for r in reasons] == [("window_too_short", "V1")]


def test_not_enough_experts() -> None:
    found = _infeasible(case([visit()], [gov("G1"), ind("I1"), civ("C1")], team_size=4))
    assert found == {("not_enough_experts", "V1")}


def test_no_government_expert_to_lead() -> None:
    experts = [gov("G1", nominated_by="ZA"), ind("I1"), ind("I2"), civ("C1")]
    assert _infeasible(case([visit(participant="ZA")], experts)) == {("no_eligible_leader", "V1")}


def test_no_industry_expert() -> None:
    experts = [gov("G1"), gov("G2"), ind("I1", max_visits=0), civ("C1")]
    assert _infeasible(case([visit()], experts)) == {("no_eligible_industry", "V1")}


def test_no_civil_society_expert_free() -> None:
    experts = [gov("G1"), ind("I1"), ind("I2"), civ("C1", unavailable=WHOLE_MARCH)]
    assert _infeasible(case([visit()], experts)) == {("no_eligible_civil_society", "V1")}


def test_no_eligible_expert_speaks_the_language() -> None:
    experts = [gov("G1"), ind("I1"), civ("C1"), civ("C2", nominated_by="ZA", languages=["ar"])]
    found = _infeasible(case([visit(participant="ZA", languages=["ar"])], experts))
    assert found == {("no_eligible_language", "V1")}


def test_not_enough_capacity_over_all_visits() -> None:
    experts = [gov("G1", max_visits=1), gov("G2", max_visits=1), ind("I1"), civ("C1")]
    found = _infeasible(case([visit("V1"), _june()], experts, team_size=4))
    assert ("not_enough_capacity", None) in found


def test_not_enough_capacity_of_one_kind() -> None:
    experts = [gov("G1"), gov("G2"), ind("I1"), ind("I2"), civ("C1", max_visits=1)]
    found = _infeasible(case([visit("V1"), _june()], experts, team_size=3))
    assert found == {("not_enough_kind_capacity", None)}


def test_pinned_expert_nominated_by_the_visited_participant() -> None:
    experts = [gov("G1", nominated_by="ZA"), gov("G2"), ind("I1"), civ("C1")]
    data = case([visit(participant="ZA")], experts, pinned=[("V1", "G1")])
    result = solve(data)
    assert codes(result) == {("pinned_own_participant", "V1")}
    assert result.reasons[0]["params"] == {"visit": "V1", "expert": "G1", "participant": "ZA"}


def test_pinned_expert_unavailable_throughout_the_window() -> None:
    experts = [gov("G1"), ind("I1"), civ("C1", unavailable=WHOLE_MARCH), civ("C2")]
    found = _infeasible(case([visit()], experts, pinned=[("V1", "C1")]))
    assert found == {("pinned_unavailable", "V1")}


def test_pinned_team_larger_than_the_team_size() -> None:
    experts = [gov("G1"), gov("G2"), ind("I1"), civ("C1")]
    pins = [("V1", e) for e in ("G1", "G2", "I1", "C1")]
    assert _infeasible(case([visit()], experts, pinned=pins)) == {("pinned_team_too_large", "V1")}


def test_full_pinned_team_missing_a_kind() -> None:
    experts = [gov("G1"), gov("G2"), ind("I1"), civ("C1")]
    result = solve(case([visit()], experts, pinned=[("V1", "G1"), ("V1", "G2"), ("V1", "I1")]))
    assert codes(result) == {("pinned_team_kinds", "V1")}
    assert result.reasons[0]["params"]["kind"] == "civil_society"


def test_full_pinned_team_without_the_language() -> None:
    experts = [gov("G1"), gov("G2", languages=["fr"]), ind("I1"), civ("C1")]
    pins = [("V1", "G1"), ("V1", "I1"), ("V1", "C1")]
    found = _infeasible(case([visit(languages=["fr"])], experts, pinned=pins))
    assert found == {("pinned_team_language", "V1")}


def test_pinned_experts_never_free_together() -> None:
    experts = [gov("G1"), ind("I1", unavailable=ONLY_1_MARCH), ind("I2"), civ("C1", unavailable=ONLY_6_MARCH),
               civ("C2")]
    found = _infeasible(case([visit()], experts, pinned=[("V1", "I1"), ("V1", "C1")]))
    assert found == {("pinned_team_availability", "V1")}


def test_expert_pinned_more_often_than_their_cap() -> None:
    experts = [gov("G1"), ind("I1"), civ("C1", max_visits=1), civ("C2"), civ("C3")]
    found = _infeasible(case([visit("V1"), _june()], experts, pinned=[("V1", "C1"), ("V2", "C1")]))
    assert found == {("pinned_over_max_visits", None)}


def test_expert_pinned_to_two_visits_that_must_overlap() -> None:
    experts = [gov("G1"), gov("G2"), ind("I1"), ind("I2"), civ("C1"), civ("C2")]
    visits = [_fixed("V1", "ZA"), _fixed("V2", "BW")]
    found = _infeasible(case(visits, experts, pinned=[("V1", "C1"), ("V2", "C1")]))
    assert found == {("pinned_overlap", "V1")}


# --- conflicts found by CP-SAT (no pre-check fires) ---


def test_conflict_between_overlap_and_team_composition() -> None:
    # Two visits on the same days, one civil-society expert.
    experts = [gov("G1"), gov("G2"), ind("I1"), ind("I2"), civ("C1")]
    found = _infeasible(case([_fixed("V1", "ZA"), _fixed("V2", "BW")], experts))
    assert found == {("conflict_no_overlap", None), ("conflict_kinds", "V1"), ("conflict_kinds", "V2")}


def test_conflict_between_overlap_and_team_sizes() -> None:
    # Seven experts, two simultaneous teams of four: composition alone (3 + 3) would fit.
    experts = [gov("G1"), gov("G2"), gov("G3"), ind("I1"), ind("I2"), civ("C1"), civ("C2")]
    found = _infeasible(case([_fixed("V1", "ZA"), _fixed("V2", "BW")], experts, team_size=4))
    assert found == {("conflict_no_overlap", None), ("conflict_team_size", "V1"),
                     ("conflict_team_size", "V2")}


def test_conflict_between_visit_caps_and_team_sizes() -> None:
    # March visits draw on seven single-visit experts, but need eight seats; the June visit has its own
    # five experts, so the roster's total capacity (12 seats) looks sufficient.
    march_only = {"max_visits": 1, "unavailable": [["2005-05-01", "2005-07-31"]]}
    june_only = {"max_visits": 1, "unavailable": [["2005-02-01", "2005-04-30"]]}
    experts = [gov("G1", **march_only), gov("G2", **march_only), gov("G3", **march_only),
               ind("I1", **march_only), ind("I2", **march_only), civ("C1", **march_only),
               civ("C2", **march_only), gov("G4", **june_only), gov("G5", **june_only),
               ind("I3", **june_only), ind("I4", **june_only), civ("C3", **june_only)]
    visits = [visit("V1"), visit("V2", participant="BW", earliest="2005-03-15", latest="2005-03-31"),
              _june("V3", participant="NA")]
    found = _infeasible(case(visits, experts, team_size=4))
    assert found == {("conflict_max_visits", None), ("conflict_team_size", "V1"),
                     ("conflict_team_size", "V2")}


def test_conflict_between_visit_caps_and_languages() -> None:
    experts = [gov("G1"), gov("F1", languages=["fr"], max_visits=1), ind("I1"), ind("I2"), civ("C1"),
               civ("C2")]
    visits = [visit("V1", languages=["fr"]), _june(languages=["fr"])]
    found = _infeasible(case(visits, experts))
    assert found == {("conflict_max_visits", None), ("conflict_language", "V1"), ("conflict_language", "V2")}


def test_conflict_with_availability() -> None:
    # Each kind is free at some start and a team-sized group is free at 1 March, but the only industry
    # and civil-society experts are never free together.
    experts = [gov("G1"), gov("G2"), gov("G3"), ind("I1", unavailable=ONLY_1_MARCH),
               civ("C1", unavailable=ONLY_6_MARCH)]
    found = _infeasible(case([visit()], experts))
    assert found == {("conflict_availability", "V1"), ("conflict_kinds", "V1")}


def test_conflict_with_a_pin() -> None:
    # C1 is the only French speaker and may make one visit; pinning C1 to V1 starves V2.
    experts = [gov("G1"), ind("I1"), civ("C1", languages=["fr"], max_visits=1), civ("C2")]
    visits = [visit("V1"), _june(languages=["fr"])]
    result = solve(case(visits, experts, pinned=[("V1", "C1")]))
    assert codes(result) == {("conflict_pinned", "V1"), ("conflict_max_visits", None),
                             ("conflict_language", "V2")}
    pinned = next(r for r in result.reasons if r["code"] == "conflict_pinned")
    assert pinned["params"]["experts"] == ["C1"]


def test_the_same_case_without_the_pin_is_feasible() -> None:
    experts = [gov("G1"), ind("I1"), civ("C1", languages=["fr"], max_visits=1), civ("C2")]
    assert solve(case([visit("V1"), _june(languages=["fr"])], experts)).status == "optimal"


def test_conflict_search_on_a_feasible_input_says_it_is_unexplained() -> None:
    inp = parse_plan_input(case([visit()], [gov("G1"), ind("I1"), civ("C1")]))
    assert [r["code"] for r in find_conflict(inp)] == ["infeasible_unexplained"]


def test_no_plan_within_the_time_limit() -> None:
    result = solve(generate_case(20, 200, seed=0), time_limit_s=0.001)
    assert result.status == "infeasible"
    assert codes(result) == {("no_plan_within_time_limit", None)}


def test_explain_infeasibility_prefers_pre_checks() -> None:
    inp = parse_plan_input(case([visit()], [gov("G1"), ind("I1")]))
    found = {r["code"] for r in explain_infeasibility(inp)}
    assert found == {"not_enough_experts", "no_eligible_civil_society"}


def _holds(inp: PlanInput, groups: set[tuple[str, str | None]]) -> bool:
    from ortools.sat.python import cp_model

    from kpcs.scheduling.cpmodel import build_model

    built = build_model(inp, explain=True)
    for group, lit in built.assumptions.items():
        built.model.add(lit == (group in groups))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = 10
    status = solver.solve(built.model)
    assert status != cp_model.UNKNOWN
    return status != cp_model.INFEASIBLE


def test_reported_conflicts_are_minimal() -> None:
    """The rules named conflict, and dropping any one of them lifts the conflict."""
    march_only = {"max_visits": 1, "unavailable": [["2005-05-01", "2005-07-31"]]}
    experts = [gov("G1"), gov("F1", languages=["fr"], max_visits=1), ind("I1"), ind("I2"), civ("C1"),
               civ("C2"), civ("C3", **march_only)]
    inp = parse_plan_input(case([visit("V1", languages=["fr"]), _june(languages=["fr"])], experts))
    reasons = find_conflict(inp)
    groups = {(r["code"].removeprefix("conflict_"), r["visit"]) for r in reasons}
    assert not _holds(inp, groups)
    for g in groups:
        assert _holds(inp, groups - {g}), g
