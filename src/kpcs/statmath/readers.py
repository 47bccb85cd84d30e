"""Reading a submission file (CSV or XLSX) into rows of strings, before any validation.

Both readers return one ``dict`` per record after the header, keyed by the lower-cased, trimmed column
name, values trimmed strings (``""`` for an empty cell). Row *n* of the result is row *n + 2* of the file
as a person sees it (the header is row 1); blank rows are kept as all-empty dicts so numbers stay right
(validation skips them), trailing blank rows are dropped. Structural problems reject the whole file by
raising :class:`SubmissionFileError` with problem dicts.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from decimal import Decimal

from kpcs.statmath.amounts import plain
from kpcs.statmath.problems import Problem, problem

REQUIRED_COLUMNS: tuple[str, ...] = ("participant", "period", "flow", "carats", "usd")
OPTIONAL_COLUMNS: tuple[str, ...] = ("certificates", "partner", "hs_code", "origin")
HEADER_ROW = 1
FIRST_DATA_ROW = 2
_DELIMITERS = (",", ";", "\t")


class SubmissionFileError(ValueError):
    """The file cannot be read as a table of figures; ``problems`` says why, for people."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p["message"] for p in problems))
        self.problems = problems


def read_csv(data: bytes) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV file (a byte order mark is tolerated).

    The delimiter is the one of ``,``, ``;`` or tab that occurs most in the header row, because
    spreadsheets in decimal-comma locales save with semicolons.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SubmissionFileError([problem(HEADER_ROW, "bad_encoding")]) from None
    if "\x00" in text:  # a binary file (a renamed workbook, say) that happens to decode
        raise SubmissionFileError([problem(HEADER_ROW, "bad_file", format="CSV")])
    first_line = text.split("\n", 1)[0]
    delimiter = max(_DELIMITERS, key=first_line.count)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        raise SubmissionFileError([problem(HEADER_ROW, "bad_file", format="CSV")]) from None
    return _table_to_rows(records)


def read_xlsx(data: bytes) -> list[dict[str, str]]:
    """Rows of the first worksheet of an Excel workbook (values, not formulas).

    Numbers become plain decimal strings with Excel's own 15 significant digits, so a cell showing
    1234.56 gives ``"1234.56"`` (never ``1234.5599999999999``) and 2007 gives ``"2007"``.
    """
    # Imported here: only XLSX uploads pay for openpyxl.
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise SubmissionFileError([problem(HEADER_ROW, "bad_file", format="XLSX")]) from None
    try:
        sheet = workbook.worksheets[0]
        records = [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    return _table_to_rows(records)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return plain(Decimal(format(value, ".15g")))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _table_to_rows(records: Sequence[Sequence[str]]) -> list[dict[str, str]]:
    cleaned = [[cell.strip() for cell in record] for record in records]
    while cleaned and not any(cleaned[-1]):
        cleaned.pop()
    if not cleaned:
        raise SubmissionFileError([problem(HEADER_ROW, "empty_file")])
    header = [name.lower() for name in cleaned[0]]
    problems: list[Problem] = []
    seen: set[str] = set()
    for name in header:
        if name and name in seen:
            problems.append(problem(HEADER_ROW, "duplicate_column", column=name))
        seen.add(name)
    problems.extend(
        problem(HEADER_ROW, "missing_column", column=name) for name in REQUIRED_COLUMNS if name not in seen
    )
    rows: list[dict[str, str]] = []
    for offset, record in enumerate(cleaned[1:]):
        extra = [
            cell
            for position, cell in enumerate(record)
            if cell and (position >= len(header) or not header[position])
        ]
        if extra:
            problems.append(problem(FIRST_DATA_ROW + offset, "extra_cells", count=len(extra)))
        row = {name: "" for name in header if name}
        for name, cell in zip(header, record, strict=False):
            if name:
                row[name] = cell
        rows.append(row)
    if problems:
        raise SubmissionFileError(problems)
    if not rows:
        raise SubmissionFileError([problem(HEADER_ROW, "no_data_rows")])
    return rows


__all__ = [
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "SubmissionFileError",
    "read_csv",
    "read_xlsx",
]
