"""The WGS's cross-participant analyses: mirror statistics, valuation, and submitted-against-derived.

All of it is national detail (partner level): for the WGS and, restricted to itself, the participant.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import Count, DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce

from kpcs.certificates.models import Certificate
from kpcs.statistics.messages import translated
from kpcs.statistics.models import DerivedTrade
from kpcs.statistics.selectors.anomalies import certificates_since
from kpcs.statistics.selectors.figures import current_observations, current_records
from kpcs.statistics.services.derived import EXPORT_STATUSES
from kpcs.statmath import mirror, valuation
from kpcs.statmath.amounts import ZERO, fmt2, percent2, ratio2
from kpcs.statmath.periods import Period, parse_period
from kpcs.statmath.records import TRADE_FLOWS

_ZERO = Value(Decimal(0), output_field=DecimalField(max_digits=20, decimal_places=2))


def mirror_rows(*, year: int, annual: bool = False, participant: str | None = None) -> list[dict[str, Any]]:
    """A's exports to B beside B's imports from A for every pair and period of ``year`` (by quarter, or by
    year with ``annual``), with the gap and its likely cause, translated. One query.

    The neighbouring years are read too, so a shipment crossing the year end is recognised as timing.
    """
    observations = current_observations(years=[year - 1, year, year + 1], flows=TRADE_FLOWS, with_partner=True)
    rows = [translated(r) for r in mirror.mirror(observations, annual=annual) if parse_period(r["period"]).year == year]
    if participant:
        rows = [r for r in rows if participant in (r["exporter"], r["importer"])]
    return rows


def declared_vs_confirmed(*, year: int, participant: str | None = None) -> list[dict[str, Any]]:
    """Exporter-declared against importer-confirmed value and carats on the same certificates, per pair,
    for certificates issued in ``year``. One aggregate query over the certificates."""
    qs = Certificate.objects.filter(status__in=EXPORT_STATUSES, issue_date__year=year)
    if participant:
        qs = qs.filter(Q(exporting_participant__code=participant) | Q(importing_participant__code=participant))
    confirmed = Q(status="confirmed")
    rows = qs.values_list("exporting_participant__code", "importing_participant__code").annotate(
        n=Count("id"), n_confirmed=Count("id", filter=confirmed),
        declared_usd=Coalesce(Sum("total_usd", filter=confirmed), _ZERO),
        confirmed_usd=Coalesce(Sum("confirmation__usd", filter=confirmed), _ZERO),
        declared_carats=Coalesce(Sum("total_carats", filter=confirmed), _ZERO),
        confirmed_carats=Coalesce(Sum("confirmation__carats", filter=confirmed), _ZERO),
        unconfirmed_usd=Coalesce(Sum("total_usd", filter=~confirmed), _ZERO),
    ).order_by("exporting_participant__code", "importing_participant__code")
    out = []
    for exporter, importer, n, n_conf, d_usd, c_usd, d_ct, c_ct, unconfirmed in rows:
        out.append({
            "exporter": exporter, "importer": importer, "certificates": n, "confirmed": n_conf,
            "declared_usd": fmt2(d_usd), "confirmed_usd": fmt2(c_usd), "difference": fmt2(c_usd - d_usd),
            "difference_pct": fmt2(percent2(c_usd - d_usd, d_usd)),
            "declared_carats": fmt2(d_ct), "confirmed_carats": fmt2(c_ct),
            "declared_usd_per_carat": fmt2(ratio2(d_usd, d_ct)), "confirmed_usd_per_carat": fmt2(ratio2(c_usd, c_ct)),
            "unconfirmed_declared_usd": fmt2(unconfirmed)})
    return out


def unit_value_spread(*, year: int) -> list[valuation.UnitValueSpread]:
    """US$/carat across participants for each flow, period, HS code and origin of ``year``."""
    return valuation.unit_value_spread(current_observations(years=[year]))


def unit_values(*, year: int, participant: str | None = None) -> list[valuation.UnitValue]:
    """US$/carat by participant, flow, period, HS code and origin."""
    return valuation.unit_values(current_observations(years=[year], participant=participant))


def reconciliation(*, year: int, participant: str | None = None) -> list[dict[str, Any]]:
    """Submitted trade beside trade derived from certificates, per participant, flow and submitted period
    (quarters the participant did not report appear with the derived side only). Two queries.

    ``partial`` marks periods that began before certificates were recorded on the platform.
    """
    since = certificates_since()
    submitted = {(r.participant, r.period, r.flow): r for r in current_records(years=[year], participant=participant)
                 if r.flow in TRADE_FLOWS}
    qs = DerivedTrade.objects.filter(year=year)
    if participant:
        qs = qs.filter(participant__code=participant)
    derived: dict[tuple[str, int, str], list[Any]] = defaultdict(lambda: [ZERO, ZERO, 0])
    for code, quarter, flow, carats, usd, n in qs.values_list("participant__code", "quarter", "flow").annotate(
            carats=Sum("carats"), usd=Sum("usd"), n=Sum("certificates")).order_by():
        derived[(code, quarter, flow)] = [carats, usd, n]
    keys = set(submitted)
    annual = {(code, flow) for code, period, flow in submitted if period.kind == "year"}
    for code, quarter, flow in derived:
        if (code, flow) not in annual:
            keys.add((code, Period(year, "quarter", quarter), flow))
    rows = []
    for code, period, flow in sorted(keys):
        quarters = [period] if period.kind == "quarter" else list(period.children("quarter"))
        d = [ZERO, ZERO, 0]
        for q in quarters:
            cell = derived.get((code, q.index, flow))
            if cell:
                d = [d[0] + cell[0], d[1] + cell[1], d[2] + cell[2]]
        s = submitted.get((code, period, flow))
        rows.append({
            "participant": code, "period": str(period), "flow": flow,
            "submitted": None if s is None else {"carats": fmt2(s.carats), "usd": fmt2(s.usd),
                                                 "certificates": s.certificates},
            "derived": {"carats": fmt2(d[0]), "usd": fmt2(d[1]), "certificates": d[2]},
            "carats_gap_pct": None if s is None else fmt2(percent2(s.carats - d[0], d[0])),
            "usd_gap_pct": None if s is None else fmt2(percent2(s.usd - d[1], d[1])),
            "partial": since is None or period.start < since,
        })
    return rows
