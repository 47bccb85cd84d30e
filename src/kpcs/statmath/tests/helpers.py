"""Small builders shared by the statmath tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kpcs.statmath.periods import Interval, parse_period
from kpcs.statmath.records import Figure, Flow
from kpcs.statmath.rows import RowContext, context_from_memberships

D = Decimal

MEMBERSHIPS: dict[str, list[Interval]] = {
    "BW": [(date(2003, 1, 1), None)],
    "BE": [(date(2003, 1, 1), date(2003, 12, 31))],  # a member state: covered by EU afterwards
    "EU": [(date(2003, 1, 1), None)],
    "ZA": [(date(2003, 1, 1), None)],
    "RU": [(date(2003, 1, 1), None)],
    "CG": [(date(2003, 1, 1), date(2004, 7, 9))],  # Republic of Congo, removed July 2004
    "AE": [(date(2003, 1, 1), None)],
    "CA": [(date(2003, 1, 1), None)],
}


def context() -> RowContext:
    return context_from_memberships(MEMBERSHIPS)


def fig(
    participant: str,
    period: str,
    flow: Flow,
    carats: str | int,
    usd: str | int,
    *,
    certificates: int | None = None,
    partner: str | None = None,
    hs_code: str | None = None,
    origin: str | None = None,
) -> Figure:
    return Figure(
        participant=participant,
        period=parse_period(period),
        flow=flow,
        carats=D(str(carats)),
        usd=D(str(usd)),
        certificates=certificates,
        partner=partner,
        hs_code=hs_code,
        origin=origin,
    )
