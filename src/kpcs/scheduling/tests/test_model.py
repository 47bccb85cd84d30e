"""parse_plan_input: a valid input becomes frozen dataclasses; every problem is reported, all at once."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest

from kpcs.scheduling.model import Pin, PlanInputError, parse_plan_input
from kpcs.scheduling.tests.factories import case, civ, gov, ind, visit


def _good() -> dict[str, Any]:
    return case([visit(languages=["en"], expertise=["mining"])],
                [gov("G1", unavailable=[["2005-03-02", "2005-03-03"]]), ind("I1"), civ("C1")],
                pinned=[("V1", "G1")])


def _problems(data: Any) -> list[tuple[str, dict[str, Any]]]:
    with pytest.raises(PlanInputError) as info:
        parse_plan_input(data)
    for p in info.value.problems:
        assert set(p) == {"code", "params", "message"}
        assert p["message"]
    return [(p["code"], p["params"]) for p in info.value.problems]


def _codes(data: Any) -> set[str]:
    return {code for code, _ in _problems(data)}


def _with(change: Any) -> dict[str, Any]:
    data = _good()
    change(data)
    return data


def test_valid_input_parses_to_frozen_dataclasses() -> None:
    inp = parse_plan_input(_good())
    assert inp.team_size == 3
    assert inp.visits[0].earliest == date(2005, 3, 1)
    assert inp.visits[0].languages == ("en",)
    assert inp.experts[0].unavailable == ((date(2005, 3, 2), date(2005, 3, 3)),)
    assert inp.pinned == (Pin("V1", "G1"),)
    with pytest.raises(dataclasses.FrozenInstanceError):
        inp.visits[0].days = 3  # type: ignore[misc]


def test_region_is_derived_from_the_nominator_unless_given() -> None:
    inp = parse_plan_input(_with(lambda d: d["experts"].append(ind("I2", nominated_by="EU", region="x"))))
    regions = {e.id: e.region for e in inp.experts}
    assert regions == {"G1": "americas", "I1": None, "C1": None, "I2": "x"}


def test_optional_fields_may_be_omitted() -> None:
    data = {"visits": [{"id": "V1", "participant": "ZA", "earliest": "2005-03-01", "latest": "2005-03-10",
                        "days": 5}],
            "experts": [{"id": "G1", "nominated_by": "CA", "kind": "government", "max_visits": 1}],
            "team_size": 3}
    inp = parse_plan_input(data)
    assert inp.pinned == ()
    assert inp.experts[0].languages == ()
    assert inp.visits[0].region is None


def test_not_an_object() -> None:
    assert _codes([]) == {"not_an_object"}
    assert _codes(_with(lambda d: d["visits"].append("V2"))) == {"not_an_object"}


def test_missing_and_unknown_fields() -> None:
    assert _problems(_with(lambda d: d["visits"][0].pop("days"))) == [
        ("missing_field", {"path": "visits[0].days"})]
    assert _problems(_with(lambda d: d["experts"][0].update(max_visit=2))) == [
        ("unknown_field", {"path": "experts[0].max_visit"})]
    assert _codes(_with(lambda d: d.pop("team_size"))) == {"missing_field"}


@pytest.mark.parametrize("change", [
    lambda d: d.update(team_size="4"),
    lambda d: d.update(team_size=True),
    lambda d: d.update(visits={}),
    lambda d: d["visits"][0].update(days=5.0),
    lambda d: d["visits"][0].update(id=""),
    lambda d: d["visits"][0].update(languages="en"),
    lambda d: d["experts"][0].update(expertise=[1]),
    lambda d: d["experts"][0].update(unavailable=[["2005-03-02"]]),
    lambda d: d["experts"][0].update(nominated_by=None),
])
def test_wrong_types(change: Any) -> None:
    data = _with(change)
    data["pinned"] = []  # a pin to a visit whose id is broken would add unknown_pinned_visit
    assert _codes(data) == {"wrong_type"}


def test_duplicate_ids() -> None:
    found = _problems(_with(lambda d: (d["visits"].append(visit()), d["experts"].append(civ("C1")))))
    assert found == [("duplicate_id", {"kind": "visit", "id": "V1"}),
                     ("duplicate_id", {"kind": "expert", "id": "C1"})]


def test_unknown_and_duplicate_pins() -> None:
    found = _problems(_with(lambda d: d["pinned"].extend([
        {"visit": "V9", "expert": "G1"}, {"visit": "V1", "expert": "E9"}, {"visit": "V1", "expert": "G1"}])))
    assert found == [("unknown_pinned_visit", {"visit": "V9"}), ("unknown_pinned_expert", {"expert": "E9"}),
                     ("duplicate_pin", {"visit": "V1", "expert": "G1"})]


@pytest.mark.parametrize("value", ["2005-02-30", "05-03-01", "20050301", 20050301, None])
def test_bad_dates(value: Any) -> None:
    assert _codes(_with(lambda d: d["visits"][0].update(earliest=value))) == {"bad_date"}


def test_inverted_window() -> None:
    assert _problems(_with(lambda d: d["visits"][0].update(earliest="2005-04-01"))) == [
        ("inverted_window", {"visit": "V1", "earliest": "2005-04-01", "latest": "2005-03-10"})]


def test_inverted_unavailability() -> None:
    found = _problems(_with(lambda d: d["experts"][0].update(unavailable=[["2005-03-09", "2005-03-02"]])))
    assert found == [("inverted_unavailable", {"expert": "G1", "start": "2005-03-09", "end": "2005-03-02"})]


def test_window_shorter_than_the_visit() -> None:
    assert _problems(_with(lambda d: d["visits"][0].update(days=11))) == [
        ("window_shorter_than_days", {"visit": "V1", "days": 11, "window_days": 10})]


def test_days_at_least_one() -> None:
    assert _problems(_with(lambda d: d["visits"][0].update(days=0))) == [
        ("days_too_small", {"visit": "V1", "days": 0})]


def test_team_size_at_least_three() -> None:
    assert _problems(_with(lambda d: d.update(team_size=2))) == [
        ("team_size_too_small", {"team_size": 2, "minimum": 3})]


def test_bad_kind() -> None:
    assert _problems(_with(lambda d: d["experts"][0].update(kind="observer"))) == [
        ("bad_kind", {"expert": "G1", "kind": "observer"})]


def test_negative_max_visits() -> None:
    assert _problems(_with(lambda d: d["experts"][0].update(max_visits=-1))) == [
        ("negative_max_visits", {"expert": "G1", "max_visits": -1})]


def test_all_problems_are_reported_together() -> None:
    def break_everything(d: dict[str, Any]) -> None:
        d["team_size"] = 1
        d["visits"][0]["days"] = 0
        d["experts"][1]["kind"] = "trader"
        d["pinned"].append({"visit": "V1", "expert": "nobody"})

    assert _codes(_with(break_everything)) == {
        "team_size_too_small", "days_too_small", "bad_kind", "unknown_pinned_expert"}
