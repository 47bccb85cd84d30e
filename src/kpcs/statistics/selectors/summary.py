"""The published annual summary, always computed from the stored figures (never typed in)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from kpcs.statistics.selectors.figures import current_records, years_with_data
from kpcs.statistics.selectors.registry import membership_intervals, participants_during
from kpcs.statmath.periods import Period
from kpcs.statmath.records import Figure, Finding
from kpcs.statmath.summary import SUMMARY_KEYS, build_summary, partial_figures, share_of_world

FLOW_KEYS = tuple(SUMMARY_KEYS.values())  # production, exports, imports


def statistics_summary(*, year: int) -> dict[str, Any]:
    """The annual summary contract of issue 4 (see ``kpcs.statmath.summary``): two queries.

    Everyone who was a participant on at least one day of ``year`` is listed, and anyone who reported.
    """
    participants = participants_during(Period(year, "year"), membership_intervals())
    return build_summary(year, current_records(years=[year]), participants)


def summary_overview(*, years: list[int] | None = None, year: int | None = None
                     ) -> tuple[dict[int, dict[str, Any]], list[Finding]]:
    """Summaries of ``years`` (default: every year with data) and ``year``, and the partial-figure notes of
    ``year``, from one read of the figures."""
    wanted = sorted(set(years_with_data() if years is None else years) | ({year} if year else set()))
    if not wanted:
        return {}, []
    memberships = membership_intervals()
    records: dict[int, list[Figure]] = defaultdict(list)
    for record in current_records(years=wanted):
        records[record.period.year].append(record)
    summaries = {y: build_summary(y, records[y], participants_during(Period(y, "year"), memberships)) for y in wanted}
    notes = partial_figures(year, records[year], participants_during(Period(year, "year"), memberships)) if year else []
    return summaries, notes


def summary_notes(*, year: int) -> list[dict[str, Any]]:
    """``summary_partial`` notes: annual figures summed from incomplete parts (English messages)."""
    participants = participants_during(Period(year, "year"), membership_intervals())
    return partial_figures(year, current_records(years=[year]), participants)


def _dec(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def summary_rows(summary: dict[str, Any], names: dict[str, str]) -> list[dict[str, Any]]:
    """The summary as table rows, with each participant's share of the world total (carats and US$)."""
    world = summary["world"]
    rows = []
    for item in summary["participants"]:
        row: dict[str, Any] = {"code": item["code"], "name": names.get(item["code"], item["code"])}
        for key in FLOW_KEYS:
            m = item[key]
            row[key] = {**m,
                        "share_carats": share_of_world(_dec(m["carats"]), _dec(world[key]["carats"])),
                        "share_usd": share_of_world(_dec(m["usd"]), _dec(world[key]["usd"]))}
        row["reported"] = any(item[key]["carats"] is not None for key in FLOW_KEYS)
        rows.append(row)
    return rows
