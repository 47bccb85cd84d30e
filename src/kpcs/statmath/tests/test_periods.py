import itertools
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpcs.statmath.periods import (
    MAX_YEAR,
    MIN_YEAR,
    Period,
    PeriodError,
    due_date,
    half_of,
    overlaps,
    parse_period,
    periods_between,
    quarter_of,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2007", Period(2007, "year")),
        ("2007-H1", Period(2007, "half", 1)),
        ("2007-H2", Period(2007, "half", 2)),
        ("2007-Q3", Period(2007, "quarter", 3)),
        (" 2007-q4 ", Period(2007, "quarter", 4)),
        ("2007-h2", Period(2007, "half", 2)),
        ("2007-S1", Period(2007, "half", 1)),  # SDMX spelling of a semester
    ],
)
def test_parse(text: str, expected: Period) -> None:
    assert parse_period(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "07",
        "20071",
        "2007-",
        "2007-H0",
        "2007-H3",
        "2007-Q0",
        "2007-Q5",
        "2007-M1",
        "2007-Q1x",
        "2007 Q1",
        "2007-Q12",
        "\uff12\uff10\uff10\uff17",  # full-width digits: \d would accept them
        "1899",
        "3000",
        "2007/Q1",
        "Q1-2007",
    ],
)
def test_parse_rejects(text: str) -> None:
    with pytest.raises(PeriodError):
        parse_period(text)


def test_parse_rejects_non_string() -> None:
    with pytest.raises(PeriodError):
        parse_period(2007)  # type: ignore[arg-type]


@pytest.mark.parametrize(("kind", "index"), [("year", 2), ("half", 3), ("quarter", 0), ("month", 1)])
def test_bad_fields(kind: str, index: int) -> None:
    with pytest.raises(PeriodError):
        Period(2007, kind, index)  # type: ignore[arg-type]


periods = st.one_of(
    st.builds(Period, st.integers(MIN_YEAR, MAX_YEAR), st.just("year"), st.just(1)),
    st.builds(Period, st.integers(MIN_YEAR, MAX_YEAR), st.just("half"), st.integers(1, 2)),
    st.builds(Period, st.integers(MIN_YEAR, MAX_YEAR), st.just("quarter"), st.integers(1, 4)),
)


@given(periods)
def test_round_trip(period: Period) -> None:
    assert parse_period(str(period)) == period
    assert str(parse_period(str(period).lower())) == str(period)


@given(periods)
def test_children_tile_the_parent(period: Period) -> None:
    children = period.children()
    if period.kind == "quarter":
        assert children == ()
        return
    assert children[0].start == period.start
    assert children[-1].end == period.end
    for before, after in itertools.pairwise(children):
        assert (after.start - before.end).days == 1
    assert all(period.contains(child) for child in children)


@given(periods, st.integers(-20, 20))
def test_shift_round_trip(period: Period, steps: int) -> None:
    if not MIN_YEAR + 6 <= period.year <= MAX_YEAR - 6:
        return
    assert period.shifted(steps).shifted(-steps) == period


def test_dates() -> None:
    assert parse_period("2007").start == date(2007, 1, 1)
    assert parse_period("2007").end == date(2007, 12, 31)
    assert parse_period("2007-H1").end == date(2007, 6, 30)
    assert parse_period("2007-H2").start == date(2007, 7, 1)
    assert parse_period("2008-Q1").end == date(2008, 3, 31)
    assert parse_period("2007-Q4").start == date(2007, 10, 1)


def test_children_and_contains() -> None:
    year = parse_period("2007")
    assert [str(p) for p in year.children()] == ["2007-H1", "2007-H2"]
    assert [str(p) for p in year.children("quarter")] == ["2007-Q1", "2007-Q2", "2007-Q3", "2007-Q4"]
    assert [str(p) for p in parse_period("2007-H2").children()] == ["2007-Q3", "2007-Q4"]
    assert parse_period("2007-H1").children("year") == ()
    assert year.contains(parse_period("2007-Q3"))
    assert year.contains(year)
    assert not parse_period("2007-H1").contains(parse_period("2007-Q3"))
    assert not parse_period("2007-Q3").contains(year)
    assert parse_period("2007-Q3").year_period == year


def test_next_previous() -> None:
    assert str(parse_period("2007-Q4").next()) == "2008-Q1"
    assert str(parse_period("2007-H1").previous()) == "2006-H2"
    assert str(parse_period("2007").previous()) == "2006"
    assert str(parse_period("2007-Q2").same_period_last_year()) == "2006-Q2"


def test_ordering() -> None:
    texts = ["2007", "2007-Q2", "2006-H2", "2007-H1", "2007-Q1"]
    assert [str(p) for p in sorted(parse_period(t) for t in texts)] == [
        "2006-H2",
        "2007-Q1",
        "2007-H1",
        "2007",
        "2007-Q2",
    ]


def test_quarter_and_half_of() -> None:
    assert str(quarter_of(date(2004, 7, 9))) == "2004-Q3"
    assert str(quarter_of(date(2004, 12, 31))) == "2004-Q4"
    assert str(half_of(date(2004, 6, 30))) == "2004-H1"
    assert str(half_of(date(2004, 7, 1))) == "2004-H2"


def test_due_date() -> None:
    assert due_date(parse_period("2007-Q1")) == date(2007, 5, 30)
    assert due_date(parse_period("2007-H2")) == date(2008, 2, 29)  # leap year
    assert due_date(parse_period("2007-Q4"), days_after_end=15) == date(2008, 1, 15)


def test_periods_between() -> None:
    first, last = parse_period("2006-Q4"), parse_period("2007-H1")
    assert [str(p) for p in periods_between(first, last, "quarter")] == ["2006-Q4", "2007-Q1", "2007-Q2"]
    assert [str(p) for p in periods_between(first, last, "half")] == ["2007-H1"]


def test_overlaps() -> None:
    q3 = parse_period("2004-Q3")
    assert overlaps((date(2003, 1, 1), date(2004, 7, 9)), q3)
    assert not overlaps((date(2003, 1, 1), date(2004, 6, 30)), q3)
    assert overlaps((date(2004, 9, 30), None), q3)
    assert not overlaps((date(2004, 10, 1), None), q3)
