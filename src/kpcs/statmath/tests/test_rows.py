from decimal import Decimal

import pytest

from kpcs.statmath.periods import Period
from kpcs.statmath.rows import (
    RowContext,
    SubmissionRow,
    check_file_consistency,
    normalize_hs_code,
    validate_row,
    validate_rows,
)
from kpcs.statmath.tests.helpers import context

TRADE = {
    "participant": "BW",
    "period": "2007-Q1",
    "flow": "export",
    "carats": "1000.50",
    "usd": "250000",
    "certificates": "12",
    "partner": "EU",
    "hs_code": "7102.31",
    "origin": "BW",
}
PRODUCTION = {"participant": "BW", "period": "2007-H1", "flow": "production", "carats": "100", "usd": "9000"}


def problems_of(raw: dict[str, str], ctx: RowContext | None = None) -> list[tuple[str, dict[str, object]]]:
    result = validate_row(raw, row=7, context=ctx or context())
    assert isinstance(result, list), result
    assert all(p["row"] == 7 for p in result)
    assert all(p["message"] and "{" not in p["message"] for p in result)
    return [(p["code"], p["params"]) for p in result]


def only_code(raw: dict[str, str], ctx: RowContext | None = None) -> tuple[str, dict[str, object]]:
    found = problems_of(raw, ctx)
    assert len(found) == 1, found
    return found[0]


def test_valid_trade_row() -> None:
    row = validate_row(TRADE, row=2, context=context())
    assert row == SubmissionRow(
        row=2,
        participant="BW",
        period=Period(2007, "quarter", 1),
        flow="export",
        carats=Decimal("1000.50"),
        usd=Decimal("250000"),
        certificates=12,
        partner="EU",
        hs_code="710231",
        origin="BW",
    )


def test_valid_row_is_normalised() -> None:
    raw = {
        **TRADE,
        "participant": " bw",
        "flow": "Export",
        "partner": "eu",
        "hs_code": "7102.1",
        "origin": "mixed",
    }
    row = validate_row(raw, row=2, context=context())
    assert isinstance(row, SubmissionRow)
    assert (row.participant, row.flow, row.partner, row.hs_code, row.origin) == (
        "BW",
        "export",
        "EU",
        "710210",
        "MIXED",
    )


def test_valid_production_row_without_optional_columns() -> None:
    row = validate_row(PRODUCTION, row=2, context=context())
    assert isinstance(row, SubmissionRow)
    assert row.partner is None
    assert row.certificates is None


def test_trailing_zeros_are_not_extra_decimals() -> None:
    row = validate_row({**TRADE, "carats": "1.500", "usd": "-0"}, row=2, context=context())
    assert isinstance(row, SubmissionRow)
    assert row.carats == Decimal("1.5")
    assert row.usd == 0


def test_missing_column() -> None:
    raw = {k: v for k, v in PRODUCTION.items() if k != "usd"}
    assert only_code(raw) == ("missing_column", {"column": "usd"})


@pytest.mark.parametrize("column", ["participant", "period", "flow", "carats", "usd"])
def test_missing_value(column: str) -> None:
    assert only_code({**PRODUCTION, column: " "}) == ("missing_value", {"column": column})


@pytest.mark.parametrize("value", ["XX", "Botswana", "B1"])
def test_unknown_participant(value: str) -> None:
    assert only_code({**PRODUCTION, "participant": value}) == (
        "unknown_participant",
        {"value": value.upper()},
    )


@pytest.mark.parametrize(("code", "period"), [("CG", "2005-H1"), ("BE", "2007-H1")])
def test_not_participant_in_period(code: str, period: str) -> None:
    assert only_code({**PRODUCTION, "participant": code, "period": period}) == (
        "not_participant_in_period",
        {"participant": code, "period": period},
    )


def test_participant_for_part_of_the_period_is_a_participant_in_it() -> None:
    # The Republic of Congo was removed on 9 July 2004, so it still reports 2004-H2.
    row = validate_row({**PRODUCTION, "participant": "CG", "period": "2004-H2"}, row=2, context=context())
    assert isinstance(row, SubmissionRow)


@pytest.mark.parametrize("value", ["2007-H3", "07", "H1 2007", "2007-M01"])
def test_bad_period(value: str) -> None:
    assert only_code({**PRODUCTION, "period": value}) == ("bad_period", {"value": value})


@pytest.mark.parametrize("value", ["exports", "re-export", "prod"])
def test_bad_flow(value: str) -> None:
    assert only_code({**PRODUCTION, "flow": value}) == ("bad_flow", {"value": value})


@pytest.mark.parametrize(("column", "value"), [("carats", "-1"), ("usd", "-0.01"), ("certificates", "-3")])
def test_negative_amount(column: str, value: str) -> None:
    assert only_code({**TRADE, column: value}) == ("negative_amount", {"column": column, "value": value})


@pytest.mark.parametrize(
    ("column", "value"),
    [("carats", "1,234.50"), ("usd", "1e6"), ("usd", "US$ 5"), ("certificates", "twelve")],
)
def test_not_a_number(column: str, value: str) -> None:
    assert only_code({**TRADE, column: value}) == ("not_a_number", {"column": column, "value": value})


def test_not_a_whole_number() -> None:
    assert only_code({**TRADE, "certificates": "1.5"}) == (
        "not_a_whole_number",
        {"column": "certificates", "value": "1.5"},
    )


def test_whole_number_with_zero_decimals_is_accepted() -> None:
    row = validate_row({**TRADE, "certificates": "12.0"}, row=2, context=context())
    assert isinstance(row, SubmissionRow)
    assert row.certificates == 12


@pytest.mark.parametrize(("column", "value"), [("carats", "1.005"), ("usd", "0.001")])
def test_too_many_decimals(column: str, value: str) -> None:
    assert only_code({**TRADE, column: value}) == (
        "too_many_decimals",
        {"column": column, "value": value, "max_decimals": 2},
    )


def test_amount_too_large() -> None:
    assert only_code({**TRADE, "usd": "1000000000000000"}) == (
        "amount_too_large",
        {"column": "usd", "value": "1000000000000000"},
    )


@pytest.mark.parametrize(
    ("value", "shown"), [("7102.39", "7102.39"), ("710229", "7102.29"), ("7105.10", "7105.10")]
)
def test_hs_out_of_scope(value: str, shown: str) -> None:
    result = validate_row({**TRADE, "hs_code": value}, row=3, context=context())
    assert isinstance(result, list)
    assert [p["code"] for p in result] == ["hs_out_of_scope"]
    assert result[0]["params"] == {"value": shown}
    assert "worked diamonds" in result[0]["message"]
    assert "powder" in result[0]["message"]


@pytest.mark.parametrize("value", ["7102", "7103.10", "rough", "7102.310"])
def test_unknown_hs_code(value: str) -> None:
    assert only_code({**TRADE, "hs_code": value}) == ("unknown_hs_code", {"value": value})


def test_hs_scope_comes_from_the_context() -> None:
    ctx = RowContext(
        is_known_participant=context().is_known_participant,
        was_participant=context().was_participant,
        hs_in_scope=lambda code: code == "7102",
    )
    assert isinstance(validate_row({**TRADE, "hs_code": "7102"}, row=2, context=ctx), SubmissionRow)


def test_unknown_partner() -> None:
    assert only_code({**TRADE, "partner": "LB"}) == ("unknown_partner", {"value": "LB"})


def test_partner_not_participant_in_period() -> None:
    # The Republic of Congo was removed in July 2004: trade with it in 2004-Q4 is not allowed.
    assert only_code({**TRADE, "period": "2004-Q4", "partner": "CG"}) == (
        "partner_not_participant_in_period",
        {"partner": "CG", "period": "2004-Q4"},
    )
    assert isinstance(
        validate_row({**TRADE, "period": "2004-Q3", "partner": "CG"}, row=2, context=context()), SubmissionRow
    )


def test_partner_is_self() -> None:
    assert only_code({**TRADE, "partner": "BW"}) == ("partner_is_self", {"participant": "BW"})


def test_production_has_partner() -> None:
    assert only_code({**PRODUCTION, "partner": "ZA"}) == ("production_has_partner", {"partner": "ZA"})


def test_production_has_certificates() -> None:
    assert only_code({**PRODUCTION, "certificates": "4"}) == ("production_has_certificates", {})


def test_production_period_not_half_or_year() -> None:
    assert only_code({**PRODUCTION, "period": "2007-Q2"}) == (
        "production_period_not_half_or_year",
        {"period": "2007-Q2"},
    )


@pytest.mark.parametrize("flow", ["export", "import"])
def test_trade_period_not_quarter_or_year(flow: str) -> None:
    assert only_code({**TRADE, "flow": flow, "period": "2007-H2"}) == (
        "trade_period_not_quarter_or_year",
        {"period": "2007-H2"},
    )


@pytest.mark.parametrize("value", ["BWA", "72", "B", "QQ"])
def test_bad_origin(value: str) -> None:
    ctx = RowContext(
        is_known_participant=context().is_known_participant,
        was_participant=context().was_participant,
        is_known_country=lambda code: code != "QQ",
    )
    assert only_code({**TRADE, "origin": value}, ctx) == ("bad_origin", {"value": value})


def test_every_problem_of_a_row_is_reported() -> None:
    raw = {"participant": "XX", "period": "2007-Q9", "flow": "exported", "carats": "-1", "usd": "a"}
    assert [code for code, _ in problems_of(raw)] == [
        "unknown_participant",
        "bad_period",
        "bad_flow",
        "negative_amount",
        "not_a_number",
    ]


def test_validate_rows_numbers_rows_and_skips_blanks() -> None:
    rows, problems = validate_rows(
        [
            PRODUCTION,
            dict.fromkeys(PRODUCTION, ""),
            {**PRODUCTION, "period": "2007-H2"},
            {**TRADE, "flow": "x"},
        ],
        context=context(),
    )
    assert [r.row for r in rows] == [2, 4]
    assert [(p["row"], p["code"]) for p in problems] == [(5, "bad_flow")]


def test_duplicate_row() -> None:
    rows, problems = validate_rows(
        [TRADE, {**TRADE, "partner": "ZA"}, {**TRADE, "carats": "5"}], context=context()
    )
    assert [r.row for r in rows] == [2, 3]
    assert [(p["row"], p["code"], p["params"]) for p in problems] == [(4, "duplicate_row", {"first_row": 2})]


def test_no_data_rows() -> None:
    rows, problems = validate_rows([dict.fromkeys(PRODUCTION, "")], context=context())
    assert rows == []
    assert [(p["row"], p["code"]) for p in problems] == [(1, "no_data_rows")]


def test_normalize_hs_code() -> None:
    assert normalize_hs_code("7102.10") == "710210"
    assert normalize_hs_code("7102.1") == "710210"
    assert normalize_hs_code("710231") == "710231"
    assert normalize_hs_code("7105") == "7105"
    assert normalize_hs_code("71.02") is None
    assert normalize_hs_code("") is None


def _rows(*specs: tuple[str, str, str, str]) -> list[SubmissionRow]:
    """(period, flow, carats, usd) rows for BW, numbered from 2."""
    result = []
    for number, (period, flow, carats, usd) in enumerate(specs, start=2):
        raw = {"participant": "BW", "period": period, "flow": flow, "carats": carats, "usd": usd}
        if flow != "production":
            raw["partner"] = "EU" if number % 2 else "ZA"
        row = validate_row(raw, row=number, context=context())
        assert isinstance(row, SubmissionRow), row
        result.append(row)
    return result


def test_annual_matching_its_halves_is_fine() -> None:
    rows = _rows(
        ("2007", "production", "300", "30"),
        ("2007-H1", "production", "100", "10"),
        ("2007-H2", "production", "200", "20"),
    )
    assert check_file_consistency(rows) == []


def test_annual_contradicts_complete_halves() -> None:
    rows = _rows(
        ("2007-H1", "production", "100", "10"),
        ("2007", "production", "300", "30"),
        ("2007-H2", "production", "250", "20"),
    )
    [found] = check_file_consistency(rows)
    assert found["code"] == "annual_contradicts_parts"
    assert found["row"] == 3
    assert found["params"] == {
        "participant": "BW",
        "flow": "production",
        "period": "2007",
        "rows": "3",
        "carats": "300.00",
        "usd": "30.00",
        "parts": "2007-H1, 2007-H2",
        "part_rows": "2, 4",
        "parts_carats": "350.00",
        "parts_usd": "30.00",
    }
    assert "rows 2, 4" in found["message"]


def test_incomplete_parts_may_be_less_but_not_more_than_the_year() -> None:
    fine = _rows(("2007", "export", "300", "30"), ("2007-Q1", "export", "100", "10"))
    assert check_file_consistency(fine) == []
    too_much = _rows(
        ("2007", "export", "300", "30"),
        ("2007-Q1", "export", "100", "10"),
        ("2007-Q3", "export", "100", "25"),
    )
    [found] = check_file_consistency(too_much)
    assert found["params"]["parts"] == "2007-Q1, 2007-Q3"
    assert found["params"]["parts_usd"] == "35.00"


def test_parts_are_summed_over_breakdown_rows_and_rounding_passes() -> None:
    rows = _rows(
        ("2007", "export", "100.01", "40"),
        ("2007-Q1", "export", "25", "10"),
        ("2007-Q2", "export", "25", "10"),
        ("2007-Q3", "export", "25", "10"),
        ("2007-Q4", "export", "25", "10"),
    )
    assert check_file_consistency(rows) == []


def test_contradiction_in_validate_rows_blocks_nothing_else() -> None:
    raws = [
        {"participant": "BW", "period": "2007", "flow": "production", "carats": "10", "usd": "1"},
        {"participant": "BW", "period": "2007-H1", "flow": "production", "carats": "6", "usd": "1"},
        {"participant": "BW", "period": "2007-H2", "flow": "production", "carats": "6", "usd": "0"},
        {"participant": "ZA", "period": "2007", "flow": "production", "carats": "10", "usd": "1"},
    ]
    rows, problems = validate_rows(raws, context=context())
    assert len(rows) == 4
    assert [(p["row"], p["code"]) for p in problems] == [(2, "annual_contradicts_parts")]
