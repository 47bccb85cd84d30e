"""Mirror statistics: A's reported exports to B beside B's reported imports from A, with a likely cause.

For every exporter A, importer B and period, :func:`mirror` compares carats and US$. The gap is
``importer's figure - exporter's figure``; the relative gap is that gap as a percentage of the
exporter's figure (the certificate is issued on the exporter's side, so it is the reference). The cause
is the first rule that fits, in this order (thresholds in :class:`MirrorRules`):

1. one side reported nothing for the pair: ``timing`` if rule 5 explains it, else ``missing_report``;
2. carats and US$ agree within ``agree_pct``: ``misclassification`` if both sides gave HS codes and
   some HS code disagrees in carats (the totals agree, the split does not), else ``consistent``;
3. carats agree but US$ do not: ``valuation_basis`` if the US$ gap is at most ``valuation_max_pct``
   (CIF against FOB, or different valuation methods), else ``unexplained``;
4. carats disagree: ``timing`` if rule 5 fits, else ``transit`` if the importer's carats exceed the
   exporter's by more than ``transit_min_pct`` (goods from elsewhere passing through A were attributed
   to A by B, which records provenance, while A, not the exporter, recorded nothing), else
   ``unexplained``;
5. timing: an adjacent period (previous or next of the same kind) for the same pair has a carats gap of
   the opposite sign that cancels this one to within ``timing_residual_pct`` of it (a shipment
   certified on 28 December arrives on 3 January). A side that reported nothing counts as 0 here.

Only records with a partner take part. Compare like with like: pass ``annual=True`` when one side
reports by quarter and the other by year.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, TypedDict

from kpcs.statmath.amounts import HUNDRED, ZERO, fmt2, percent2
from kpcs.statmath.messages import render
from kpcs.statmath.periods import Period
from kpcs.statmath.records import ObservationLike, hs_dotted

Cause = Literal[
    "consistent", "missing_report", "timing", "valuation_basis", "misclassification", "transit", "unexplained"
]
PairKey = tuple[str, str, Period]


@dataclass(frozen=True)
class MirrorRules:
    """Thresholds of the cause heuristics, in percent."""

    agree_pct: Decimal = Decimal(2)
    valuation_max_pct: Decimal = Decimal(15)
    transit_min_pct: Decimal = Decimal(50)
    timing_residual_pct: Decimal = Decimal(20)


class SideFigures(TypedDict):
    """One measure on both sides: decimal strings, ``None`` where missing or undefined."""

    exporter: str | None
    importer: str | None
    gap: str | None
    gap_pct: str | None


class MirrorRow(TypedDict):
    """One exporter-importer-period comparison."""

    exporter: str
    importer: str
    period: str
    carats: SideFigures
    usd: SideFigures
    cause: Cause
    params: dict[str, str | int | None]
    message: str


@dataclass
class _Side:
    carats: Decimal = ZERO
    usd: Decimal = ZERO
    by_hs: dict[str | None, Decimal] = field(default_factory=lambda: defaultdict(lambda: ZERO))
    origins: set[str] = field(default_factory=set)

    def add(self, record: ObservationLike) -> None:
        self.carats += record.carats
        self.usd += record.usd
        self.by_hs[record.hs_code] += record.carats
        if record.origin is not None:
            self.origins.add(record.origin)

    @property
    def hs_complete(self) -> bool:
        return None not in self.by_hs


def _agrees(exporter: Decimal, importer: Decimal, pct: Decimal) -> bool:
    if exporter == 0:
        return importer == 0
    return abs(importer - exporter) * HUNDRED <= pct * exporter


def _measure(exporter: Decimal | None, importer: Decimal | None) -> SideFigures:
    gap = importer - exporter if exporter is not None and importer is not None else None
    gap_pct = percent2(gap, exporter) if gap is not None and exporter is not None else None
    return {
        "exporter": fmt2(exporter),
        "importer": fmt2(importer),
        "gap": fmt2(gap),
        "gap_pct": fmt2(gap_pct),
    }


def _sides(
    records: Iterable[ObservationLike], annual: bool
) -> tuple[dict[PairKey, _Side], dict[PairKey, _Side]]:
    exported: dict[PairKey, _Side] = defaultdict(_Side)
    imported: dict[PairKey, _Side] = defaultdict(_Side)
    for record in records:
        if record.partner is None or record.flow == "production":
            continue
        period = record.period.year_period if annual else record.period
        if record.flow == "export":
            exported[(record.participant, record.partner, period)].add(record)
        else:
            imported[(record.partner, record.participant, period)].add(record)
    return exported, imported


def mirror(
    records: Iterable[ObservationLike], *, rules: MirrorRules | None = None, annual: bool = False
) -> list[MirrorRow]:
    """Compare every exporter-importer pair per period; sorted by period, exporter, importer."""
    rules = rules or MirrorRules()
    exported, imported = _sides(records, annual)

    def carats_gap(key: PairKey) -> tuple[Decimal, Decimal] | None:
        """(gap, exporter carats) with a missing side as 0; None when neither side reported."""
        if key not in exported and key not in imported:
            return None
        e = exported[key].carats if key in exported else ZERO
        i = imported[key].carats if key in imported else ZERO
        return i - e, e

    def timing(key: PairKey) -> Period | None:
        own = carats_gap(key)
        assert own is not None
        gap = own[0]
        if gap == 0:
            return None
        exporter, importer, period = key
        for adjacent in (period.previous(), period.next()):
            other = carats_gap((exporter, importer, adjacent))
            if other is None or other[0] == 0 or (other[0] > 0) == (gap > 0):
                continue
            if abs(gap + other[0]) * HUNDRED <= rules.timing_residual_pct * abs(gap):
                return adjacent
        return None

    rows: list[MirrorRow] = []
    for key in sorted(set(exported) | set(imported), key=lambda k: (k[2], k[0], k[1])):
        exporter, importer, period = key
        e_side, i_side = exported.get(key), imported.get(key)
        cause: Cause
        params: dict[str, str | int | None] = {}
        carats = _measure(e_side.carats if e_side else None, i_side.carats if i_side else None)
        usd = _measure(e_side.usd if e_side else None, i_side.usd if i_side else None)
        params["carats_gap_pct"] = carats["gap_pct"] or "n/a"
        params["usd_gap_pct"] = usd["gap_pct"] or "n/a"

        if e_side is None or i_side is None:
            adjacent = timing(key)
            if adjacent is not None:
                cause, params["adjacent_period"] = "timing", str(adjacent)
            else:
                cause = "missing_report"
                params["reporter"], params["silent"] = (
                    (exporter, importer) if e_side else (importer, exporter)
                )
        elif _agrees(e_side.carats, i_side.carats, rules.agree_pct):
            if not _agrees(e_side.usd, i_side.usd, rules.agree_pct):
                within = e_side.usd != 0 and abs(i_side.usd - e_side.usd) * HUNDRED <= (
                    rules.valuation_max_pct * e_side.usd
                )
                cause = "valuation_basis" if within else "unexplained"
                params["valuation_max_pct"] = fmt2(rules.valuation_max_pct)
            else:
                detail = _hs_disagreement(e_side, i_side, rules.agree_pct)
                cause = "misclassification" if detail else "consistent"
                if detail:
                    params["detail"] = detail
        else:
            adjacent = timing(key)
            if adjacent is not None:
                cause, params["adjacent_period"] = "timing", str(adjacent)
            elif i_side.carats * HUNDRED > e_side.carats * (HUNDRED + rules.transit_min_pct):
                cause = "transit"
                params["imported"] = fmt2(i_side.carats)
                params["origins"] = ", ".join(sorted(i_side.origins - {exporter})) or "not stated"
            else:
                cause = "unexplained"

        values = {"exporter": exporter, "importer": importer, "period": str(period), **params}
        rows.append(
            {
                "exporter": exporter,
                "importer": importer,
                "period": str(period),
                "carats": carats,
                "usd": usd,
                "cause": cause,
                "params": params,
                "message": render(f"mirror_{cause}", values),
            }
        )
    return rows


def _hs_disagreement(e_side: _Side, i_side: _Side, agree_pct: Decimal) -> str:
    """``"7102.10: 100.00 / 40.00 ct; ..."`` for HS codes whose carats disagree, or ``""``."""
    if not (e_side.hs_complete and i_side.hs_complete):
        return ""
    parts = []
    for code in sorted(c for c in set(e_side.by_hs) | set(i_side.by_hs) if c is not None):
        e, i = e_side.by_hs.get(code, ZERO), i_side.by_hs.get(code, ZERO)
        if not _agrees(e, i, agree_pct):
            parts.append(f"{hs_dotted(code)}: {fmt2(e)} / {fmt2(i)} ct")
    return "; ".join(parts)
