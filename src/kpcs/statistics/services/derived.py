"""Keeping the certificate-derived trade table current (see :mod:`kpcs.statistics.models.derived`).

``statistics_refresh_certificate`` is called by the certificate services after each state change has
committed; it adds or takes away that certificate's lines in the cells it belongs to, as its status now
requires, and records what it counts (:class:`~kpcs.statistics.models.DerivedCertificate`), so calling it
twice, or late, changes nothing more. ``derived_rebuild`` recomputes the whole table with aggregate
queries, for after bulk loads or as a repair; both give the same table (tested).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, F, Min, Q, Sum
from django.db.models.functions import ExtractQuarter, ExtractYear

from kpcs.accounts.actor import Actor
from kpcs.audit.services import audit_record
from kpcs.certificates.models import Certificate, CertificateLine, ImportConfirmation
from kpcs.participants.models import Participant
from kpcs.statistics.models import DerivedCertificate, DerivedTrade
from kpcs.statmath.periods import Period, quarter_of

# Which certificate statuses count, for each flow (documented in docs/statistics.md).
EXPORT_STATUSES = ("issued", "confirmed", "expired")
IMPORT_STATUSES = ("confirmed",)
CellKey = tuple[int, str, int, int, int, str]  # participant id, flow, partner id, year, quarter, hs code
_SIDES = {
    # flow: (statuses, date field, participant field, partner field) on Certificate
    "export": (EXPORT_STATUSES, "issue_date", "exporting_participant_id", "importing_participant_id"),
    "import": (IMPORT_STATUSES, "confirmation__date_received", "importing_participant_id",
               "exporting_participant_id"),
}


def _aggregate(flow: str, where: dict[str, Any]) -> dict[CellKey, list[Any]]:
    """Carats, US$ and certificate counts of one flow, grouped into cells, for the certificates matching the
    lookups ``where`` (written on Certificate). One query; each certificate is counted on its first line
    (the lowest line id, found by a grouped sub-select the database joins once, not per certificate)."""
    statuses, day, me, partner = _SIDES[flow]
    on_certificate = {"status__in": statuses, f"{day}__isnull": False, **where}
    first_lines = CertificateLine.objects.values("certificate_id").annotate(first=Min("id")).values("first")
    lines = CertificateLine.objects.filter(**{f"certificate__{k}": v for k, v in on_certificate.items()}).values_list(
        F(f"certificate__{me}"), F(f"certificate__{partner}"), ExtractYear(f"certificate__{day}"),
        ExtractQuarter(f"certificate__{day}"), "hs_code").annotate(
        carats=Sum("carats"), usd=Sum("usd"), n=Count("id", filter=Q(id__in=first_lines))).order_by()
    cells: dict[CellKey, list[Any]] = {}
    for p, q, year, quarter, hs, carats, usd, n in lines:
        key = (p, flow, q, year, quarter, hs.replace(".", ""))
        cell = cells.setdefault(key, [Decimal(0), Decimal(0), 0])
        cell[0] += carats
        cell[1] += usd
        cell[2] += n
    return cells


def _rows(cells: dict[CellKey, list[Any]]) -> list[DerivedTrade]:
    return [DerivedTrade(participant_id=p, flow=flow, partner_id=q, year=year, quarter=quarter, hs_code=hs,
                         carats=carats, usd=usd, certificates=n)
            for (p, flow, q, year, quarter, hs), (carats, usd, n) in cells.items()]


def _apply(sign: int, flow: str, me: int, partner: int, period: Period, lines: list[tuple[str, Decimal, Decimal]]
           ) -> None:
    """Add (``sign`` 1) or take away (-1) one certificate's lines in its cells; empty cells go."""
    sums: dict[str, list[Any]] = defaultdict(lambda: [Decimal(0), Decimal(0), 0])
    for position, (hs, carats, usd) in enumerate(lines):
        cell = sums[hs.replace(".", "")]
        cell[0] += carats
        cell[1] += usd
        cell[2] += 1 if position == 0 else 0  # the certificate counts once, on its first line's HS code
    for hs, (carats, usd, n) in sums.items():
        cell, _created = DerivedTrade.objects.get_or_create(
            participant_id=me, flow=flow, partner_id=partner, year=period.year, quarter=period.index, hs_code=hs,
            defaults={"carats": Decimal(0), "usd": Decimal(0), "certificates": 0})
        cell.carats += sign * carats
        cell.usd += sign * usd
        cell.certificates += sign * n
        if cell.carats <= 0 and cell.certificates <= 0:
            cell.delete()
        else:
            cell.save(update_fields=["carats", "usd", "certificates"])


def statistics_refresh_certificate(certificate_id: int) -> None:
    """Bring the derived cells in line with one certificate's current state: add or take away its lines
    where what it should contribute differs from what it contributes (see :class:`DerivedCertificate`).

    Safe to call any number of times, in any order: the certificate is read, and its contribution changed,
    under a lock on both participants, so two refreshes touching the same cells run one after the other.
    The cost is that of the certificate's own lines, whatever the size of its quarter.
    """
    pair = Certificate.objects.filter(pk=certificate_id).values_list(
        "exporting_participant_id", "importing_participant_id").first()
    if pair is None:
        return
    with transaction.atomic():
        list(Participant.objects.select_for_update().filter(pk__in=pair).order_by("pk").values("pk"))
        row = Certificate.objects.filter(pk=certificate_id).values(
            "status", "issue_date", "confirmation__date_received").first()
        received: dt.date | None = row["confirmation__date_received"]
        want = (row["issue_date"] is not None and row["status"] in EXPORT_STATUSES,
                received is not None and row["status"] in IMPORT_STATUSES)
        state = DerivedCertificate.objects.select_for_update().filter(certificate_id=certificate_id).first()
        had = (state.export_counted, state.import_counted) if state else (False, False)
        if want == had:
            return
        lines = list(CertificateLine.objects.filter(certificate_id=certificate_id).order_by("id").values_list(
            "hs_code", "carats", "usd"))
        exporter, importer = pair
        if want[0] != had[0]:
            _apply(1 if want[0] else -1, "export", exporter, importer, quarter_of(row["issue_date"]), lines)
        if want[1] != had[1]:
            _apply(1 if want[1] else -1, "import", importer, exporter, quarter_of(received), lines)
        if any(want):
            DerivedCertificate.objects.update_or_create(
                certificate_id=certificate_id, defaults={"export_counted": want[0], "import_counted": want[1]})
        elif state is not None:
            state.delete()


def statistics_certificate_changed(certificate_id: int) -> None:
    """The hook the certificate services call after a state change: refresh once the change has committed.

    ``robust``: a failure is logged, never raised into the certificate write that already committed
    (``kpcs stats rebuild`` repairs the table).
    """
    def refresh_after_commit() -> None:
        # A named function, not functools.partial: robust on_commit logs failures by the callable's __qualname__.
        statistics_refresh_certificate(certificate_id)

    transaction.on_commit(refresh_after_commit, robust=True)


def _record_counted() -> None:
    """Which certificates the rebuilt table counts, in one INSERT ... SELECT."""
    table = DerivedCertificate._meta.db_table
    certificates = Certificate._meta.db_table
    confirmations = ImportConfirmation._meta.db_table
    marks = ", ".join(["%s"] * len(EXPORT_STATUSES))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (certificate_id, export_counted, import_counted) "  # noqa: S608 - names from models
            f"SELECT c.id, %s, CASE WHEN c.status IN ({', '.join(['%s'] * len(IMPORT_STATUSES))}) AND EXISTS "
            f"(SELECT 1 FROM {confirmations} ic WHERE ic.certificate_id = c.id) THEN %s ELSE %s END "
            f"FROM {certificates} c WHERE c.issue_date IS NOT NULL AND c.status IN ({marks})",
            [True, *IMPORT_STATUSES, True, False, *EXPORT_STATUSES])


@transaction.atomic
def derived_rebuild(*, actor: Actor | None = None) -> int:
    """Recompute the whole certificate-derived trade table. Returns the number of cells."""
    DerivedTrade.objects.all().delete()
    DerivedCertificate.objects.all().delete()
    rows = [*_rows(_aggregate("export", {})), *_rows(_aggregate("import", {}))]
    DerivedTrade.objects.bulk_create(rows, batch_size=5000)
    _record_counted()
    audit_record(actor=actor, action="rebuild", object_type="kp_statistics.derivedtrade", object_id="*",
                 object_label="certificate-derived trade", changes={"cells": len(rows)})
    return len(rows)
