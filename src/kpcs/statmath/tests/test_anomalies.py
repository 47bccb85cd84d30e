from decimal import Decimal

from kpcs.statmath.anomalies import (
    certificate_count_mismatch,
    swings,
    unexplained_exports,
    unit_value_outliers,
)
from kpcs.statmath.periods import parse_period
from kpcs.statmath.records import Figure, Finding
from kpcs.statmath.tests.helpers import fig

D = Decimal


def summary(findings: list[Finding]) -> list[tuple[str, str, str, str | int | None]]:
    return [(f["code"], f["participant"], f["period"], f["params"].get("measure")) for f in findings]


PRODUCTION = [
    fig("BW", "2006-H2", "production", "1000", "100000"),
    fig("BW", "2007-H1", "production", "1600", "110000"),  # carats +60 %, US$ +10 %
    fig("BW", "2007-H2", "production", "800", "40000"),  # carats -50 % (not beyond), US$ -63.64 %
]


def test_swings_beyond_threshold() -> None:
    findings = swings(PRODUCTION, threshold_pct=D(50))
    assert summary(findings) == [
        ("swing", "BW", "2007-H1", "carats"),
        ("swing", "BW", "2007-H2", "usd"),
    ]
    assert findings[0]["params"] == {
        "flow": "production",
        "measure": "carats",
        "previous_period": "2006-H2",
        "previous": "1000.00",
        "current": "1600.00",
        "change_pct": "60.00",
        "threshold_pct": "50.00",
    }
    assert findings[1]["params"]["change_pct"] == "-63.64"
    assert "Data Anomaly Questionnaire" in findings[0]["message"]


def test_swings_lower_threshold_catches_more() -> None:
    assert len(swings(PRODUCTION, threshold_pct=D(5))) == 4


def test_swing_from_zero_and_breakdown_rows_summed() -> None:
    records = [
        fig("ZA", "2007-Q1", "export", "0", "0", partner="EU"),
        fig("ZA", "2007-Q2", "export", "300", "3000", partner="EU"),
        fig("ZA", "2007-Q2", "export", "200", "2000", partner="AE"),
    ]
    findings = swings(records)
    assert summary(findings) == [
        ("swing_from_zero", "ZA", "2007-Q2", "carats"),
        ("swing_from_zero", "ZA", "2007-Q2", "usd"),
    ]
    assert findings[0]["params"]["current"] == "500.00"


def test_small_figures_are_ignored() -> None:
    records = [fig("CA", "2007-Q1", "import", "10", "100"), fig("CA", "2007-Q2", "import", "30", "300")]
    assert len(swings(records)) == 2
    assert swings(records, min_carats=D(100), min_usd=D(1000)) == []


def test_compare_with_same_period_last_year() -> None:
    records = [
        fig("BW", "2006-Q4", "export", "400", "4000"),
        fig("BW", "2007-Q3", "export", "100", "1000"),
        fig("BW", "2007-Q4", "export", "420", "4200"),
    ]
    # Q4 against Q3: +320 %; Q3 has no Q2 to compare with.
    assert [f["period"] for f in swings(records)] == ["2007-Q4", "2007-Q4"]
    assert swings(records, compare_with="last_year") == []


def _uv(
    participant: str, period: str, unit_value: str, *, flow: str = "export", origin: str = "BW"
) -> Figure:
    return fig(participant, period, flow, "100", str(D(unit_value) * 100), hs_code="710231", origin=origin)  # type: ignore[arg-type]


def test_unit_value_against_own_history() -> None:
    records = [
        _uv("BW", "2006-Q1", "100"),
        _uv("BW", "2006-Q2", "102"),
        _uv("BW", "2006-Q3", "98"),
        _uv("BW", "2006-Q4", "101"),
        _uv("BW", "2007-Q1", "60"),  # median 100.50, MAD 1: far out
        _uv("BW", "2007-Q2", "110"),  # 10 % from the median: fine
    ]
    findings = unit_value_outliers(records)
    assert [(f["code"], f["period"]) for f in findings] == [("unit_value_vs_history", "2007-Q1")]
    assert findings[0]["params"] == {
        "flow": "export",
        "hs_code": "7102.31",
        "origin": "BW",
        "usd_per_carat": "60.00",
        "median": "100.50",
        "deviation_pct": "-40.30",
        "history": 4,
    }


def test_unit_value_history_needs_enough_periods() -> None:
    records = [_uv("BW", "2006-Q3", "100"), _uv("BW", "2006-Q4", "100"), _uv("BW", "2007-Q1", "10")]
    assert unit_value_outliers(records) == []
    assert len(unit_value_outliers(records, min_history=2)) == 1


def test_unit_value_with_flat_history_uses_the_percentage_alone() -> None:
    history = [_uv("BW", p, "100") for p in ("2006-Q1", "2006-Q2", "2006-Q3")]
    assert len(unit_value_outliers([*history, _uv("BW", "2006-Q4", "130")])) == 1
    assert unit_value_outliers([*history, _uv("BW", "2006-Q4", "120")]) == []


def test_unit_value_in_a_noisy_history_is_not_an_outlier() -> None:
    records = [
        _uv("BW", p, v)
        for p, v in (
            ("2006-Q1", "50"),
            ("2006-Q2", "100"),
            ("2006-Q3", "150"),
            ("2006-Q4", "200"),
            ("2007-Q1", "170"),
        )
    ]
    # 36 % above the median of 125, but the MAD is 50: modified z = 0.61.
    assert unit_value_outliers(records) == []


def test_unit_value_against_peers() -> None:
    values = {"BW": "100", "ZA": "105", "RU": "95", "CA": "102", "AE": "30"}
    records = [_uv(code, "2007-Q1", v, flow="import", origin="AO") for code, v in values.items()]
    records.append(fig("EU", "2007-Q1", "import", "100", "100", origin="AO"))  # no HS code: not a peer
    findings = unit_value_outliers(records)
    assert [(f["code"], f["participant"]) for f in findings] == [("unit_value_vs_peers", "AE")]
    assert findings[0]["params"]["median"] == "101.00"
    assert findings[0]["params"]["peers"] == 4
    assert unit_value_outliers(records, min_peers=5) == []


def test_republic_of_congo_exports_cannot_be_explained() -> None:
    production = {"CG": D("55000"), "BW": D("31000000")}
    imports = {"AE": D("10000000")}
    exports = {"CG": D("5200000"), "BW": D("30000000"), "AE": D("10500000")}
    findings = unexplained_exports(2003, production, imports, exports)
    assert [(f["code"], f["participant"], f["period"]) for f in findings] == [
        ("unexplained_exports", "CG", "2003")
    ]
    assert findings[0]["params"] == {
        "exports": "5200000.00",
        "production": "55000.00",
        "imports": "0.00",
        "opening_stock": "0.00",
        "available": "55000.00",
        "excess": "5145000.00",
        "excess_pct": "9354.55",
        "tolerance_pct": "10.00",
    }


def test_hub_within_tolerance_and_opening_stock_allowance() -> None:
    imports, exports = {"AE": D("10000000")}, {"AE": D("10500000")}
    assert unexplained_exports(2007, {}, imports, exports) == []  # 5 % over, within 10 %
    assert len(unexplained_exports(2007, {}, imports, exports, tolerance_pct=D(0))) == 1
    assert unexplained_exports(2007, {}, imports, exports, D(0), opening_stock={"AE": D("600000")}) == []


def test_exports_with_nothing_available() -> None:
    [found] = unexplained_exports(2007, {}, {}, {"LR": D("10")})
    assert found["params"]["excess_pct"] is None


def test_certificate_counts() -> None:
    q1 = parse_period("2007-Q1")
    reported = {("BW", q1, "export"): 12, ("ZA", "2007-Q1", "import"): None, ("RU", "2007-Q1", "export"): 5}
    counted = {
        ("BW", "2007-Q1", "export"): 12,
        ("ZA", q1, "import"): 7,
        ("RU", "2007-Q1", "export"): 4,
        ("CA", "2007-Q1", "import"): 3,
    }
    findings = certificate_count_mismatch(reported, counted)  # type: ignore[arg-type]
    assert [(f["code"], f["participant"], f["params"]) for f in findings] == [
        ("certificate_count_not_reported", "CA", {"flow": "import", "counted": 3}),
        (
            "certificate_count_mismatch",
            "RU",
            {"flow": "export", "reported": 5, "counted": 4, "difference": 1},
        ),
        ("certificate_count_not_reported", "ZA", {"flow": "import", "counted": 7}),
    ]
    lenient = certificate_count_mismatch(reported, counted, tolerance=1)  # type: ignore[arg-type]
    assert [f["participant"] for f in lenient] == ["CA", "ZA"]


def test_reported_count_without_recorded_certificates() -> None:
    [found] = certificate_count_mismatch({("LR", "2007-Q1", "export"): 2}, {})
    assert found["params"] == {"flow": "export", "reported": 2, "counted": 0, "difference": 2}
