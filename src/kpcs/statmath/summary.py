"""The annual summary: per participant and for the world, production, exports and imports.

Contract of :func:`build_summary` (JSON-ready)::

    {"year": 2007,
     "world": {"production": M, "exports": M, "imports": M},
     "participants": [{"code": "BW", "production": M, "exports": M, "imports": M}, ...]}

    M = {"carats": "1234.50", "usd": "99.00", "usd_per_carat": "0.08", "certificates": 12}

Amounts are decimal strings with 2 decimals, rounded half up; every field of ``M`` is ``null`` when
nothing was reported, ``usd_per_carat`` also when carats are 0, ``certificates`` when no count was given.
Participants are sorted by code.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, TypedDict

from kpcs.statmath.amounts import dsum, fmt2, percent2, ratio2
from kpcs.statmath.periods import Period
from kpcs.statmath.records import FLOWS, FigureLike, Finding, Flow, finding

SUMMARY_KEYS: dict[Flow, str] = {"production": "production", "export": "exports", "import": "imports"}


class Measures(TypedDict):
    """One flow's published figures (``M`` in the contract)."""

    carats: str | None
    usd: str | None
    usd_per_carat: str | None
    certificates: int | None


@dataclass(frozen=True)
class AnnualFigure:
    """A participant's figure for a year and flow, and how it was obtained.

    ``source`` is ``"year"`` when an annual figure was submitted (it wins over any parts), else
    ``"parts"``: the sum of whatever half-years and quarters exist. ``partial`` is true when parts are
    missing; ``missing`` lists them (halves for production, quarters for trade, as they are reported).
    """

    carats: Decimal
    usd: Decimal
    certificates: int | None
    source: Literal["year", "parts"]
    partial: bool
    missing: tuple[Period, ...]


def _certificates(records: Sequence[FigureLike]) -> int | None:
    # A certificate covering several HS codes must be counted on one row only, so the counts given are
    # additive; "no count given anywhere" is different from zero.
    counts = [r.certificates for r in records if r.certificates is not None]
    return sum(counts) if counts else None


def _figure(
    records: Sequence[FigureLike], source: Literal["year", "parts"], missing: list[Period]
) -> AnnualFigure:
    return AnnualFigure(
        carats=dsum(r.carats for r in records),
        usd=dsum(r.usd for r in records),
        certificates=_certificates(records),
        source=source,
        partial=bool(missing),
        missing=tuple(missing),
    )


def _annual_from(records: Sequence[FigureLike], year: int, flow: Flow) -> AnnualFigure | None:
    in_year = [r for r in records if r.period.year == year]
    if not in_year:
        return None
    annual = [r for r in in_year if r.period.kind == "year"]
    if annual:
        return _figure(annual, "year", [])
    used: list[FigureLike] = []
    missing: list[Period] = []
    for half in Period(year, "year").children("half"):
        half_records = [r for r in in_year if r.period == half]
        if half_records:
            used.extend(half_records)
            continue
        quarters = half.children("quarter")
        quarter_records = [r for r in in_year if r.period in quarters]
        used.extend(quarter_records)
        reported = {r.period for r in quarter_records}
        if quarter_records or flow != "production":
            missing.extend(q for q in quarters if q not in reported)
        else:
            missing.append(half)
    return _figure(used, "parts", missing)


def annual_figure(
    records: Iterable[FigureLike], *, participant: str, year: int, flow: Flow
) -> AnnualFigure | None:
    """The figure of ``participant`` for ``year`` and ``flow``, or ``None`` when nothing was reported."""
    mine = [r for r in records if r.participant == participant and r.flow == flow]
    return _annual_from(mine, year, flow)


def measures(figure: AnnualFigure | None) -> Measures:
    """``M`` of the contract for one figure (all ``None`` when there is none)."""
    if figure is None:
        return {"carats": None, "usd": None, "usd_per_carat": None, "certificates": None}
    return {
        "carats": fmt2(figure.carats),
        "usd": fmt2(figure.usd),
        "usd_per_carat": fmt2(ratio2(figure.usd, figure.carats)),
        "certificates": figure.certificates,
    }


def _world(figures: list[AnnualFigure]) -> AnnualFigure | None:
    if not figures:
        return None
    counts = [f.certificates for f in figures if f.certificates is not None]
    return AnnualFigure(
        carats=dsum(f.carats for f in figures),
        usd=dsum(f.usd for f in figures),
        certificates=sum(counts) if counts else None,
        source="parts",
        partial=any(f.partial for f in figures),
        missing=(),
    )


def _annual_figures(
    year: int, records: Iterable[FigureLike], participants: Iterable[str]
) -> dict[str, dict[Flow, AnnualFigure | None]]:
    grouped: dict[tuple[str, Flow], list[FigureLike]] = defaultdict(list)
    for record in records:
        if record.period.year == year:
            grouped[(record.participant, record.flow)].append(record)
    codes = sorted(set(participants) | {participant for participant, _ in grouped})
    return {
        code: {flow: _annual_from(grouped.get((code, flow), []), year, flow) for flow in FLOWS}
        for code in codes
    }


def build_summary(year: int, records: Iterable[FigureLike], participants: Iterable[str]) -> dict[str, object]:
    """The annual summary for ``year`` (see the module docstring for the exact shape).

    ``participants`` are listed even when they reported nothing; anyone who reported is listed too.
    World figures are sums of the participants' annual figures (re-exports are counted at every hop, as
    in KP releases, so world trade exceeds world production).
    """
    figures = _annual_figures(year, records, participants)
    world: dict[str, Measures] = {}
    for flow in FLOWS:
        present = [by_flow[flow] for by_flow in figures.values() if by_flow[flow] is not None]
        world[SUMMARY_KEYS[flow]] = measures(_world([f for f in present if f is not None]))
    rows: list[dict[str, object]] = []
    for code, by_flow in figures.items():
        row: dict[str, object] = {"code": code}
        for flow in FLOWS:
            row[SUMMARY_KEYS[flow]] = measures(by_flow[flow])
        rows.append(row)
    return {"year": year, "world": world, "participants": rows}


def partial_figures(year: int, records: Iterable[FigureLike], participants: Iterable[str]) -> list[Finding]:
    """``summary_partial`` notes for every annual figure built from incomplete parts."""
    notes: list[Finding] = []
    for code, by_flow in _annual_figures(year, records, participants).items():
        for flow in FLOWS:
            figure = by_flow[flow]
            if figure is None or not figure.partial:
                continue
            notes.append(
                finding(
                    "summary_partial",
                    code,
                    str(year),
                    flow=flow,
                    year=str(year),
                    missing=", ".join(str(p) for p in figure.missing),
                )
            )
    return notes


def annual_carats(year: int, records: Iterable[FigureLike], flow: Flow) -> dict[str, Decimal]:
    """Participant code -> annual carats for ``flow`` (the inputs of ``anomalies.unexplained_exports``)."""
    return {
        code: figure.carats
        for code, by_flow in _annual_figures(year, records, ()).items()
        if (figure := by_flow[flow]) is not None
    }


def share_of_world(value: Decimal | None, world: Decimal | None) -> Decimal | None:
    """``value`` as a percentage of ``world``, 2 decimals half up; ``None`` if either is missing or 0."""
    if value is None or world is None:
        return None
    return percent2(value, world)
