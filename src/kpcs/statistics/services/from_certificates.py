"""Deriving a submission from the certificates: what the 2004 plenary asked participants to do.

The trade figures of each participant for the ended quarters of a period are read from the
certificate-derived table and stored like any submission (source ``certificates``), so they get vintages,
count for timeliness and can be revised by an uploaded file later.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from django.utils.translation import gettext as _

from kpcs.accounts.actor import Actor
from kpcs.errors import DomainError
from kpcs.statistics.models import DerivedTrade
from kpcs.statistics.models.choices import Source
from kpcs.statistics.services.importing import Entry, ImportResult, allowed_participants, store_entries
from kpcs.statmath.periods import Period, PeriodError, as_period


def derived_entries(*, period: Period, participants: Collection[str] | None, today: dt.date) -> list[Entry]:
    """Figure rows (by partner and HS code) for every quarter of ``period`` that has ended by ``today``."""
    quarters = [q for q in ([period] if period.kind == "quarter" else period.children("quarter")) if q.end < today]
    if not quarters:
        return []
    qs = DerivedTrade.objects.filter(year=period.year, quarter__in=[q.index for q in quarters])
    if participants is not None:
        qs = qs.filter(participant__code__in=list(participants))
    rows = qs.values_list("participant__code", "flow", "partner__code", "quarter", "hs_code", "carats", "usd",
                          "certificates").order_by("participant__code", "quarter", "flow", "partner__code", "hs_code")
    return [Entry(code, Period(period.year, "quarter", quarter), flow, carats, usd, n, partner, hs, row=i)
            for i, (code, flow, partner, quarter, hs, carats, usd, n) in enumerate(rows, start=2)]


def submission_from_certificates(*, actor: Actor | None, period: Period | str, participant: str | None = None,
                                 received_on: dt.date | None = None, today: dt.date | None = None) -> ImportResult:
    """Submit the certificate-derived trade of ``participant`` (or, for the Secretariat, of everyone) for the
    ended quarters of ``period``. Idempotent like any import."""
    today = today or dt.date.today()
    allowed = allowed_participants(actor, participant)
    try:
        parsed = as_period(period)
    except PeriodError:
        raise DomainError(_("“%(value)s” is not a reporting period.") % {"value": period}, code="bad_period") from None
    entries = derived_entries(period=parsed, participants=allowed, today=today)
    return store_entries(actor=actor, entries=entries, source=Source.CERTIFICATES,
                         file_name=f"certificates {parsed}", received_on=received_on or today)
