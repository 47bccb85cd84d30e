"""Validating submission rows: one row of strings in, a typed :class:`SubmissionRow` or problems out.

The columns are described in ``docs/statistics.md``. Everything the database knows (who is a
participant, since when, which HS codes are rough diamonds) comes in through a :class:`RowContext`, so
this module needs none.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from kpcs.statmath.amounts import decimal_places, dsum, fmt2, is_plain_number
from kpcs.statmath.periods import Interval, Period, PeriodError, overlaps, parse_period
from kpcs.statmath.problems import Problem, problem
from kpcs.statmath.readers import FIRST_DATA_ROW, REQUIRED_COLUMNS, SubmissionFileError, read_csv, read_xlsx
from kpcs.statmath.records import FLOWS, Flow, default_hs_in_scope, hs_dotted

MAX_DECIMALS = 2
MAX_AMOUNT = Decimal(10) ** 15
MIXED_ORIGIN = "MIXED"
_ALPHA2 = re.compile(r"[A-Z]{2}", re.ASCII)
_HS_DOTTED = re.compile(r"([0-9]{4})\.([0-9]{1,2})", re.ASCII)
_HS_PLAIN = re.compile(r"[0-9]{4}(?:[0-9]{2})?", re.ASCII)
_FLOW_BY_TEXT: dict[str, Flow] = {flow: flow for flow in FLOWS}
RowKey = tuple[str, str, str, str | None, str | None, str | None]


def looks_like_alpha2(code: str) -> bool:
    """Two ASCII capital letters: the shape of an ISO 3166-1 alpha-2 code (not a check it exists)."""
    return _ALPHA2.fullmatch(code) is not None


@dataclass(frozen=True)
class RowContext:
    """What validation needs to know from outside, as plain callables.

    ``was_participant(code, period)`` is true when ``code`` was a participant on at least one day of
    ``period``; ``hs_in_scope(code)`` takes six digits and answers True (rough diamonds), False (known but
    out of scope) or None (unknown); ``is_known_country(code)`` validates an origin code.
    """

    is_known_participant: Callable[[str], bool]
    was_participant: Callable[[str, Period], bool]
    hs_in_scope: Callable[[str], bool | None] = default_hs_in_scope
    is_known_country: Callable[[str], bool] = looks_like_alpha2


def context_from_memberships(
    memberships: Mapping[str, Sequence[Interval]],
    *,
    hs_in_scope: Callable[[str], bool | None] = default_hs_in_scope,
    is_known_country: Callable[[str], bool] = looks_like_alpha2,
) -> RowContext:
    """A :class:`RowContext` from participant code -> membership intervals (for tests and scripts)."""
    return RowContext(
        is_known_participant=lambda code: code in memberships,
        was_participant=lambda code, period: any(overlaps(i, period) for i in memberships.get(code, ())),
        hs_in_scope=hs_in_scope,
        is_known_country=is_known_country,
    )


@dataclass(frozen=True)
class SubmissionRow:
    """A valid row. Amounts have at most 2 decimals; ``hs_code`` is six digits without dots."""

    row: int
    participant: str
    period: Period
    flow: Flow
    carats: Decimal
    usd: Decimal
    certificates: int | None = None
    partner: str | None = None
    hs_code: str | None = None
    origin: str | None = None

    @property
    def key(self) -> RowKey:
        """What makes a row unique within a file."""
        return (self.participant, str(self.period), self.flow, self.partner, self.hs_code, self.origin)


def _parse_amount(row: int, column: str, text: str, problems: list[Problem]) -> Decimal | None:
    if not is_plain_number(text):
        problems.append(problem(row, "not_a_number", column=column, value=text))
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:  # pragma: no cover - is_plain_number already guarantees a decimal
        problems.append(problem(row, "not_a_number", column=column, value=text))
        return None
    if value < 0:
        problems.append(problem(row, "negative_amount", column=column, value=text))
        return None
    if decimal_places(value) > MAX_DECIMALS:
        problems.append(
            problem(row, "too_many_decimals", column=column, value=text, max_decimals=MAX_DECIMALS)
        )
        return None
    if value >= MAX_AMOUNT:
        # Beyond this the 28-digit decimal context would start rounding sums silently.
        problems.append(problem(row, "amount_too_large", column=column, value=text))
        return None
    return value if value != 0 else Decimal(0)  # "-0" is zero


def _parse_count(row: int, text: str, problems: list[Problem]) -> int | None:
    if not is_plain_number(text):
        problems.append(problem(row, "not_a_number", column="certificates", value=text))
        return None
    value = Decimal(text)
    if value < 0:
        problems.append(problem(row, "negative_amount", column="certificates", value=text))
        return None
    if value != value.to_integral_value():
        problems.append(problem(row, "not_a_whole_number", column="certificates", value=text))
        return None
    return int(value)


def normalize_hs_code(text: str) -> str | None:
    """``7102.10``, ``710210`` or ``7102.1`` (a spreadsheet ate the zero) -> ``710210``; junk -> None."""
    compact = text.replace(" ", "")
    dotted = _HS_DOTTED.fullmatch(compact)
    if dotted:
        return dotted.group(1) + dotted.group(2).ljust(2, "0")
    return compact if _HS_PLAIN.fullmatch(compact) else None


def validate_row(
    raw: Mapping[str, str | None], *, row: int, context: RowContext
) -> SubmissionRow | list[Problem]:
    """Check one row; return the typed row, or every problem found (never just the first)."""
    values = {str(k).strip().lower(): (v or "").strip() for k, v in raw.items()}
    problems: list[Problem] = []
    for column in REQUIRED_COLUMNS:
        if column not in values:
            problems.append(problem(row, "missing_column", column=column))
        elif not values[column]:
            problems.append(problem(row, "missing_value", column=column))

    participant = values.get("participant", "").upper() or None
    if participant is not None and not context.is_known_participant(participant):
        problems.append(problem(row, "unknown_participant", value=participant))
        participant = None

    period: Period | None = None
    if values.get("period"):
        try:
            period = parse_period(values["period"])
        except PeriodError:
            problems.append(problem(row, "bad_period", value=values["period"]))

    flow = _FLOW_BY_TEXT.get(values.get("flow", "").lower())
    if flow is None and values.get("flow"):
        problems.append(problem(row, "bad_flow", value=values["flow"]))

    carats = _parse_amount(row, "carats", values["carats"], problems) if values.get("carats") else None
    usd = _parse_amount(row, "usd", values["usd"], problems) if values.get("usd") else None
    certificates = _parse_count(row, values["certificates"], problems) if values.get("certificates") else None

    hs_code = _check_hs_code(row, values.get("hs_code", ""), context, problems)
    origin = _check_origin(row, values.get("origin", ""), context, problems)
    partner = values.get("partner", "").upper() or None

    if participant is not None and period is not None and not context.was_participant(participant, period):
        problems.append(
            problem(row, "not_participant_in_period", participant=participant, period=str(period))
        )
    if flow == "production":
        if period is not None and period.kind == "quarter":
            problems.append(problem(row, "production_period_not_half_or_year", period=str(period)))
        if partner is not None:
            problems.append(problem(row, "production_has_partner", partner=partner))
        if certificates is not None:
            problems.append(problem(row, "production_has_certificates"))
    elif flow is not None:
        if period is not None and period.kind == "half":
            problems.append(problem(row, "trade_period_not_quarter_or_year", period=str(period)))
        if partner is not None:
            _check_partner(row, partner, participant, period, context, problems)

    if problems:
        return problems
    if participant is None or period is None or flow is None or carats is None or usd is None:
        raise AssertionError("a row without problems has every required value")  # pragma: no cover
    return SubmissionRow(row, participant, period, flow, carats, usd, certificates, partner, hs_code, origin)


def _check_hs_code(row: int, text: str, context: RowContext, problems: list[Problem]) -> str | None:
    if not text:
        return None
    code = normalize_hs_code(text)
    scope = context.hs_in_scope(code) if code is not None else None
    if scope is False:
        problems.append(problem(row, "hs_out_of_scope", value=hs_dotted(code)))
    elif scope is None:
        problems.append(problem(row, "unknown_hs_code", value=text))
    return code


def _check_origin(row: int, text: str, context: RowContext, problems: list[Problem]) -> str | None:
    if not text:
        return None
    origin = text.upper()
    if origin == MIXED_ORIGIN or (looks_like_alpha2(origin) and context.is_known_country(origin)):
        return origin
    problems.append(problem(row, "bad_origin", value=text))
    return None


def _check_partner(
    row: int,
    partner: str,
    participant: str | None,
    period: Period | None,
    context: RowContext,
    problems: list[Problem],
) -> None:
    if partner == participant:
        problems.append(problem(row, "partner_is_self", participant=participant))
    elif not context.is_known_participant(partner):
        problems.append(problem(row, "unknown_partner", value=partner))
    elif period is not None and not context.was_participant(partner, period):
        problems.append(
            problem(row, "partner_not_participant_in_period", partner=partner, period=str(period))
        )


def validate_rows(
    raw_rows: Iterable[Mapping[str, str | None]],
    *,
    context: RowContext,
    first_row: int = FIRST_DATA_ROW,
) -> tuple[list[SubmissionRow], list[Problem]]:
    """Validate a whole file: every row, duplicates, then :func:`check_file_consistency`.

    Blank rows are skipped. Returns the valid rows (the second of a duplicate pair excluded) and all
    problems sorted by row; the caller decides whether any problem rejects the whole file (the
    platform's default: it does, so a submission is accepted or refused as one).
    """
    valid: list[SubmissionRow] = []
    problems: list[Problem] = []
    first_seen: dict[RowKey, int] = {}
    non_blank = 0
    for offset, raw in enumerate(raw_rows):
        if not any((value or "").strip() for value in raw.values()):
            continue
        non_blank += 1
        number = first_row + offset
        result = validate_row(raw, row=number, context=context)
        if isinstance(result, list):
            problems.extend(result)
            continue
        if result.key in first_seen:
            problems.append(problem(number, "duplicate_row", first_row=first_seen[result.key]))
            continue
        first_seen[result.key] = number
        valid.append(result)
    if not non_blank:
        problems.append(problem(first_row - 1, "no_data_rows"))
    problems.extend(check_file_consistency(valid))
    problems.sort(key=lambda p: p["row"])
    return valid, problems


def check_file_consistency(rows: Sequence[SubmissionRow]) -> list[Problem]:
    """``annual_contradicts_parts``: a year (or half) whose figure disagrees with its parts in the file.

    Figures are compared per participant and flow, summed over any breakdown. When all parts are
    present their sum must equal the whole; when some are missing it must not exceed it. Differences
    of up to 0.01 per part are rounding and pass. The problem sits on the whole's first row and names
    every row involved.
    """
    by_period: dict[tuple[str, Flow], dict[Period, list[SubmissionRow]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for row in rows:
        by_period[(row.participant, row.flow)][row.period].append(row)
    problems: list[Problem] = []
    for (participant, flow), periods in sorted(by_period.items()):
        for whole in sorted(p for p in periods if p.kind != "quarter"):
            for part_kind in ("half", "quarter"):
                parts = sorted(p for p in periods if p.kind == part_kind and whole.contains(p) and p != whole)
                if not parts:
                    continue
                found = _contradiction(
                    participant,
                    flow,
                    whole,
                    periods,
                    parts,
                    complete=(tuple(parts) == whole.children(part_kind)),
                )
                if found is not None:
                    problems.append(found)
    return problems


def _contradiction(
    participant: str,
    flow: Flow,
    whole: Period,
    periods: Mapping[Period, list[SubmissionRow]],
    parts: list[Period],
    *,
    complete: bool,
) -> Problem | None:
    whole_rows = periods[whole]
    part_rows = [row for part in parts for row in periods[part]]
    tolerance = Decimal("0.01") * len(parts)
    carats, usd = dsum(r.carats for r in whole_rows), dsum(r.usd for r in whole_rows)
    parts_carats, parts_usd = dsum(r.carats for r in part_rows), dsum(r.usd for r in part_rows)
    if complete:
        agrees = abs(carats - parts_carats) <= tolerance and abs(usd - parts_usd) <= tolerance
    else:
        agrees = parts_carats - carats <= tolerance and parts_usd - usd <= tolerance
    if agrees:
        return None
    return problem(
        min(r.row for r in whole_rows),
        "annual_contradicts_parts",
        participant=participant,
        flow=flow,
        period=str(whole),
        rows=", ".join(str(r.row) for r in sorted(whole_rows, key=lambda r: r.row)),
        carats=fmt2(carats),
        usd=fmt2(usd),
        parts=", ".join(str(p) for p in parts),
        part_rows=", ".join(str(r.row) for r in sorted(part_rows, key=lambda r: r.row)),
        parts_carats=fmt2(parts_carats),
        parts_usd=fmt2(parts_usd),
    )


__all__ = [
    "RowContext",
    "SubmissionFileError",
    "SubmissionRow",
    "check_file_consistency",
    "context_from_memberships",
    "normalize_hs_code",
    "read_csv",
    "read_xlsx",
    "validate_row",
    "validate_rows",
]
