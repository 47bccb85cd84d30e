"""Current figures (the newest vintage of every report) as plain statmath records, and vintages."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.db.models import Count, QuerySet, Sum

from kpcs.statistics.models import Figure as FigureRow
from kpcs.statistics.models import ReportVintage
from kpcs.statmath.periods import parse_period
from kpcs.statmath.records import Figure


def _current(years: Iterable[int], participant: str | None, flows: Iterable[str] | None) -> QuerySet[FigureRow]:
    qs = FigureRow.objects.filter(vintage__current=True, vintage__year__in=list(years))
    if participant:
        qs = qs.filter(vintage__participant__code=participant)
    if flows is not None:
        qs = qs.filter(vintage__flow__in=list(flows))
    return qs


def current_records(*, years: Iterable[int], participant: str | None = None) -> list[Figure]:
    """One record per participant, period and flow: the sum of the current vintage's rows. One query.

    ``certificates`` is None when no row of the report gave a count.
    """
    rows = _current(years, participant, None).values_list(
        "vintage__participant__code", "vintage__period", "vintage__flow").annotate(
        carats=Sum("carats"), usd=Sum("usd"), certificates=Sum("certificates")).order_by()
    return [Figure(code, parse_period(period), flow, Decimal(carats), Decimal(usd),
                   None if certificates is None else int(certificates))
            for code, period, flow, carats, usd, certificates in rows]


def current_observations(*, years: Iterable[int], participant: str | None = None,
                         flows: Iterable[str] | None = None, with_partner: bool = False) -> list[Figure]:
    """Current figures with their breakdown (partner, HS code, origin), mining types summed. One query.

    National detail: confidential to the participant and the WGS.
    """
    qs = _current(years, participant, flows)
    if with_partner:
        qs = qs.filter(partner__isnull=False)
    rows = qs.values_list("vintage__participant__code", "vintage__period", "vintage__flow", "partner__code",
                          "hs_code", "origin").annotate(
        carats=Sum("carats"), usd=Sum("usd"), certificates=Sum("certificates")).order_by()
    return [Figure(code, parse_period(period), flow, Decimal(carats), Decimal(usd),
                   None if certificates is None else int(certificates), partner or None, hs or None, origin or None)
            for code, period, flow, partner, hs, origin, carats, usd, certificates in rows]


def years_with_data() -> list[int]:
    """Years with at least one current report, newest first."""
    return sorted(ReportVintage.objects.filter(current=True).order_by().values_list("year", flat=True).distinct(),
                  reverse=True)


def vintage_list(*, participant: str, year: int | None = None) -> QuerySet[ReportVintage]:
    """Every vintage of a participant's reports (current and superseded), with row counts and totals."""
    qs = ReportVintage.objects.filter(participant__code=participant)
    if year is not None:
        qs = qs.filter(year=year)
    return qs.select_related("submission", "submission__submitted_by").annotate(
        n_rows=Count("figures"), carats=Sum("figures__carats"), usd=Sum("figures__usd")).order_by(
        "year", "period", "flow", "-number")


def vintage_figures(*, vintage_id: int) -> QuerySet[FigureRow]:
    return FigureRow.objects.filter(vintage_id=vintage_id).select_related("partner").order_by("row")
