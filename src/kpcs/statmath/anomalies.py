"""Checks the Working Group on Statistics runs on submitted figures; each returns findings to act on.

Every finding is ``{"code", "participant", "period", "params", "message"}`` (see
:class:`kpcs.statmath.records.Finding`); numbers in ``params`` are decimal strings with 2 decimals.
Thresholds are parameters with documented defaults, not policy: the plenary or the WGS chair sets them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Literal

from kpcs.statmath.amounts import HUNDRED, ZERO, fmt2, median, percent2, ratio2
from kpcs.statmath.periods import Period, PeriodKind, as_period
from kpcs.statmath.records import FigureLike, Finding, Flow, ObservationLike, finding, hs_dotted

DEFAULT_SWING_PCT = Decimal(50)
DEFAULT_Z_THRESHOLD = Decimal("3.5")
DEFAULT_MIN_DEVIATION_PCT = Decimal(25)
DEFAULT_UNEXPLAINED_TOLERANCE_PCT = Decimal(10)
# 0.6745 is the 0.75 quantile of the standard normal: it makes the MAD comparable to a standard
# deviation (Iglewicz and Hoaglin's modified z-score).
_MAD_SCALE = Decimal("0.6745")

Measure = Literal["carats", "usd"]
Totals = tuple[Decimal, Decimal]


def _totals(records: Iterable[FigureLike]) -> dict[tuple[str, Flow], dict[Period, Totals]]:
    sums: dict[tuple[str, Flow], dict[Period, Totals]] = defaultdict(dict)
    for r in records:
        carats, usd = sums[(r.participant, r.flow)].get(r.period, (ZERO, ZERO))
        sums[(r.participant, r.flow)][r.period] = (carats + r.carats, usd + r.usd)
    return sums


def swings(
    series: Iterable[FigureLike],
    threshold_pct: Decimal = DEFAULT_SWING_PCT,
    *,
    compare_with: Literal["previous", "last_year"] = "previous",
    min_carats: Decimal = ZERO,
    min_usd: Decimal = ZERO,
) -> list[Finding]:
    """Period-to-period changes beyond ``threshold_pct`` in carats or US$: the trigger for a Data Anomaly
    Questionnaire.

    Each figure (summed per participant, flow and period) is compared with the preceding period of the
    same kind (``compare_with="previous"``: 2007-H1 against 2006-H2) or with the same period a year
    earlier (``"last_year"``, which ignores seasonality). A change is flagged when its absolute
    percentage is strictly above the threshold; a rise from zero is flagged as ``swing_from_zero``.
    Pairs where both figures are below ``min_carats`` (``min_usd`` for US$) are too small to matter.
    """
    findings: list[Finding] = []
    minimum: dict[Measure, Decimal] = {"carats": min_carats, "usd": min_usd}
    for (participant, flow), periods in sorted(_totals(series).items()):
        for period in sorted(periods):
            earlier = period.previous() if compare_with == "previous" else period.same_period_last_year()
            if earlier not in periods:
                continue
            for position, measure in enumerate(("carats", "usd")):
                previous, current = periods[earlier][position], periods[period][position]
                if max(previous, current) < minimum[measure] or previous == current:
                    continue
                params: dict[str, str | int | None] = {
                    "flow": flow,
                    "measure": measure,
                    "previous_period": str(earlier),
                    "previous": fmt2(previous),
                    "current": fmt2(current),
                }
                if previous == 0:
                    findings.append(finding("swing_from_zero", participant, period, **params))
                    continue
                change = percent2(current - previous, previous)
                assert change is not None
                if abs(change) > threshold_pct:
                    findings.append(
                        finding(
                            "swing",
                            participant,
                            period,
                            **params,
                            change_pct=fmt2(change),
                            threshold_pct=fmt2(threshold_pct),
                        )
                    )
    return findings


def _deviation(
    value: Decimal, reference: Sequence[Decimal], z_threshold: Decimal, min_deviation_pct: Decimal
) -> tuple[Decimal, Decimal] | None:
    """(median, deviation %) when ``value`` is an outlier against ``reference``, else None.

    Outlier: more than ``min_deviation_pct`` away from the median AND a modified z-score above
    ``z_threshold``; when the reference values are all equal (MAD 0) the percentage alone decides.
    """
    centre = median(reference)
    if centre == 0:
        return None
    deviation = percent2(value - centre, centre)
    assert deviation is not None
    if abs(deviation) <= min_deviation_pct:
        return None
    mad = median([abs(r - centre) for r in reference])
    if mad != 0 and _MAD_SCALE * abs(value - centre) / mad <= z_threshold:
        return None
    return centre, deviation


def unit_value_outliers(
    observations: Iterable[ObservationLike],
    *,
    z_threshold: Decimal = DEFAULT_Z_THRESHOLD,
    min_deviation_pct: Decimal = DEFAULT_MIN_DEVIATION_PCT,
    min_history: int = 3,
    history_window: int = 8,
    min_peers: int = 3,
) -> list[Finding]:
    """US$/carat far from the participant's own history (``unit_value_vs_history``) or from other
    participants' for the same flow, period, HS code and origin (``unit_value_vs_peers``).

    History: each period against up to ``history_window`` earlier periods of the same kind for the same
    participant, flow, HS code and origin, once at least ``min_history`` exist. Peers: each participant
    against the others (leave-one-out) once at least ``min_peers`` others exist; rows without an HS code
    are left out of peer comparison because industrial and gem rough differ a hundredfold in value.
    Figures with zero carats have no unit value and are skipped. See :func:`_deviation` for the test.
    """
    items = list(observations)
    findings: list[Finding] = []

    history: dict[tuple[str, Flow, str | None, str | None, PeriodKind], dict[Period, Totals]] = defaultdict(
        dict
    )
    peers: dict[tuple[Flow, Period, str, str | None], dict[str, Totals]] = defaultdict(dict)
    for o in items:
        h = history[(o.participant, o.flow, o.hs_code, o.origin, o.period.kind)]
        carats, usd = h.get(o.period, (ZERO, ZERO))
        h[o.period] = (carats + o.carats, usd + o.usd)
        if o.hs_code is not None:
            p = peers[(o.flow, o.period, o.hs_code, o.origin)]
            carats, usd = p.get(o.participant, (ZERO, ZERO))
            p[o.participant] = (carats + o.carats, usd + o.usd)

    for (participant, flow, hs_code, origin, _kind), periods in sorted(
        history.items(), key=lambda kv: str(kv[0])
    ):
        values = [(period, ratio2(usd, carats)) for period, (carats, usd) in sorted(periods.items())]
        known = [(period, value) for period, value in values if value is not None]
        for position in range(min_history, len(known)):
            period, value = known[position]
            reference = [v for _, v in known[max(0, position - history_window) : position]]
            found = _deviation(value, reference, z_threshold, min_deviation_pct)
            if found is not None:
                findings.append(
                    finding(
                        "unit_value_vs_history",
                        participant,
                        period,
                        flow=flow,
                        hs_code=hs_dotted(hs_code),
                        origin=origin or "not stated",
                        usd_per_carat=fmt2(value),
                        median=fmt2(found[0]),
                        deviation_pct=fmt2(found[1]),
                        history=len(reference),
                    )
                )

    for (flow, period, hs_code, origin), by_participant in sorted(peers.items(), key=lambda kv: str(kv[0])):
        unit_values = {
            code: value
            for code, (carats, usd) in by_participant.items()
            if (value := ratio2(usd, carats)) is not None
        }
        for participant, value in sorted(unit_values.items()):
            others = [v for code, v in unit_values.items() if code != participant]
            if len(others) < min_peers:
                continue
            found = _deviation(value, others, z_threshold, min_deviation_pct)
            if found is not None:
                findings.append(
                    finding(
                        "unit_value_vs_peers",
                        participant,
                        period,
                        flow=flow,
                        hs_code=hs_dotted(hs_code),
                        origin=origin or "not stated",
                        usd_per_carat=fmt2(value),
                        median=fmt2(found[0]),
                        deviation_pct=fmt2(found[1]),
                        peers=len(others),
                    )
                )
    return findings


def unexplained_exports(
    year: int,
    production: Mapping[str, Decimal],
    imports: Mapping[str, Decimal],
    exports: Mapping[str, Decimal],
    tolerance_pct: Decimal = DEFAULT_UNEXPLAINED_TOLERANCE_PCT,
    *,
    opening_stock: Mapping[str, Decimal] | None = None,
) -> list[Finding]:
    """Exports in carats over a year that production plus imports plus an opening-stock allowance
    cannot explain: the pattern that led to the Republic of Congo's removal in 2004.

    All mappings are participant code -> carats for ``year`` (missing means 0). Flagged when
    ``exports > (production + imports + opening_stock) * (1 + tolerance_pct / 100)``; the tolerance
    absorbs stock movements and timing, the allowance lets a participant declare stock drawn down.
    """
    stock = opening_stock or {}
    findings: list[Finding] = []
    factor = 1 + tolerance_pct / HUNDRED
    for participant in sorted(exports):
        exported = exports[participant]
        produced, imported = production.get(participant, ZERO), imports.get(participant, ZERO)
        allowance = stock.get(participant, ZERO)
        available = produced + imported + allowance
        if exported <= available * factor:
            continue
        findings.append(
            finding(
                "unexplained_exports",
                participant,
                str(year),
                exports=fmt2(exported),
                production=fmt2(produced),
                imports=fmt2(imported),
                opening_stock=fmt2(allowance),
                available=fmt2(available),
                excess=fmt2(exported - available),
                excess_pct=fmt2(percent2(exported - available, available)),
                tolerance_pct=fmt2(tolerance_pct),
            )
        )
    return findings


def certificate_count_mismatch(
    reported: Mapping[tuple[str, Period | str, Flow], int | None],
    counted: Mapping[tuple[str, Period | str, Flow], int],
    *,
    tolerance: int = 0,
) -> list[Finding]:
    """Certificate counts in the statistics against certificates recorded (issued for export, received
    with imports), per (participant, period, flow).

    ``certificate_count_mismatch`` when both exist and differ by more than ``tolerance``;
    ``certificate_count_not_reported`` when certificates are recorded but no count was reported. A
    reported count with nothing recorded compares against 0.
    """

    def normal(key: tuple[str, Period | str, Flow]) -> tuple[str, Period, Flow]:
        return (key[0], as_period(key[1]), key[2])

    reported_n = {normal(k): v for k, v in reported.items()}
    counted_n = {normal(k): v for k, v in counted.items()}
    findings: list[Finding] = []
    for participant, period, flow in sorted(set(reported_n) | set(counted_n)):
        stated = reported_n.get((participant, period, flow))
        recorded = counted_n.get((participant, period, flow), 0)
        if stated is None:
            if recorded > 0:
                findings.append(
                    finding(
                        "certificate_count_not_reported", participant, period, flow=flow, counted=recorded
                    )
                )
        elif abs(stated - recorded) > tolerance:
            findings.append(
                finding(
                    "certificate_count_mismatch",
                    participant,
                    period,
                    flow=flow,
                    reported=stated,
                    counted=recorded,
                    difference=stated - recorded,
                )
            )
    return findings
