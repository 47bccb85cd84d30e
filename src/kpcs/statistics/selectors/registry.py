"""What the statistics need from the participant registry, as plain data for ``kpcs.statmath``."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

import pycountry

from kpcs.participants.models import HSCode, Participant, StatusEvent
from kpcs.participants.status import PARTICIPANT_STATES, STATE_AFTER
from kpcs.statmath.periods import Interval, Period, overlaps
from kpcs.statmath.records import default_hs_in_scope
from kpcs.statmath.rows import RowContext, looks_like_alpha2

Memberships = dict[str, list[Interval]]


def membership_intervals() -> Memberships:
    """Participant code -> the intervals during which it was a participant (first day, last day or None).

    A suspended participant is still a participant (it still owes its statistics). One query.
    """
    intervals: Memberships = defaultdict(list)
    started: dict[str, dt.date] = {}
    events = StatusEvent.objects.order_by("participant__code", "date", "id").values_list(
        "participant__code", "date", "kind")
    for code, day, kind in events:
        member = STATE_AFTER.get(kind) in PARTICIPANT_STATES
        if member and code not in started:
            started[code] = day
        elif not member and code in started:
            first = started.pop(code)
            if day > first:
                intervals[code].append((first, day - dt.timedelta(days=1)))
    for code, first in started.items():
        intervals[code].append((first, None))
    return dict(intervals)


def participants_during(period: Period, memberships: Memberships | None = None) -> list[str]:
    """Codes of everyone who was a participant on at least one day of ``period``, sorted."""
    memberships = membership_intervals() if memberships is None else memberships
    return sorted(code for code, spans in memberships.items() if any(overlaps(i, period) for i in spans))


def participant_names(codes: Iterable[str] | None = None) -> dict[str, str]:
    """Code -> name in the active language."""
    qs = Participant.objects.all() if codes is None else Participant.objects.filter(code__in=list(codes))
    return {p.code: p.name for p in qs}


def _hs_scope() -> dict[str, bool]:
    return {code.replace(".", ""): in_scope for code, in_scope in HSCode.objects.values_list("code", "in_scope")
            if code.replace(".", "").isdigit()}


def _is_country(code: str) -> bool:
    return looks_like_alpha2(code) and pycountry.countries.get(alpha_2=code) is not None


def row_context(memberships: Memberships | None = None) -> RowContext:
    """The registry as :class:`kpcs.statmath.rows.RowContext`: who is a participant when, which HS codes
    are rough diamonds (the HS code table first, the statmath defaults for codes it lacks)."""
    memberships = membership_intervals() if memberships is None else memberships
    known = set(Participant.objects.values_list("code", flat=True))
    scope = _hs_scope()

    def hs_in_scope(code: str) -> bool | None:
        if code in scope and len(code) == 6:
            return scope[code]
        return default_hs_in_scope(code)

    return RowContext(
        is_known_participant=lambda code: code in known,
        was_participant=lambda code, period: any(overlaps(i, period) for i in memberships.get(code, ())),
        hs_in_scope=hs_in_scope,
        is_known_country=_is_country,
    )
