from decimal import Decimal

from kpcs.statmath.mirror import MirrorRow, MirrorRules, mirror
from kpcs.statmath.records import Figure
from kpcs.statmath.tests.helpers import fig


def exp(a: str, b: str, period: str, carats: str, usd: str, hs: str | None = None) -> Figure:
    return fig(a, period, "export", carats, usd, partner=b, hs_code=hs)


def imp(
    b: str, a: str, period: str, carats: str, usd: str, hs: str | None = None, origin: str | None = None
) -> Figure:
    return fig(b, period, "import", carats, usd, partner=a, hs_code=hs, origin=origin)


def causes(rows: list[MirrorRow]) -> list[tuple[str, str, str, str]]:
    return [(r["exporter"], r["importer"], r["period"], r["cause"]) for r in rows]


def test_consistent_within_tolerance() -> None:
    [row] = mirror([exp("BW", "EU", "2007-Q1", "100", "1000"), imp("EU", "BW", "2007-Q1", "101", "1010")])
    assert row["cause"] == "consistent"
    assert row["carats"] == {"exporter": "100.00", "importer": "101.00", "gap": "1.00", "gap_pct": "1.00"}
    assert row["usd"]["gap"] == "10.00"
    assert "agree" in row["message"]


def test_missing_report() -> None:
    rows = mirror([exp("BW", "ZA", "2007-Q1", "50", "500"), imp("EU", "RU", "2007-Q2", "7", "70")])
    assert causes(rows) == [
        ("BW", "ZA", "2007-Q1", "missing_report"),
        ("RU", "EU", "2007-Q2", "missing_report"),
    ]
    assert rows[0]["params"]["reporter"] == "BW"
    assert rows[0]["params"]["silent"] == "ZA"
    assert rows[1]["params"]["reporter"] == "EU"
    assert rows[0]["carats"] == {"exporter": "50.00", "importer": None, "gap": None, "gap_pct": None}
    assert "Only BW reported" in rows[0]["message"]


def test_timing_gap_offset_by_the_next_period() -> None:
    rows = mirror(
        [
            exp("BW", "AE", "2006-Q4", "100", "1000"),
            imp("AE", "BW", "2006-Q4", "60", "600"),
            exp("BW", "AE", "2007-Q1", "50", "500"),
            imp("AE", "BW", "2007-Q1", "90", "900"),
        ]
    )
    assert causes(rows) == [("BW", "AE", "2006-Q4", "timing"), ("BW", "AE", "2007-Q1", "timing")]
    assert rows[0]["params"]["adjacent_period"] == "2007-Q1"
    assert rows[1]["params"]["adjacent_period"] == "2006-Q4"
    assert rows[0]["carats"]["gap_pct"] == "-40.00"


def test_timing_when_each_side_reported_in_a_different_quarter() -> None:
    rows = mirror([exp("RU", "EU", "2006-Q4", "100", "1000"), imp("EU", "RU", "2007-Q1", "100", "1000")])
    assert [r["cause"] for r in rows] == ["timing", "timing"]


def test_gaps_that_do_not_offset_are_not_timing() -> None:
    rows = mirror(
        [
            exp("BW", "AE", "2006-Q4", "100", "1000"),
            imp("AE", "BW", "2006-Q4", "60", "600"),
            exp("BW", "AE", "2007-Q1", "50", "500"),
            imp("AE", "BW", "2007-Q1", "60", "600"),  # +10 against -40
        ]
    )
    assert [r["cause"] for r in rows] == ["unexplained", "unexplained"]


def test_valuation_basis() -> None:
    [row] = mirror([exp("ZA", "EU", "2007-Q1", "200", "10000"), imp("EU", "ZA", "2007-Q1", "200", "10800")])
    assert row["cause"] == "valuation_basis"
    assert row["usd"]["gap_pct"] == "8.00"
    assert "CIF" in row["message"]


def test_value_gap_beyond_valuation_margin_is_unexplained() -> None:
    [row] = mirror([exp("ZA", "EU", "2007-Q1", "200", "10000"), imp("EU", "ZA", "2007-Q1", "200", "13000")])
    assert row["cause"] == "unexplained"
    assert (
        mirror(
            [exp("ZA", "EU", "2007-Q1", "200", "10000"), imp("EU", "ZA", "2007-Q1", "200", "13000")],
            rules=MirrorRules(valuation_max_pct=Decimal(30)),
        )[0]["cause"]
        == "valuation_basis"
    )


def test_misclassification() -> None:
    records = [
        exp("CA", "EU", "2007-Q2", "70", "700", hs="710231"),
        exp("CA", "EU", "2007-Q2", "30", "300", hs="710221"),
        imp("EU", "CA", "2007-Q2", "100", "1000", hs="710221"),
    ]
    [row] = mirror(records)
    assert row["cause"] == "misclassification"
    assert row["params"]["detail"] == "7102.21: 30.00 / 100.00 ct; 7102.31: 70.00 / 0.00 ct"


def test_no_hs_breakdown_on_one_side_is_not_misclassification() -> None:
    records = [
        exp("CA", "EU", "2007-Q2", "70", "700", hs="710231"),
        exp("CA", "EU", "2007-Q2", "30", "300", hs="710221"),
        imp("EU", "CA", "2007-Q2", "100", "1000"),
    ]
    assert mirror(records)[0]["cause"] == "consistent"


def test_transit() -> None:
    [row] = mirror(
        [exp("AE", "ZA", "2007-Q1", "100", "1000"), imp("ZA", "AE", "2007-Q1", "300", "3000", origin="CD")]
    )
    assert row["cause"] == "transit"
    assert row["params"]["imported"] == "300.00"
    assert row["params"]["origins"] == "CD"
    assert row["carats"]["gap_pct"] == "200.00"


def test_moderate_excess_is_unexplained_not_transit() -> None:
    [row] = mirror([exp("AE", "ZA", "2007-Q1", "100", "1000"), imp("ZA", "AE", "2007-Q1", "130", "1300")])
    assert row["cause"] == "unexplained"
    assert "30.00%" in row["message"]


def test_annual_comparison_when_granularity_differs() -> None:
    records = [exp("BW", "EU", f"2007-Q{q}", "25", "250") for q in range(1, 5)]
    records.append(imp("EU", "BW", "2007", "100", "1000"))
    assert {r["cause"] for r in mirror(records)} == {"missing_report"}
    assert causes(mirror(records, annual=True)) == [("BW", "EU", "2007", "consistent")]


def test_rows_without_partner_and_production_are_ignored() -> None:
    records = [fig("BW", "2007-Q1", "export", "10", "10"), fig("BW", "2007-H1", "production", "10", "10")]
    assert mirror(records) == []
