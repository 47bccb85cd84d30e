"""Valuation: declared against confirmed values, US$/carat, and its spread across participants.

The 2004 plenary asked for a study of the valuation methods that make KP statistics disagree. These
functions give the numbers such a study starts from; they judge nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TypedDict

from kpcs.statmath.amounts import ZERO, dsum, fmt2, median, percent2, ratio2
from kpcs.statmath.periods import Period
from kpcs.statmath.records import Flow, ObservationLike


@dataclass(frozen=True)
class CertificateValue:
    """The value on one certificate as the exporter declared it and, once confirmed, as the importing
    authority confirmed it (``None`` until then)."""

    certificate: str
    exporter: str
    importer: str
    declared_usd: Decimal
    confirmed_usd: Decimal | None = None


class PairValuation(TypedDict):
    """Declared against confirmed US$ for one exporter-importer pair, on the same certificates."""

    exporter: str
    importer: str
    certificates: int
    confirmed: int
    declared_usd: str
    confirmed_usd: str
    difference: str
    difference_pct: str | None
    unconfirmed_declared_usd: str


def declared_vs_confirmed(certificates: Iterable[CertificateValue]) -> list[PairValuation]:
    """Per pair: sums over the confirmed certificates only (so both sides cover the same shipments),
    ``difference = confirmed - declared`` and its percentage of declared; the declared value of the
    still unconfirmed certificates is given apart. Sorted by exporter, importer."""
    pairs: dict[tuple[str, str], list[CertificateValue]] = defaultdict(list)
    for item in certificates:
        pairs[(item.exporter, item.importer)].append(item)
    result: list[PairValuation] = []
    for (exporter, importer), items in sorted(pairs.items()):
        confirmed = [c for c in items if c.confirmed_usd is not None]
        declared = dsum(c.declared_usd for c in confirmed)
        confirmed_usd = dsum(c.confirmed_usd for c in confirmed if c.confirmed_usd is not None)
        difference = confirmed_usd - declared
        result.append(
            {
                "exporter": exporter,
                "importer": importer,
                "certificates": len(items),
                "confirmed": len(confirmed),
                "declared_usd": fmt2(declared),
                "confirmed_usd": fmt2(confirmed_usd),
                "difference": fmt2(difference),
                "difference_pct": fmt2(percent2(difference, declared)),
                "unconfirmed_declared_usd": fmt2(
                    dsum(c.declared_usd for c in items if c.confirmed_usd is None)
                ),
            }
        )
    return result


class UnitValue(TypedDict):
    """US$/carat for one participant, flow, period, HS code and origin (``None``: not stated)."""

    participant: str
    flow: Flow
    period: str
    hs_code: str | None
    origin: str | None
    carats: str
    usd: str
    usd_per_carat: str | None


GroupKey = tuple[str, Flow, Period, str | None, str | None]


def _group(observations: Iterable[ObservationLike]) -> dict[GroupKey, tuple[Decimal, Decimal]]:
    sums: dict[GroupKey, tuple[Decimal, Decimal]] = {}
    for o in observations:
        key = (o.participant, o.flow, o.period, o.hs_code, o.origin)
        carats, usd = sums.get(key, (ZERO, ZERO))
        sums[key] = (carats + o.carats, usd + o.usd)
    return sums


def _sort_key(key: GroupKey) -> tuple[str, str, Period, str, str]:
    participant, flow, period, hs_code, origin = key
    return (participant, flow, period, hs_code or "", origin or "")


def unit_values(observations: Iterable[ObservationLike]) -> list[UnitValue]:
    """US$/carat by participant, flow, period, HS code and origin (``None`` when carats are 0)."""
    return [
        {
            "participant": participant,
            "flow": flow,
            "period": str(period),
            "hs_code": hs_code,
            "origin": origin,
            "carats": fmt2(carats),
            "usd": fmt2(usd),
            "usd_per_carat": fmt2(ratio2(usd, carats)),
        }
        for (participant, flow, period, hs_code, origin), (carats, usd) in sorted(
            _group(observations).items(), key=lambda kv: _sort_key(kv[0])
        )
    ]


class UnitValueSpread(TypedDict):
    """How far apart participants' US$/carat are for the same flow, period, HS code and origin."""

    flow: Flow
    period: str
    hs_code: str
    origin: str | None
    participants: int
    min: str
    min_participant: str
    max: str
    max_participant: str
    median: str
    mean: str
    cv_pct: str | None


def unit_value_spread(
    observations: Iterable[ObservationLike], *, min_participants: int = 2
) -> list[UnitValueSpread]:
    """Min, max, median, mean and coefficient of variation (population standard deviation over mean, in
    percent) of US$/carat across participants, for each flow, period, HS code and origin with at least
    ``min_participants`` participants. Rows without an HS code are left out (gem and industrial rough
    would be mixed). Statistics use the unrounded unit values; output is rounded to 2 decimals."""
    groups: dict[tuple[Flow, Period, str, str | None], dict[str, Decimal]] = defaultdict(dict)
    for (participant, flow, period, hs_code, origin), (carats, usd) in _group(observations).items():
        if hs_code is not None and carats != 0:
            groups[(flow, period, hs_code, origin)][participant] = usd / carats
    result: list[UnitValueSpread] = []
    for (flow, period, hs_code, origin), values in sorted(
        groups.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2], kv[0][3] or "")
    ):
        if len(values) < min_participants:
            continue
        low = min(values, key=lambda code: (values[code], code))
        high = max(values, key=lambda code: (values[code], code))
        mean = dsum(values.values()) / len(values)
        variance = dsum((v - mean) ** 2 for v in values.values()) / len(values)
        result.append(
            {
                "flow": flow,
                "period": str(period),
                "hs_code": hs_code,
                "origin": origin,
                "participants": len(values),
                "min": fmt2(values[low]),
                "min_participant": low,
                "max": fmt2(values[high]),
                "max_participant": high,
                "median": fmt2(median(list(values.values()))),
                "mean": fmt2(mean),
                "cv_pct": fmt2(percent2(variance.sqrt(), mean)),
            }
        )
    return result
