"""One certificate: every field, the QR code, the history, the import confirmation, and the actions the
reader may take on it (each action is checked again by its service)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from kpcs import signing
from kpcs.accounts.actor import Actor
from kpcs.accounts.permissions import allowed
from kpcs.certificates import selectors
from kpcs.certificates.forms import ConfirmForm, VoidForm
from kpcs.certificates.models import Certificate
from kpcs.certificates.status import Status
from kpcs.certificates.views.common import history_rows, row_of
from kpcs.web.access import request_actor, requires

DIFFERENCE_LABELS = {"parcels": gettext_lazy("Number of parcels"), "carats": gettext_lazy("Carats"),
                     "usd": gettext_lazy("Value (US$)")}


def _replacement(c: Certificate) -> Certificate | None:
    try:
        return c.replaced_by
    except Certificate.DoesNotExist:
        return None


def _may(actor: Actor, c: Certificate, status: str, replacement: Certificate | None) -> dict[str, bool]:
    exporting, importing = c.exporting_participant.code, c.importing_participant.code
    return {
        # The service also refuses the officer who prepared the draft; the button is hidden for them.
        "validate": c.status == Status.DRAFT and c.prepared_by_id != actor.user.pk
        and allowed(actor, "certificates.validate", participant=exporting),
        "confirm": status == Status.ISSUED and allowed(actor, "certificates.confirm", participant=importing),
        "void": status == Status.ISSUED and allowed(actor, "certificates.void", participant=exporting),
        "replace": status == Status.ISSUED and replacement is None
        and allowed(actor, "certificates.draft", participant=exporting),
    }


def render_detail(request: HttpRequest, pk: int, *, confirm_form: ConfirmForm | None = None,
                  void_form: VoidForm | None = None, validate_errors: list[str] | None = None,
                  status: int = 200) -> HttpResponse:
    actor = request_actor(request)
    c = selectors.certificate_get(actor=actor, pk=pk)
    row = row_of(c, dt.date.today())
    replacement = _replacement(c)
    confirmation = getattr(c, "confirmation", None) if c.status == Status.CONFIRMED else None
    may = _may(actor, c, row["status"], replacement)
    return render(request, "certificates/detail.html", {
        **row, "may": may, "replacement": replacement, "history": history_rows(c),
        "confirmation": confirmation,
        "differences": [{**d, "label": DIFFERENCE_LABELS.get(d["field"], d["field"])}
                        for d in (confirmation.discrepancies if confirmation else [])],
        # segno writes the SVG from the signed text alone: nothing user-typed reaches this markup.
        "qr_svg": mark_safe(signing.qr_svg(c.qr_text, scale=3)) if c.qr_text else "",  # noqa: S308
        "preparer_may_not_validate": c.status == Status.DRAFT and c.prepared_by_id == actor.user.pk,
        "confirm_form": confirm_form or (ConfirmForm(initial={"date_received": dt.date.today()})
                                         if may["confirm"] else None),
        "void_form": void_form or (VoidForm() if may["void"] else None),
        "validate_errors": validate_errors or [],
        "overdue_days": settings.KPCS_CONFIRMATION_OVERDUE_DAYS,
    }, status=status)


@requires("certificates.view")
def certificate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_detail(request, pk)
