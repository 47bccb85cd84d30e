"""Reporting periods: a year, a half-year or a quarter.

Text forms: ``2007``, ``2007-H1`` (``2007-S1``, the SDMX spelling, is accepted too) and ``2007-Q3``;
lower case and surrounding spaces are tolerated, :func:`str` always gives the canonical upper-case form.
KPCS Annex III: production is reported half-yearly, imports and exports quarterly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import total_ordering
from typing import Literal

PeriodKind = Literal["year", "half", "quarter"]
PERIOD_KINDS: tuple[PeriodKind, ...] = ("year", "half", "quarter")
MIN_YEAR = 1900
MAX_YEAR = 2999
DEFAULT_DAYS_AFTER_END = 60

_PARTS_PER_YEAR: dict[PeriodKind, int] = {"year": 1, "half": 2, "quarter": 4}
_MONTHS: dict[PeriodKind, int] = {"year": 12, "half": 6, "quarter": 3}
_LETTER: dict[PeriodKind, str] = {"half": "H", "quarter": "Q"}
_NEXT_LEVEL: dict[PeriodKind, PeriodKind] = {"year": "half", "half": "quarter"}
_KIND_OF_LETTER: dict[str, PeriodKind] = {"H": "half", "S": "half", "Q": "quarter"}
_PATTERN = re.compile(r"([0-9]{4})(?:-([HSQ])([0-9]))?", re.ASCII | re.IGNORECASE)


class PeriodError(ValueError):
    """The text is not a reporting period, or the fields do not make one."""


@total_ordering
@dataclass(frozen=True)
class Period:
    """One reporting period. ``index`` is 1 for a year, 1-2 for a half, 1-4 for a quarter.

    Periods sort by start date, then by end date (so 2007-Q1 < 2007-H1 < 2007 < 2007-Q2).
    """

    year: int
    kind: PeriodKind
    index: int = 1

    def __post_init__(self) -> None:
        if self.kind not in _PARTS_PER_YEAR:
            raise PeriodError(f"unknown period kind {self.kind!r}")
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise PeriodError(f"year {self.year} outside {MIN_YEAR}-{MAX_YEAR}")
        if not 1 <= self.index <= _PARTS_PER_YEAR[self.kind]:
            raise PeriodError(f"{self.kind} index {self.index} out of range")

    def __str__(self) -> str:
        if self.kind == "year":
            return f"{self.year:04d}"
        return f"{self.year:04d}-{_LETTER[self.kind]}{self.index}"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return (self.start, self.end) < (other.start, other.end)

    @property
    def start(self) -> date:
        """First day of the period."""
        return date(self.year, (self.index - 1) * _MONTHS[self.kind] + 1, 1)

    @property
    def end(self) -> date:
        """Last day of the period (inclusive)."""
        last_month = self.index * _MONTHS[self.kind]
        if last_month == 12:
            return date(self.year, 12, 31)
        return date(self.year, last_month + 1, 1) - timedelta(days=1)

    @property
    def year_period(self) -> Period:
        """The calendar year this period belongs to."""
        return Period(self.year, "year")

    def contains(self, other: Period) -> bool:
        """True when ``other`` lies entirely inside this period (a period contains itself)."""
        return self.start <= other.start and other.end <= self.end

    def children(self, kind: PeriodKind | None = None) -> tuple[Period, ...]:
        """The periods of ``kind`` inside this one; by default the next level down.

        A year's children are its halves (or its quarters with ``kind="quarter"``), a half's are its two
        quarters, a quarter has none.
        """
        target = kind if kind is not None else _NEXT_LEVEL.get(self.kind)
        if target is None or PERIOD_KINDS.index(target) <= PERIOD_KINDS.index(self.kind):
            return ()
        return tuple(p for p in periods_of_year(self.year, target) if self.contains(p))

    def shifted(self, steps: int) -> Period:
        """The period of the same kind ``steps`` periods later (earlier when negative)."""
        per_year = _PARTS_PER_YEAR[self.kind]
        position = self.year * per_year + (self.index - 1) + steps
        return Period(position // per_year, self.kind, position % per_year + 1)

    def next(self) -> Period:
        """The following period of the same kind (2007-Q4 -> 2008-Q1)."""
        return self.shifted(1)

    def previous(self) -> Period:
        """The preceding period of the same kind (2007-H1 -> 2006-H2)."""
        return self.shifted(-1)

    def same_period_last_year(self) -> Period:
        """The same half or quarter one year earlier."""
        return Period(self.year - 1, self.kind, self.index)


def parse_period(text: str) -> Period:
    """``"2007"``, ``"2007-H1"`` or ``"2007-Q3"`` as a :class:`Period`; raises :class:`PeriodError`."""
    if not isinstance(text, str):
        raise PeriodError(f"not a period: {text!r}")
    match = _PATTERN.fullmatch(text.strip())
    if match is None:
        raise PeriodError(f"not a period: {text!r}")
    year_text, letter, index_text = match.groups()
    if letter is None:
        return Period(int(year_text), "year")
    return Period(int(year_text), _KIND_OF_LETTER[letter.upper()], int(index_text))


def as_period(value: Period | str) -> Period:
    """Accept a :class:`Period` or its text form."""
    return value if isinstance(value, Period) else parse_period(value)


def periods_of_year(year: int, kind: PeriodKind) -> tuple[Period, ...]:
    """All periods of ``kind`` in ``year``, in order."""
    return tuple(Period(year, kind, index) for index in range(1, _PARTS_PER_YEAR[kind] + 1))


def periods_between(first: Period, last: Period, kind: PeriodKind) -> list[Period]:
    """Periods of ``kind`` lying entirely between the start of ``first`` and the end of ``last``."""
    return [
        period
        for year in range(first.year, last.year + 1)
        for period in periods_of_year(year, kind)
        if first.start <= period.start and period.end <= last.end
    ]


def quarter_of(day: date) -> Period:
    """The quarter containing ``day``."""
    return Period(day.year, "quarter", (day.month - 1) // 3 + 1)


def half_of(day: date) -> Period:
    """The half-year containing ``day``."""
    return Period(day.year, "half", 1 if day.month <= 6 else 2)


def due_date(period: Period, days_after_end: int = DEFAULT_DAYS_AFTER_END) -> date:
    """The day a report on ``period`` is due: ``days_after_end`` days after its last day.

    The 60-day default is this platform's choice (configurable); KPCS Annex III sets no fixed deadline.
    """
    return period.end + timedelta(days=days_after_end)


Interval = tuple[date, date | None]
"""A membership interval: first day, last day inclusive (``None`` while it lasts)."""


def overlaps(interval: Interval, period: Period) -> bool:
    """True when the interval shares at least one day with the period."""
    first, last = interval
    return first <= period.end and (last is None or last >= period.start)
