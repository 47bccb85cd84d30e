"""Importing figures: a file is accepted or refused as a whole, and only what changed gets a new vintage.

A file groups its rows into reports (participant, period, flow). For each report in the file:

* no current vintage yet -> vintage 1 (``new``);
* the current vintage holds exactly these rows -> nothing is written (``unchanged``), which makes
  re-importing a file idempotent;
* otherwise -> a new vintage becomes current (``revised``); the older ones stay readable.

Reports the file does not mention are left alone. Writes take a row lock on each participant concerned,
so two uploads for the same participant are applied one after the other.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kpcs.accounts.actor import Actor
from kpcs.accounts.permissions import require
from kpcs.accounts.roles import Role
from kpcs.audit.services import audit_record
from kpcs.errors import DomainError, PermissionDenied
from kpcs.participants.models import Participant
from kpcs.statistics.messages import translated
from kpcs.statistics.models import Figure, ReportVintage, Submission
from kpcs.statistics.models.choices import Source
from kpcs.statistics.selectors.registry import membership_intervals, row_context
from kpcs.statistics.services.validation import ValidRow, read_rows, validate_file_rows
from kpcs.statmath.periods import Period
from kpcs.statmath.problems import Problem
from kpcs.statmath.readers import SubmissionFileError

ReportKey = tuple[str, str, str]  # participant, period, flow
ChangeStatus = Literal["new", "revised", "unchanged"]
_BATCH = 2000


class SubmissionRejected(DomainError):
    """The file was refused; ``details["problems"]`` names every bad row and why (translated)."""

    status = 400
    code = "submission_rejected"


@dataclass(frozen=True)
class Entry:
    """One figure row ready to store."""

    participant: str
    period: Period
    flow: str
    carats: Decimal
    usd: Decimal
    certificates: int | None = None
    partner: str | None = None
    hs_code: str = ""
    origin: str = ""
    mining_type: str = ""
    row: int = 0

    @property
    def report(self) -> ReportKey:
        return (self.participant, str(self.period), self.flow)

    @property
    def content(self) -> tuple:
        return (self.partner or "", self.hs_code, self.origin, self.mining_type, self.carats, self.usd,
                self.certificates)


@dataclass
class ReportChange:
    participant: str
    period: str
    flow: str
    status: ChangeStatus
    vintage: int
    rows: int


@dataclass
class ImportResult:
    """What an import did (or, for a dry run, would do)."""

    dry_run: bool
    rows: int
    reports: list[ReportChange] = field(default_factory=list)
    submission_id: int | None = None

    @property
    def changed(self) -> int:
        return sum(1 for r in self.reports if r.status != "unchanged")

    def as_dict(self) -> dict[str, Any]:
        return {"dry_run": self.dry_run, "rows": self.rows, "submission": self.submission_id,
                "changed": self.changed, "unchanged": len(self.reports) - self.changed,
                "reports": [vars(r) for r in self.reports]}


def rejected(problems: list[Problem]) -> SubmissionRejected:
    """The error that refuses a file, with every problem translated into the active language."""
    return SubmissionRejected(
        ngettext("The file was refused: %(count)d problem was found. Nothing was stored.",
                 "The file was refused: %(count)d problems were found. Nothing was stored.",
                 len(problems)) % {"count": len(problems)},
        details={"problems": [translated(p) for p in problems]})


def allowed_participants(actor: Actor | None, participant: str | None) -> set[str] | None:
    """The participants a submission may report for; None means anyone (the Secretariat, the CLI)."""
    wanted = participant.strip().upper() if participant else None
    if actor is None or actor.is_secretariat:
        if actor is not None:
            require(actor, "statistics.submit")
        return {wanted} if wanted else None
    require(actor, "statistics.submit")
    mine = set(actor.participants_for(Role.STATISTICS_FOCAL_POINT))
    if wanted is not None and wanted not in mine:
        raise PermissionDenied(_("You may submit figures for %(codes)s only.")
                               % {"codes": ", ".join(sorted(mine)) or "-"})
    return {wanted} if wanted else mine


def _entry(v: ValidRow) -> Entry:
    r = v.row
    return Entry(r.participant, r.period, r.flow, r.carats, r.usd, r.certificates, r.partner, r.hs_code or "",
                 r.origin or "", v.mining_type, r.row)


def submission_import(*, actor: Actor | None, data: bytes, file_name: str = "", participant: str | None = None,
                      source: str = Source.UPLOAD, dry_run: bool = False, received_on: dt.date | None = None,
                      note: str = "", today: dt.date | None = None) -> ImportResult:
    """Check a CSV or XLSX file and, unless ``dry_run``, store it: all or nothing.

    Any problem raises :class:`SubmissionRejected` and nothing is stored. ``participant`` restricts the
    file to one participant; focal points may submit for their own participant only. Only the Secretariat
    (or the command line) may record a ``received_on`` other than today, for figures that arrived on paper.
    """
    today = today or dt.date.today()
    allowed = allowed_participants(actor, participant)
    if received_on is not None and actor is not None and not actor.is_secretariat:
        raise PermissionDenied(_("Only the Secretariat may record another date of receipt."))
    try:
        raw = read_rows(data, file_name)
    except SubmissionFileError as exc:
        raise rejected(exc.problems) from None
    valid, problems = validate_file_rows(raw, context=row_context(membership_intervals()), allowed=allowed,
                                         today=today)
    if problems:
        raise rejected(problems)
    return store_entries(actor=actor, entries=[_entry(v) for v in valid], source=source, file_name=file_name,
                         file_sha256=hashlib.sha256(data).hexdigest(), received_on=received_on or today,
                         note=note, dry_run=dry_run)


def _current(keys: Collection[ReportKey]) -> dict[ReportKey, tuple[int, frozenset]]:
    """Current vintage id and content of each report."""
    codes = {k[0] for k in keys}
    periods = {k[1] for k in keys}
    contents: dict[ReportKey, set] = defaultdict(set)
    ids: dict[ReportKey, int] = {}
    for vid, code, period, flow in ReportVintage.objects.filter(
            current=True, participant__code__in=codes, period__in=periods).values_list(
            "id", "participant__code", "period", "flow"):
        if (code, period, flow) in keys:
            ids[(code, period, flow)] = vid
    by_id = {vid: key for key, vid in ids.items()}
    for row in Figure.objects.filter(vintage_id__in=list(by_id)).values_list(
            "vintage_id", "partner__code", "hs_code", "origin", "mining_type", "carats", "usd", "certificates"):
        contents[by_id[row[0]]].add((row[1] or "", *row[2:]))
    return {key: (vid, frozenset(contents[key])) for key, vid in ids.items()}


def _latest_numbers(keys: Collection[ReportKey]) -> dict[ReportKey, int]:
    rows = ReportVintage.objects.filter(participant__code__in={k[0] for k in keys},
                                        period__in={k[1] for k in keys}).values_list(
        "participant__code", "period", "flow").annotate(n=Max("number"))
    return {(code, period, flow): n for code, period, flow, n in rows}


def store_entries(*, actor: Actor | None, entries: list[Entry], source: str, file_name: str = "",
                  file_sha256: str = "", received_on: dt.date, note: str = "", dry_run: bool = False) -> ImportResult:
    """Store checked entries as new vintages of the reports they change (see the module docstring)."""
    groups: dict[ReportKey, list[Entry]] = defaultdict(list)
    for e in entries:
        groups[e.report].append(e)
    result = ImportResult(dry_run=dry_run, rows=len(entries))
    with transaction.atomic():
        codes = sorted({k[0] for k in groups} | {e.partner for e in entries if e.partner})
        if not dry_run:  # one writer per participant at a time; the lock order avoids deadlocks
            list(Participant.objects.select_for_update().filter(code__in=codes).order_by("code").values("id"))
        current = _current(groups.keys())
        latest = _latest_numbers(groups.keys())
        changed: list[tuple[ReportKey, int]] = []
        for key, rows in sorted(groups.items()):
            content = frozenset(e.content for e in rows)
            if key in current and current[key][1] == content:
                result.reports.append(ReportChange(*key, "unchanged", latest[key], len(rows)))
                continue
            number = latest.get(key, 0) + 1
            result.reports.append(ReportChange(*key, "revised" if key in latest else "new", number, len(rows)))
            changed.append((key, number))
        if dry_run or not changed:
            return result
        ids = {p["code"]: p["id"] for p in Participant.objects.filter(code__in=codes).values("code", "id")}
        submission = Submission(source=source, file_name=file_name[:255], file_sha256=file_sha256,
                                received_on=received_on, rows=len(entries), note=note,
                                submitted_by=actor.user if actor is not None and not actor.is_anonymous else None)
        submission.full_clean()
        submission.save()
        _write(submission, groups, changed, current, ids)
        result.submission_id = submission.pk
        audit_record(actor=actor, action="create", instance=submission, changes={
            "source": source, "rows": len(entries), "received_on": received_on.isoformat(),
            "vintages": [f"{k[0]} {k[1]} {k[2]} v{n}" for k, n in changed[:500]], "vintage_count": len(changed)})
    return result


def _chunks(items: list, size: int = 500) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _write(submission: Submission, groups: dict[ReportKey, list[Entry]], changed: list[tuple[ReportKey, int]],
           current: dict[ReportKey, tuple[int, frozenset]], ids: dict[str, int]) -> None:
    superseded = [current[key][0] for key, _n in changed if key in current]
    for chunk in _chunks(superseded):
        ReportVintage.objects.filter(id__in=chunk).update(current=False)
    vintages = []
    for (code, period_text, flow), number in changed:
        period = groups[(code, period_text, flow)][0].period
        vintages.append(ReportVintage(participant_id=ids[code], period=period_text, year=period.year,
                                      period_kind=period.kind, period_index=period.index, flow=flow, number=number,
                                      current=True, submission=submission, received_on=submission.received_on))
    ReportVintage.objects.bulk_create(vintages, batch_size=_BATCH)
    figures = [
        Figure(vintage=vintage, partner_id=ids[e.partner] if e.partner else None, hs_code=e.hs_code, origin=e.origin,
               mining_type=e.mining_type, carats=e.carats, usd=e.usd, certificates=e.certificates, row=e.row)
        for vintage, (key, _n) in zip(vintages, changed, strict=True) for e in groups[key]]
    Figure.objects.bulk_create(figures, batch_size=_BATCH)
