"""Reading and checking a submission file: statmath's row checks plus what only the platform knows.

Everything here is a read; :mod:`kpcs.statistics.services.importing` stores what passes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from kpcs.statistics.messages import platform_problem
from kpcs.statistics.models.choices import MiningType
from kpcs.statmath.periods import PeriodError, parse_period
from kpcs.statmath.problems import Problem, problem
from kpcs.statmath.readers import FIRST_DATA_ROW, SubmissionFileError, read_csv, read_xlsx
from kpcs.statmath.rows import RowContext, SubmissionRow, check_file_consistency, validate_row

MAX_FILE_MB = 50
XLSX_MAGIC = b"PK\x03\x04"
MINING_TYPES = frozenset(v for v in MiningType.values if v)


@dataclass(frozen=True)
class ValidRow:
    """A checked row and its optional mining type (production only)."""

    row: SubmissionRow
    mining_type: str = ""

    @property
    def key(self) -> tuple:
        return (*self.row.key, self.mining_type)


def read_rows(data: bytes, file_name: str = "") -> list[dict[str, str]]:
    """The file's rows as strings: XLSX when it is a workbook (by name or content), else CSV."""
    if len(data) > MAX_FILE_MB * 1024 * 1024:
        raise SubmissionFileError([platform_problem(1, "file_too_large", limit=MAX_FILE_MB)])
    if file_name.lower().endswith(".xlsx") or data.startswith(XLSX_MAGIC):
        return read_xlsx(data)
    return read_csv(data)


def _extra_checks(raw: Mapping[str, str | None], number: int, allowed: Collection[str] | None,
                  today: dt.date) -> tuple[str, list[Problem]]:
    """The platform's own checks, on the raw values so that a row with other problems gets these too."""
    values = {str(k).strip().lower(): (v or "").strip() for k, v in raw.items()}
    problems: list[Problem] = []
    mining = values.get("mining_type", "").lower()
    if mining and mining not in MINING_TYPES:
        problems.append(platform_problem(number, "bad_mining_type", value=values["mining_type"]))
    flow = values.get("flow", "").lower()
    if mining and flow in ("export", "import"):
        problems.append(platform_problem(number, "mining_type_not_production"))
    participant = values.get("participant", "").upper()
    if allowed is not None and participant and participant not in allowed:
        problems.append(platform_problem(number, "participant_not_yours", participant=participant,
                                         allowed=", ".join(sorted(allowed)) or "-"))
    with contextlib.suppress(PeriodError):
        period = parse_period(values.get("period", ""))
        if period.start > today:
            problems.append(platform_problem(number, "period_in_future", period=str(period)))
    return mining, problems


def validate_file_rows(raw_rows: Sequence[Mapping[str, str | None]], *, context: RowContext,
                       allowed: Collection[str] | None, today: dt.date) -> tuple[list[ValidRow], list[Problem]]:
    """Every row checked (statmath's checks, then ours), duplicates, then annual-against-parts.

    ``allowed`` limits the participants the file may report for (None: anyone). Returns the valid rows and
    every problem, sorted by row; any problem refuses the whole file.
    """
    valid: list[ValidRow] = []
    problems: list[Problem] = []
    first_seen: dict[tuple, int] = {}
    non_blank = 0
    for offset, raw in enumerate(raw_rows):
        if not any((value or "").strip() for value in raw.values()):
            continue
        non_blank += 1
        number = FIRST_DATA_ROW + offset
        result = validate_row(raw, row=number, context=context)
        mining, extra = _extra_checks(raw, number, allowed, today)
        if isinstance(result, list) or extra:
            problems.extend([*(result if isinstance(result, list) else []), *extra])
            continue
        item = ValidRow(result, mining)
        if item.key in first_seen:
            problems.append(problem(number, "duplicate_row", first_row=first_seen[item.key]))
            continue
        first_seen[item.key] = number
        valid.append(item)
    if not non_blank:
        problems.append(problem(FIRST_DATA_ROW - 1, "no_data_rows"))
    problems.extend(check_file_consistency([v.row for v in valid]))
    problems.sort(key=lambda p: p["row"])
    return valid, problems
