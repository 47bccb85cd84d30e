"""The reporting calendar and whether each expected report came in on time.

KPCS Annex III: trade (exports and imports together) is reported quarterly, production half-yearly.
A report is due ``days_after_end`` days (default 60, configurable) after the period's last day. A
participant is expected to report on every period during which it was a participant for at least one
day, so a participant removed mid-quarter still owes that quarter's figures.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal, TypedDict

from kpcs.statmath.periods import (
    DEFAULT_DAYS_AFTER_END,
    Interval,
    Period,
    PeriodKind,
    as_period,
    due_date,
    overlaps,
    periods_between,
)
from kpcs.statmath.records import FlowGroup

Status = Literal["on_time", "late", "missing", "not_due"]
REPORTING_KIND: dict[FlowGroup, PeriodKind] = {"trade": "quarter", "production": "half"}


@dataclass(frozen=True)
class ExpectedSubmission:
    """One report a participant owes: who, which period, which flow group, by when."""

    participant: str
    period: Period
    flow_group: FlowGroup
    due: date


class Timeliness(TypedDict):
    """The status of one expected report. ``days_late``: 0 when on time or not yet due; for a missing
    report, the days overdue as of ``today``."""

    participant: str
    period: str
    flow_group: FlowGroup
    status: Status
    days_late: int
    due_date: str


def expected_submissions(
    memberships: Mapping[str, Sequence[Interval]],
    from_period: Period | str,
    to_period: Period | str,
    *,
    days_after_end: int = DEFAULT_DAYS_AFTER_END,
) -> list[ExpectedSubmission]:
    """Every report owed for reporting periods lying entirely within ``from_period`` .. ``to_period``.

    ``memberships`` maps a participant code to its membership intervals (first day, last day or None).
    Sorted by participant, then period, then flow group.
    """
    first, last = as_period(from_period), as_period(to_period)
    owed: list[ExpectedSubmission] = []
    for participant, intervals in memberships.items():
        for group, kind in REPORTING_KIND.items():
            for period in periods_between(first, last, kind):
                if any(overlaps(interval, period) for interval in intervals):
                    owed.append(
                        ExpectedSubmission(participant, period, group, due_date(period, days_after_end))
                    )
    owed.sort(key=lambda e: (e.participant, e.period, e.flow_group))
    return owed


def classify(
    expected: Iterable[ExpectedSubmission],
    received_dates: Mapping[tuple[str, Period | str, FlowGroup], date],
    today: date,
) -> list[Timeliness]:
    """Status of each expected report given the dates reports were received.

    ``received_dates`` is keyed by (participant, period, flow group); a report received on its due
    date is on time. An annual report covering several quarters counts for each of them only if the
    caller records it against each.
    """
    received = {
        (code, str(as_period(period)), group): day for (code, period, group), day in received_dates.items()
    }
    results: list[Timeliness] = []
    for item in expected:
        day = received.get((item.participant, str(item.period), item.flow_group))
        status: Status
        if day is not None:
            days_late = max(0, (day - item.due).days)
            status = "late" if days_late else "on_time"
        elif today > item.due:
            status, days_late = "missing", (today - item.due).days
        else:
            status, days_late = "not_due", 0
        results.append(
            {
                "participant": item.participant,
                "period": str(item.period),
                "flow_group": item.flow_group,
                "status": status,
                "days_late": days_late,
                "due_date": item.due.isoformat(),
            }
        )
    return results
