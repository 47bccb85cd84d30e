"""Hand-checkable optimal plans; each hard rule changes the answer when it applies."""

from __future__ import annotations

from datetime import date

import pytest

from kpcs.scheduling.cpmodel import WEIGHT_MAX_LOAD, WEIGHT_REGION_DUPLICATE, WEIGHT_UNCOVERED
from kpcs.scheduling.tests.factories import case, civ, gov, ind, solve, team, visit


def test_minimal_case_is_proven_optimal_with_hand_checked_objective() -> None:
    data = case([visit(expertise=["mining", "customs"])],
                [gov("G1", expertise=["mining"]), ind("I1", expertise=["customs"]), civ("C1")])
    result = solve(data)
    assert result.status == "optimal"
    # Nothing uncovered, busiest expert on 1 visit, no two members from one region.
    assert result.stats.objective == WEIGHT_MAX_LOAD * 1
    assert result.stats.best_bound == result.stats.objective
    (v,) = result.visits
    assert set(v.team) == {"G1", "I1", "C1"}
    assert v.leader == "G1"
    assert result.unmet == ()


def test_output_follows_the_contract() -> None:
    out = solve(case([visit()], [gov("G1"), ind("I1"), civ("C1")])).to_dict()
    assert set(out) == {"status", "visits", "unmet", "reasons"}
    (v,) = out["visits"]
    assert set(v) == {"id", "start", "end", "team", "leader"}
    assert out["reasons"] == []
    date.fromisoformat(v["start"])
    date.fromisoformat(v["end"])


def test_uncovered_expertise_is_reported_as_unmet() -> None:
    data = case([visit(expertise=["mining", "legal"])],
                [gov("G1", expertise=["mining"]), ind("I1"), civ("C1")])
    result = solve(data)
    assert result.unmet == ({"visit": "V1", "expertise": ["legal"]},)
    assert result.stats.objective == WEIGHT_UNCOVERED + WEIGHT_MAX_LOAD


def test_region_balance_prefers_a_member_from_another_region() -> None:
    experts = [gov("G1"), ind("I1", nominated_by="US"), ind("I2"), civ("C1")]
    result = solve(case([visit()], experts))
    assert team(result) == {"G1", "I2", "C1"}
    assert result.stats.objective == WEIGHT_MAX_LOAD


def test_unavoidable_same_region_pair_is_penalised() -> None:
    result = solve(case([visit()], [gov("G1"), ind("I1", nominated_by="US"), civ("C1")]))
    assert result.status == "optimal"
    assert result.stats.region_duplicates == 1
    assert result.stats.objective == WEIGHT_MAX_LOAD + WEIGHT_REGION_DUPLICATE


def test_explicit_region_overrides_the_derived_one() -> None:
    result = solve(case([visit()], [gov("G1"), ind("I1", nominated_by="US", region="x"), civ("C1")]))
    assert result.stats.objective == WEIGHT_MAX_LOAD


def _two_disjoint_visits() -> list[dict[str, object]]:
    return [visit("V1", expertise=["mining"]),
            visit("V2", participant="BW", earliest="2005-06-01", latest="2005-06-10", expertise=["mining"])]


def test_load_is_spread_over_the_roster() -> None:
    experts = [gov("G1", expertise=["mining"]), gov("G2", expertise=["mining"]),
               ind("I1"), ind("I2"), civ("C1"), civ("C2")]
    result = solve(case(_two_disjoint_visits(), experts))
    assert result.status == "optimal"
    assert result.stats.objective == WEIGHT_MAX_LOAD * 1
    assert not team(result, "V1") & team(result, "V2")


def test_coverage_outweighs_load() -> None:
    experts = [gov("G1", expertise=["mining"]), gov("G2"), ind("I1"), ind("I2"), civ("C1"), civ("C2")]
    result = solve(case(_two_disjoint_visits(), experts))
    assert result.stats.objective == WEIGHT_MAX_LOAD * 2
    assert "G1" in team(result, "V1") & team(result, "V2")


# --- each hard rule, on a case where ignoring it would give another answer ---


def test_team_has_exactly_team_size_members() -> None:
    experts = [gov("G1", expertise=["a"]), ind("I1", expertise=["b"]), civ("C1", expertise=["c"]),
               gov("G2", expertise=["d"])]
    result = solve(case([visit(expertise=["a", "b", "c", "d"])], experts))
    assert len(team(result)) == 3
    assert result.stats.uncovered == 1


def test_no_expert_reviews_the_participant_that_nominated_them() -> None:
    experts = [gov("G1", nominated_by="ZA", expertise=["mining"]), gov("G2"), ind("I1"), civ("C1")]
    result = solve(case([visit(participant="ZA", expertise=["mining"])], experts))
    assert team(result) == {"G2", "I1", "C1"}
    assert result.unmet == ({"visit": "V1", "expertise": ["mining"]},)


def test_every_kind_is_represented() -> None:
    experts = [gov("G1"), ind("I1", expertise=["mining"]), ind("I2", expertise=["customs"]), civ("C1")]
    result = solve(case([visit(expertise=["mining", "customs"])], experts))
    assert "C1" in team(result)
    assert result.stats.uncovered == 1


def test_leader_is_a_government_member() -> None:
    experts = [gov("G1"), gov("G2"), ind("I1", expertise=["mining"]), civ("C1", expertise=["legal"])]
    result = solve(case([visit(expertise=["mining", "legal"])], experts, team_size=4))
    (v,) = result.visits
    assert v.leader in {"G1", "G2"}
    assert v.leader in v.team


def test_someone_speaks_a_language_of_the_visit() -> None:
    experts = [gov("G1", expertise=["mining"]), gov("G2", languages=["fr"]), ind("I1"), civ("C1")]
    result = solve(case([visit(languages=["fr"], expertise=["mining"])], experts))
    assert team(result) == {"G2", "I1", "C1"}
    assert result.stats.uncovered == 1


def test_no_expert_on_two_overlapping_visits() -> None:
    # One civil-society expert for two visits sharing a 10-day window: they must be back to back.
    visits = [visit("V1"), visit("V2", participant="BW")]
    result = solve(case(visits, [gov("G1"), gov("G2"), ind("I1"), ind("I2"), civ("C1")]))
    assert result.status == "optimal"
    starts = sorted(v.start for v in result.visits)
    assert starts == [date(2005, 3, 1), date(2005, 3, 6)]


def test_max_visits_caps_an_expert() -> None:
    visits = [visit("V1", expertise=["legal"]),
              visit("V2", participant="BW", earliest="2005-06-01", latest="2005-06-10", expertise=["legal"])]
    experts = [gov("G1"), gov("G2"), ind("I1"), ind("I2"), civ("C1", expertise=["legal"], max_visits=1),
               civ("C2")]
    result = solve(case(visits, experts))
    assert result.stats.uncovered == 1
    assert len([v for v in result.visits if "C1" in v.team]) == 1


def test_unavailable_experts_move_the_visit() -> None:
    experts = [gov("G1", expertise=["mining"], unavailable=[["2005-03-01", "2005-03-05"]]), gov("G2"),
               ind("I1"), civ("C1")]
    result = solve(case([visit(expertise=["mining"])], experts))
    (v,) = result.visits
    assert "G1" in v.team
    assert (v.start, v.end) == (date(2005, 3, 6), date(2005, 3, 10))


def test_visit_fills_its_window_when_the_window_equals_its_length() -> None:
    result = solve(case([visit(earliest="2005-03-01", latest="2005-03-07", days=7)],
                        [gov("G1"), ind("I1"), civ("C1")]))
    (v,) = result.visits
    assert (v.start, v.end) == (date(2005, 3, 1), date(2005, 3, 7))


def test_pinned_expert_is_on_the_team() -> None:
    experts = [gov("G1", expertise=["mining"]), gov("G2"), ind("I1"), civ("C1")]
    free = solve(case([visit(expertise=["mining"])], experts))
    pinned = solve(case([visit(expertise=["mining"])], experts, pinned=[("V1", "G2")]))
    assert "G2" not in team(free)
    assert team(pinned) == {"G2", "I1", "C1"}
    assert pinned.stats.objective == free.stats.objective + WEIGHT_UNCOVERED


def test_empty_input_is_an_empty_optimal_plan() -> None:
    result = solve(case([], []))
    assert result.status == "optimal"
    assert result.visits == ()


def test_feasible_output_carries_stats() -> None:
    from kpcs.scheduling.solver import PlanResult, SolveStats

    stats = SolveStats(time_limit_s=5.0, wall_time_s=5.01234, objective=40, best_bound=30)
    out = PlanResult("feasible", stats=stats).to_dict()
    assert out["stats"] == {"time_limit_s": 5.0, "wall_time_s": 5.012, "objective": 40, "best_bound": 30}


def test_a_plan_breaking_a_rule_is_a_bug_not_an_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    from kpcs.scheduling import solver
    from kpcs.scheduling.validator import Violation

    broken = [Violation("kinds", "V1", None, "team has no civil_society expert")]
    monkeypatch.setattr(solver, "validate_plan", lambda inp, out: broken)
    with pytest.raises(solver.PlanValidationError) as info:
        solve(case([visit()], [gov("G1"), ind("I1"), civ("C1")]))
    assert info.value.violations == broken


def test_load_floor_counts_the_scarcest_kind() -> None:
    from kpcs.scheduling.cpmodel import build_model, load_floor
    from kpcs.scheduling.model import parse_plan_input

    # One industry expert for two visits: somebody does two visits, whatever the roster size.
    experts = [gov("G1"), gov("G2"), gov("G3"), ind("I1"), civ("C1"), civ("C2"), civ("C3")]
    inp = parse_plan_input(case(_two_disjoint_visits(), experts))
    assert load_floor(inp, build_model(inp).x) == 2
    result = solve(case(_two_disjoint_visits(), experts))
    # Nobody has the requested mining expertise: 2 uncovered areas, and the load of 2.
    assert (result.status, result.stats.objective) == ("optimal", 2 * WEIGHT_UNCOVERED + 2 * WEIGHT_MAX_LOAD)
    assert result.stats.best_bound == result.stats.objective
