"""Completeness and timeliness: for every participant and reporting period, on time, late or missing.

Trade is reported quarterly, production half-yearly; a report is due a configurable number of days
after its period (default 60). The date that counts is the day the first vintage of a report arrived:
revising figures later does not make a report late. An annual report counts for each of its quarters
(trade) or halves (production).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from kpcs.statistics.models import ComplianceReferral, ReportVintage
from kpcs.statistics.selectors.registry import Memberships, membership_intervals
from kpcs.statistics.selectors.settings import reporting_settings
from kpcs.statmath.periods import Period, parse_period
from kpcs.statmath.records import flow_group
from kpcs.statmath.timeliness import REPORTING_KIND, Timeliness, classify, expected_submissions

ReceivedKey = tuple[str, str, str]  # participant, reporting period, flow group


def _covered(period: Period, group: str) -> list[Period]:
    kind = REPORTING_KIND[group]  # type: ignore[index]
    return [period] if period.kind == kind else list(period.children(kind))


def received_dates(*, years: list[int]) -> dict[ReceivedKey, dt.date]:
    """When each report first arrived, keyed by the reporting period it covers. One query."""
    received: dict[ReceivedKey, dt.date] = {}
    rows = ReportVintage.objects.filter(number=1, year__in=years).values_list(
        "participant__code", "period", "flow", "received_on")
    for code, period_text, flow, day in rows:
        group = flow_group(flow)
        for covered in _covered(parse_period(period_text), group):
            key = (code, str(covered), group)
            if key not in received or day < received[key]:
                received[key] = day
    return received


def timeliness(*, year: int, today: dt.date | None = None, participant: str | None = None,
               memberships: Memberships | None = None) -> list[dict[str, Any]]:
    """Every report owed for ``year``: status (on_time, late, missing, not_due), days late, due and received
    dates, and whether it was referred to the Participation Committee. Three queries."""
    today = today or dt.date.today()
    settings = reporting_settings()
    memberships = membership_intervals() if memberships is None else memberships
    if participant:
        memberships = {participant: memberships.get(participant, [])}
    whole = Period(year, "year")
    expected = [e for e in expected_submissions(memberships, whole, whole, days_after_end=settings.trade_due_days)
                if e.flow_group == "trade"]
    expected += [e for e in expected_submissions(memberships, whole, whole,
                                                 days_after_end=settings.production_due_days)
                 if e.flow_group == "production"]
    expected.sort(key=lambda e: (e.participant, e.period, e.flow_group))
    received = received_dates(years=[year])
    referred = set(ComplianceReferral.objects.filter(period__startswith=str(year)).values_list(
        "participant__code", "period", "flow_group"))
    items: list[dict[str, Any]] = []
    result: Timeliness
    for result in classify(expected, received, today):
        key = (result["participant"], result["period"], result["flow_group"])
        day = received.get(key)
        items.append({**result, "received_on": day.isoformat() if day else None, "referred": key in referred})
    return items


def timeliness_counts(items: list[dict[str, Any]]) -> dict[str, int]:
    counts = Counter(item["status"] for item in items)
    return {status: counts.get(status, 0) for status in ("on_time", "late", "missing", "not_due")}


def timeliness_item(*, participant: str, period: str, flow_group: str, today: dt.date | None = None
                    ) -> dict[str, Any] | None:
    """The status of one expected report, or None when the participant owes no such report."""
    parsed = parse_period(period)
    for item in timeliness(year=parsed.year, today=today, participant=participant):
        if item["period"] == str(parsed) and item["flow_group"] == flow_group:
            return item
    return None
