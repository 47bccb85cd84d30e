"""SDMX-CSV 2.0 output of KP statistics.

Data structure definition ``KPCS:DSD_KP_STATS(1.0)``; one observation per row; columns in this order:

==================  ===========================================================================
column              content
==================  ===========================================================================
STRUCTURE           ``datastructure`` (the rows reference the DSD itself)
STRUCTURE_ID        ``KPCS:DSD_KP_STATS(1.0)``
ACTION              ``I`` information (default), ``A`` append, ``R`` replace, ``D`` delete
FREQ                ``A`` year, ``S`` half-year, ``Q`` quarter
REF_AREA            reporting participant: ISO 3166-1 alpha-2, ``EU``; ``_T`` all participants
COUNTERPART_AREA    trading partner; ``_T`` all partners, ``_X`` not stated, ``_Z`` not applicable
                    (production)
FLOW                ``PRD`` production, ``EXP`` exports, ``IMP`` imports
HS_CODE             ``710210``, ``710221``, ``710231``; ``_T`` all rough diamonds, ``_X`` not stated
TIME_PERIOD         SDMX reporting periods: ``2007``, ``2007-S1``, ``2007-Q3``
UNIT_MEASURE        ``CTM`` metric carats, ``USD`` US dollars, ``USD_CTM`` US$ per carat,
                    ``CERT`` number of KP certificates
OBS_VALUE           decimal with 2 decimals (half up); a whole number for ``CERT``
==================  ===========================================================================

``_T``, ``_X`` and ``_Z`` follow the SDMX content-oriented guidelines (total, unspecified, not
applicable). Missing figures are absent rows, never zeros. The file follows RFC 4180 (comma, CRLF).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from kpcs.statmath.amounts import ZERO, fmt2, ratio2
from kpcs.statmath.periods import Period
from kpcs.statmath.records import Flow, ObservationLike

DSD_ID = "KPCS:DSD_KP_STATS(1.0)"
STRUCTURE = "datastructure"
DIMENSIONS: tuple[str, ...] = (
    "FREQ",
    "REF_AREA",
    "COUNTERPART_AREA",
    "FLOW",
    "HS_CODE",
    "TIME_PERIOD",
    "UNIT_MEASURE",
)
COLUMNS: tuple[str, ...] = ("STRUCTURE", "STRUCTURE_ID", "ACTION", *DIMENSIONS, "OBS_VALUE")
TOTAL, NOT_STATED, NOT_APPLICABLE = "_T", "_X", "_Z"
FLOW_CODES: dict[Flow, str] = {"production": "PRD", "export": "EXP", "import": "IMP"}
FREQ_CODES: dict[str, str] = {"year": "A", "half": "S", "quarter": "Q"}
UNITS: dict[str, str] = {"carats": "CTM", "usd": "USD", "usd_per_carat": "USD_CTM", "certificates": "CERT"}
_SUMMARY_FLOWS: dict[str, Flow] = {"production": "production", "exports": "export", "imports": "import"}
Action = Literal["I", "A", "R", "D"]


@dataclass(frozen=True)
class SdmxObservation:
    """One observation of the DSD; codes as in the module docstring."""

    ref_area: str
    counterpart_area: str
    flow: Flow
    hs_code: str
    period: Period
    unit_measure: str
    value: Decimal | int


def time_period(period: Period) -> str:
    """SDMX reporting-period text: ``2007``, ``2007-S1``, ``2007-Q3``."""
    if period.kind == "year":
        return str(period.year)
    return f"{period.year}-{FREQ_CODES[period.kind]}{period.index}"


def observations_from_summary(summary: Mapping[str, object]) -> list[SdmxObservation]:
    """The observations of an annual summary (:func:`kpcs.statmath.summary.build_summary`): every
    non-null measure of every participant and of the world (``REF_AREA=_T``), all partners, all rough
    diamond HS codes. This is the publishable, aggregated view."""
    year = summary["year"]
    assert isinstance(year, int)
    period = Period(year, "year")
    areas: list[tuple[str, Mapping[str, object]]] = []
    world = summary["world"]
    assert isinstance(world, Mapping)
    areas.append((TOTAL, world))
    participants = summary["participants"]
    assert isinstance(participants, list)
    areas.extend((str(row["code"]), row) for row in participants)
    observations: list[SdmxObservation] = []
    for area, figures in areas:
        for key, flow in _SUMMARY_FLOWS.items():
            measures = figures[key]
            assert isinstance(measures, Mapping)
            counterpart = NOT_APPLICABLE if flow == "production" else TOTAL
            for name, unit in UNITS.items():
                raw = measures[name]
                if raw is None:
                    continue
                value: Decimal | int = raw if isinstance(raw, int) else Decimal(str(raw))
                observations.append(SdmxObservation(area, counterpart, flow, TOTAL, period, unit, value))
    return observations


def observations_from_figures(figures: Iterable[ObservationLike]) -> list[SdmxObservation]:
    """Detailed observations by partner and HS code, summed per key (national detail: confidential to
    participants; do not publish it)."""
    sums: dict[tuple[str, str, Flow, str, Period], tuple[Decimal, Decimal, int | None]] = {}
    for f in figures:
        counterpart = NOT_APPLICABLE if f.flow == "production" else (f.partner or NOT_STATED)
        key = (f.participant, counterpart, f.flow, f.hs_code or NOT_STATED, f.period)
        carats, usd, count = sums.get(key, (ZERO, ZERO, None))
        if f.certificates is not None:
            count = (count or 0) + f.certificates
        sums[key] = (carats + f.carats, usd + f.usd, count)
    observations: list[SdmxObservation] = []
    for (area, counterpart, flow, hs_code, period), (carats, usd, count) in sorted(
        sums.items(), key=lambda kv: (kv[0][4], kv[0][0], kv[0][2], kv[0][1], kv[0][3])
    ):
        values: dict[str, Decimal | int | None] = {
            "carats": carats,
            "usd": usd,
            "usd_per_carat": ratio2(usd, carats),
            "certificates": count,
        }
        for name, value in values.items():
            if value is not None:
                observations.append(
                    SdmxObservation(area, counterpart, flow, hs_code, period, UNITS[name], value)
                )
    return observations


def write_sdmx_csv(
    observations: Iterable[SdmxObservation], *, action: Action = "I", structure_id: str = DSD_ID
) -> str:
    """SDMX-CSV 2.0 text: the header row, then one row per observation in the order given."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for o in observations:
        value = str(o.value) if isinstance(o.value, int) else fmt2(o.value)
        writer.writerow(
            (
                STRUCTURE,
                structure_id,
                action,
                FREQ_CODES[o.period.kind],
                o.ref_area,
                o.counterpart_area,
                FLOW_CODES[o.flow],
                o.hs_code,
                time_period(o.period),
                o.unit_measure,
                value,
            )
        )
    return buffer.getvalue()
