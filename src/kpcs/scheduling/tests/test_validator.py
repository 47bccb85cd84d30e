"""The independent validator catches a hand-broken plan for every hard rule."""

from __future__ import annotations

import copy
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from kpcs.scheduling.model import PlanInput, parse_plan_input
from kpcs.scheduling.tests.factories import case, civ, gov, ind, visit
from kpcs.scheduling.validator import validate_plan

Plan = dict[str, Any]


def _input() -> PlanInput:
    visits = [visit("V1", participant="ZA", languages=["en"]),
              visit("V2", participant="BW", earliest="2005-03-01", latest="2005-03-20", languages=["pt"])]
    experts = [gov("G1"), gov("G2"), ind("I1"), ind("I2", max_visits=1), civ("C1"),
               civ("C2", languages=["pt"]), ind("IZ", nominated_by="ZA"),
               civ("CU", unavailable=[["2005-03-01", "2005-03-03"]])]
    return parse_plan_input(case(visits, experts, pinned=[("V1", "G1")]))


def _plan() -> Plan:
    return {
        "status": "optimal",
        "visits": [
            {"id": "V1", "start": "2005-03-01", "end": "2005-03-05", "team": ["G1", "I1", "C1"], "leader": "G1"},
            {"id": "V2", "start": "2005-03-10", "end": "2005-03-14", "team": ["G2", "I2", "C2"], "leader": "G2"},
        ],
        "unmet": [],
        "reasons": [],
    }


def _rules(change: Callable[[Plan], None]) -> set[tuple[str, str | None, str | None]]:
    plan = copy.deepcopy(_plan())
    change(plan)
    return {(v.rule, v.visit, v.expert) for v in validate_plan(_input(), plan)}


def _set(index: int, **fields: Any) -> Callable[[Plan], None]:
    return lambda plan: plan["visits"][index].update(fields)


def test_the_valid_plan_passes() -> None:
    assert validate_plan(_input(), _plan()) == []


def test_format_unknown_visit() -> None:
    assert ("format", None, None) in _rules(lambda p: p["visits"].append({**p["visits"][0], "id": "V9"}))


def test_format_unknown_team_member_and_bad_date() -> None:
    assert ("format", "V1", None) in _rules(_set(0, team=["G1", "I1", "C1", "X9"]))
    assert ("format", "V1", None) in _rules(_set(0, start="1 March"))


def test_every_visit_planned_once() -> None:
    assert _rules(lambda p: p["visits"].pop()) == {("visit_planned", "V2", None)}
    assert ("visit_planned", "V1", None) in _rules(lambda p: p["visits"].append(p["visits"][0]))


def test_duration() -> None:
    assert _rules(_set(0, end="2005-03-06")) == {("duration", "V1", None)}


def test_window() -> None:
    assert _rules(_set(0, start="2005-02-27", end="2005-03-03")) == {("window", "V1", None)}


def test_team_size() -> None:
    assert _rules(_set(0, team=["G1", "I1", "C1", "C2"])) == {("team_size", "V1", None)}
    assert ("team_size", "V1", None) in _rules(_set(0, team=["G1", "I1", "I1"]))


def test_own_participant() -> None:
    assert _rules(_set(0, team=["G1", "IZ", "C1"])) == {("own_participant", "V1", "IZ")}


def test_unavailability() -> None:
    assert _rules(_set(0, team=["G1", "I1", "CU"])) == {("unavailable", "V1", "CU")}


def test_kinds() -> None:
    assert _rules(_set(0, team=["G1", "I1", "IZ"])) >= {("kinds", "V1", None)}
    assert _rules(_set(1, team=["G2", "I2", "C2"], leader="G2")) == set()


def test_leader_must_be_a_government_team_member() -> None:
    assert _rules(_set(0, leader="I1")) == {("leader", "V1", None)}
    assert _rules(_set(0, leader="G2")) == {("leader", "V1", None)}
    assert _rules(_set(0, leader=None)) == {("leader", "V1", None)}


def test_language() -> None:
    assert _rules(_set(1, team=["G2", "I2", "CU"])) == {("language", "V2", None)}


def test_pinned() -> None:
    assert _rules(_set(0, team=["G2", "I1", "C1"], leader="G2")) == {("pinned", "V1", "G1")}


def test_max_visits() -> None:
    assert _rules(_set(0, team=["G1", "I2", "C1"])) == {("max_visits", None, "I2")}


def test_no_overlap() -> None:
    found = _rules(_set(1, start="2005-03-03", end="2005-03-07", team=["G2", "I1", "C2"]))
    assert found == {("overlap", "V1", "I1")}


def test_validator_imports_no_ortools() -> None:
    code = ("import sys, kpcs.scheduling.validator, kpcs.scheduling.model\n"
            "assert not any(m.startswith('ortools') for m in sys.modules), 'ortools imported'\n")
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("status", ["optimal", "feasible"])
def test_status_does_not_matter(status: str) -> None:
    assert validate_plan(_input(), {**_plan(), "status": status}) == []
