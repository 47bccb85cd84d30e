import json
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kpcs.statmath.periods import parse_period
from kpcs.statmath.records import Figure
from kpcs.statmath.summary import annual_carats, annual_figure, build_summary, partial_figures, share_of_world
from kpcs.statmath.tests.helpers import fig

D = Decimal

RECORDS = [
    # BW: an annual production figure wins over halves given beside it.
    fig("BW", "2007", "production", "1000.00", "100000.00"),
    fig("BW", "2007-H1", "production", "400", "1"),
    fig("BW", "2006", "production", "999", "999"),  # another year: ignored
    # ZA: only the first half of production.
    fig("ZA", "2007-H1", "production", "300.00", "3000.00"),
    # BW exports by quarter, split by partner in Q4; one quarter without a certificate count.
    fig("BW", "2007-Q1", "export", "100", "1000", certificates=3, partner="EU"),
    fig("BW", "2007-Q2", "export", "100", "1000", certificates=4, partner="EU"),
    fig("BW", "2007-Q3", "export", "100", "1000", partner="EU"),
    fig("BW", "2007-Q4", "export", "60.25", "600", certificates=5, partner="EU"),
    fig("BW", "2007-Q4", "export", "40", "400", partner="ZA"),
    # ZA imports for the year, no certificate count.
    fig("ZA", "2007", "import", "200", "2000", partner="BW"),
    # AE reported zero exports: no US$/carat.
    fig("AE", "2007", "export", "0", "0", certificates=0),
]
EMPTY = {"carats": None, "usd": None, "usd_per_carat": None, "certificates": None}


def test_summary_contract_hand_computed() -> None:
    summary = build_summary(2007, RECORDS, ["ZA", "BW", "CA", "AE"])
    assert summary == {
        "year": 2007,
        "world": {
            # 1000 + 300 ct; 103000 / 1300 = 79.2307... -> 79.23
            "production": {
                "carats": "1300.00",
                "usd": "103000.00",
                "usd_per_carat": "79.23",
                "certificates": None,
            },
            # 400.25 + 0 ct; 4000 / 400.25 = 9.9937... -> 9.99; 12 + 0 certificates
            "exports": {"carats": "400.25", "usd": "4000.00", "usd_per_carat": "9.99", "certificates": 12},
            "imports": {"carats": "200.00", "usd": "2000.00", "usd_per_carat": "10.00", "certificates": None},
        },
        "participants": [
            {
                "code": "AE",
                "production": EMPTY,
                "exports": {"carats": "0.00", "usd": "0.00", "usd_per_carat": None, "certificates": 0},
                "imports": EMPTY,
            },
            {
                "code": "BW",
                "production": {
                    "carats": "1000.00",
                    "usd": "100000.00",
                    "usd_per_carat": "100.00",
                    "certificates": None,
                },
                "exports": {
                    "carats": "400.25",
                    "usd": "4000.00",
                    "usd_per_carat": "9.99",
                    "certificates": 12,
                },
                "imports": EMPTY,
            },
            {"code": "CA", "production": EMPTY, "exports": EMPTY, "imports": EMPTY},
            {
                "code": "ZA",
                "production": {
                    "carats": "300.00",
                    "usd": "3000.00",
                    "usd_per_carat": "10.00",
                    "certificates": None,
                },
                "exports": EMPTY,
                "imports": {
                    "carats": "200.00",
                    "usd": "2000.00",
                    "usd_per_carat": "10.00",
                    "certificates": None,
                },
            },
        ],
    }
    json.dumps(summary)  # JSON-ready as it stands


def test_participants_who_reported_are_listed_even_if_not_passed() -> None:
    summary = build_summary(2007, RECORDS, [])
    assert [p["code"] for p in summary["participants"]] == ["AE", "BW", "ZA"]  # type: ignore[index]


def test_usd_per_carat_rounds_half_up() -> None:
    records = [
        fig("BW", "2007", "production", "200", "1"),  # 0.005 -> 0.01
        fig("ZA", "2007", "production", "8", "1"),  # 0.125 -> 0.13
        fig("RU", "2007", "production", "1000", "2675"),  # 2.675 -> 2.68
        fig("CA", "2007", "production", "3", "0.02"),  # 0.00666 -> 0.01
        fig("AE", "2007", "production", "1000", "4"),  # 0.004 -> 0.00
    ]
    rows = build_summary(2007, records, [])["participants"]
    assert [(r["code"], r["production"]["usd_per_carat"]) for r in rows] == [  # type: ignore[index,union-attr]
        ("AE", "0.00"),
        ("BW", "0.01"),
        ("CA", "0.01"),
        ("RU", "2.68"),
        ("ZA", "0.13"),
    ]


def test_amounts_with_more_decimals_round_half_up() -> None:
    records = [fig("BW", "2007", "export", "0.005", "2.675"), fig("BW", "2007", "import", "1.115", "0.004")]
    row = build_summary(2007, records, [])["participants"][0]  # type: ignore[index]
    assert row["exports"]["carats"] == "0.01"
    assert row["exports"]["usd"] == "2.68"
    assert row["imports"]["carats"] == "1.12"
    assert row["imports"]["usd"] == "0.00"


def test_annual_figure_from_the_year() -> None:
    figure = annual_figure(RECORDS, participant="BW", year=2007, flow="production")
    assert figure is not None
    assert (figure.carats, figure.source, figure.partial, figure.missing) == (D("1000.00"), "year", False, ())


def test_annual_figure_from_partial_halves() -> None:
    figure = annual_figure(RECORDS, participant="ZA", year=2007, flow="production")
    assert figure is not None
    assert figure.source == "parts"
    assert figure.partial
    assert figure.missing == (parse_period("2007-H2"),)


def test_annual_figure_from_all_quarters_is_complete() -> None:
    figure = annual_figure(RECORDS, participant="BW", year=2007, flow="export")
    assert figure is not None
    assert (figure.carats, figure.usd, figure.certificates) == (D("400.25"), D("4000"), 12)
    assert not figure.partial


def test_annual_figure_names_missing_quarters() -> None:
    records = [fig("RU", "2007-Q1", "export", "1", "1"), fig("RU", "2007-Q3", "export", "1", "1")]
    figure = annual_figure(records, participant="RU", year=2007, flow="export")
    assert figure is not None
    assert [str(p) for p in figure.missing] == ["2007-Q2", "2007-Q4"]
    assert figure.carats == 2


def test_nothing_reported_is_none() -> None:
    assert annual_figure(RECORDS, participant="CA", year=2007, flow="production") is None
    assert annual_figure(RECORDS, participant="BW", year=2008, flow="production") is None


def test_partial_figures_notes() -> None:
    notes = partial_figures(2007, RECORDS, ["CA"])
    assert [(n["code"], n["participant"], n["params"]["flow"], n["params"]["missing"]) for n in notes] == [
        ("summary_partial", "ZA", "production", "2007-H2")
    ]
    assert "2007-H2 is missing" in notes[0]["message"]


def test_annual_carats() -> None:
    assert annual_carats(2007, RECORDS, "production") == {"BW": D("1000.00"), "ZA": D("300.00")}


def test_share_of_world() -> None:
    assert share_of_world(D("1000"), D("1300")) == D("76.92")
    assert share_of_world(D("1"), D("8")) == D("12.50")
    assert share_of_world(D("1"), D("20000")) == D("0.01")  # 0.005 % -> 0.01
    assert share_of_world(D("1"), D("0")) is None
    assert share_of_world(None, D("1")) is None


_codes = st.sampled_from(["BW", "ZA", "RU", "EU"])
_periods = st.sampled_from(["2007", "2007-H1", "2007-H2", "2007-Q1", "2007-Q2", "2007-Q3", "2007-Q4", "2006"])
_amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
_records = st.lists(
    st.builds(
        lambda code, period, flow, carats, usd: fig(code, period, flow, carats, usd),
        _codes,
        _periods,
        st.sampled_from(["production", "export", "import"]),
        _amounts,
        _amounts,
    ),
    max_size=30,
)


@given(_records)
def test_world_is_the_sum_of_participants(records: list[Figure]) -> None:
    summary = build_summary(2007, records, [])
    for key in ("production", "exports", "imports"):
        values = [p[key]["carats"] for p in summary["participants"] if p[key]["carats"] is not None]  # type: ignore[index]
        world = summary["world"][key]["carats"]  # type: ignore[index]
        assert world == (str(sum((D(v) for v in values), D(0)).quantize(D("0.01"))) if values else None)
