"""`kpcs reviews plan`: JSON out, exit 0 / 1 / 2, and re-planning around pins."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kpcs.scheduling.cli import main
from kpcs.scheduling.tests.factories import case, civ, gov, ind, visit


def _write(tmp_path: Path, name: str, data: Any) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return str(path)


def _run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, dict[str, Any]]:
    code = main(argv)
    return code, json.loads(capsys.readouterr().out)


def _roster() -> dict[str, Any]:
    visits = [visit("V1", expertise=["mining"]),
              visit("V2", participant="BW", earliest="2005-06-01", latest="2005-06-10")]
    experts = [gov("G1", expertise=["mining"]), gov("G2"), gov("G3"), ind("I1"), ind("I2"), civ("C1"),
               civ("C2")]
    return case(visits, experts)


def test_plan_found_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(capsys, [_write(tmp_path, "in.json", _roster()), "--format", "json", "--time-limit", "5"])
    assert code == 0
    assert out["status"] == "optimal"
    assert [v["id"] for v in out["visits"]] == ["V1", "V2"]


@pytest.mark.parametrize("prefix", [["plan"], ["reviews", "plan"]])
def test_sub_command_words_are_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        prefix: list[str]) -> None:
    assert _run(capsys, [*prefix, _write(tmp_path, "in.json", _roster())])[0] == 0


def test_the_kpcs_command_dispatches_here(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kpcs.cli import main as kpcs_main

    assert kpcs_main(["kpcs", "reviews", "plan", _write(tmp_path, "in.json", _roster())]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "optimal"


def test_infeasible_exits_1_with_reasons(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = case([visit()], [gov("G1"), ind("I1")])
    code, out = _run(capsys, [_write(tmp_path, "in.json", data)])
    assert code == 1
    assert out["status"] == "infeasible"
    assert {r["code"] for r in out["reasons"]} == {"not_enough_experts", "no_eligible_civil_society"}


def test_bad_input_exits_2_with_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = {**_roster(), "team_size": 2}
    code, out = _run(capsys, [_write(tmp_path, "in.json", data)])
    assert code == 2
    assert out["error"]["code"] == "invalid_input"
    assert [p["code"] for p in out["error"]["problems"]] == ["team_size_too_small"]


def test_invalid_json_and_missing_file_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(capsys, [_write(tmp_path, "in.json", "{not json")])
    assert (code, out["error"]["problems"][0]["code"]) == (2, "invalid_json")
    code, out = _run(capsys, [str(tmp_path / "missing.json")])
    assert (code, out["error"]["problems"][0]["code"]) == (2, "unreadable_file")


def test_bad_time_limit_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as info:
        main([_write(tmp_path, "in.json", _roster()), "--time-limit", "0"])
    assert info.value.code == 2


def test_replanning_keeps_the_coordinators_choices(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, first = _run(capsys, [_write(tmp_path, "in.json", _roster())])
    # The coordinator swaps the mining expert out of V1 by hand.
    v1 = first["visits"][0]
    assert "G1" in v1["team"]
    v1["team"] = ["G3" if e == "G1" else e for e in v1["team"]]
    previous = _write(tmp_path, "previous.json", first)
    code, again = _run(capsys, [_write(tmp_path, "in.json", _roster()), "--pin-from", previous])
    assert code == 0
    assert set(again["visits"][0]["team"]) == set(v1["team"])
    assert again["unmet"] == [{"visit": "V1", "expertise": ["mining"]}]
    assert set(again["visits"][1]["team"]) == set(first["visits"][1]["team"])


def test_replanning_drops_pins_to_experts_who_left(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, first = _run(capsys, [_write(tmp_path, "in.json", _roster())])
    leaving = first["visits"][1]["team"][0]
    roster = _roster()
    roster["experts"] = [e for e in roster["experts"] if e["id"] != leaving]
    previous = _write(tmp_path, "previous.json", first)
    code, again = _run(capsys, [_write(tmp_path, "in.json", roster), "--pin-from", previous])
    assert code == 0
    kept = set(first["visits"][1]["team"]) - {leaving}
    assert kept < set(again["visits"][1]["team"])
    assert leaving not in again["visits"][1]["team"]


def test_a_pin_that_breaks_a_rule_is_explained(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, first = _run(capsys, [_write(tmp_path, "in.json", _roster())])
    first["visits"][0]["team"].append("G2")  # four pinned on a team of three
    previous = _write(tmp_path, "previous.json", first)
    code, again = _run(capsys, [_write(tmp_path, "in.json", _roster()), "--pin-from", previous])
    assert code == 1
    assert {(r["code"], r["visit"]) for r in again["reasons"]} == {("pinned_team_too_large", "V1")}
