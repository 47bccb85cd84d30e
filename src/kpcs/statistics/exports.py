"""The published annual summary as files: CSV, XLSX and SDMX-CSV (formats in docs/statistics.md §12)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from kpcs.statmath import sdmx
from kpcs.statmath.amounts import fmt2
from kpcs.statmath.summary import share_of_world

CSV_COLUMNS = ("year", "area", "flow", "carats", "usd", "usd_per_carat", "certificates", "share_carats_pct",
               "share_usd_pct")
WORLD = "WORLD"
FLOW_KEYS = ("production", "exports", "imports")


def _dec(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def summary_table(summary: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One row per area (the world first, then participants by code) and flow; amounts as decimal strings,
    empty where nothing was reported. Shares of world in percent, 2 decimals."""
    world = summary["world"]
    areas = [(WORLD, world), *((p["code"], p) for p in summary["participants"])]
    for area, figures in areas:
        for flow in FLOW_KEYS:
            m = figures[flow]
            yield {
                "year": summary["year"], "area": area, "flow": flow, "carats": m["carats"], "usd": m["usd"],
                "usd_per_carat": m["usd_per_carat"], "certificates": m["certificates"],
                "share_carats_pct": fmt2(share_of_world(_dec(m["carats"]), _dec(world[flow]["carats"]))),
                "share_usd_pct": fmt2(share_of_world(_dec(m["usd"]), _dec(world[flow]["usd"]))),
            }


def summary_csv(summary: dict[str, Any]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in summary_table(summary):
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return buffer.getvalue()


def summary_xlsx(summary: dict[str, Any], *, names: dict[str, str], title: str, note: str) -> bytes:
    """A workbook with the same table as the CSV (numbers as numbers) plus a column of names."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"KP {summary['year']}"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True)
    sheet.append([note])
    header = [*CSV_COLUMNS[:2], "name", *CSV_COLUMNS[2:]]
    sheet.append(header)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in summary_table(summary):
        values: list[Any] = []
        for column in header:
            value = names.get(row["area"], "") if column == "name" else row[column]
            if column in ("carats", "usd", "usd_per_carat", "share_carats_pct", "share_usd_pct") and value is not None:
                value = Decimal(value)
            values.append(value)
        sheet.append(values)
    for column, width in zip("ABCDEFGHIJ", (6, 7, 28, 11, 18, 20, 14, 13, 17, 15), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A4"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def summary_sdmx(summary: dict[str, Any]) -> str:
    """SDMX-CSV 2.0 of the publishable view (participants and world, all partners, all HS codes)."""
    return sdmx.write_sdmx_csv(sdmx.observations_from_summary(summary))
