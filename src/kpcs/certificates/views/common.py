"""What several certificate pages show the same way."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from kpcs.accounts.actor import Actor
from kpcs.certificates.models import Certificate
from kpcs.certificates.selectors import certificate_history, effective_status, is_overdue
from kpcs.certificates.status import Status
from kpcs.errors import PermissionDenied


def status_label(code: str | None) -> str:
    return Status(code).label if code in Status.values else ""


def title_of(c: Certificate) -> str:
    return c.number or _("Draft certificate #%(id)s") % {"id": c.pk}


def row_of(c: Certificate, today: dt.date) -> dict:
    """One certificate with the status a reader should see today."""
    status = effective_status(c, today=today)
    return {"c": c, "title": title_of(c), "status": status, "status_label": status_label(status),
            "overdue": is_overdue(c, today=today)}


def history_rows(c: Certificate) -> list[dict]:
    """The audit trail of the certificate as rows: who, when, from which status to which, and the note."""
    rows = []
    for event in certificate_history(c):
        before, after = (event.changes.get("status") or [None, None])[:2]
        rows.append({"at": event.at, "who": event.actor_label, "from": status_label(before),
                     "to": status_label(after), "note": event.note,
                     "replaced_by": event.changes.get("replaced_by"), "replaces": event.changes.get("replaces")})
    return rows


def exporting_code(actor: Actor, wanted: str | None) -> str:
    """The participant an officer drafts for: the one asked for, else their first."""
    codes = sorted(actor.participants_for("authority_officer"))
    code = (wanted or (codes[0] if codes else "")).upper()
    if code not in codes:
        raise PermissionDenied(_("You do not have permission to do this."))
    return code
