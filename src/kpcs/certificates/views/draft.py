"""Preparing a draft (new, or the replacement of an issued certificate), with inline validation."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kpcs.certificates import selectors
from kpcs.certificates.forms import DraftForm, DraftForms
from kpcs.certificates.models import Certificate
from kpcs.certificates.rules import RuleViolation
from kpcs.certificates.services import lifecycle
from kpcs.certificates.status import KP_HS_CODES, Status
from kpcs.certificates.views.common import exporting_code, title_of
from kpcs.errors import Conflict, DomainError, NotFound
from kpcs.participants.selectors import participant_get
from kpcs.web.access import request_actor, requires

ROW_BUTTONS = {"add_line": "lines", "add_origin": "origins"}


def _with_one_more_row(request: HttpRequest) -> dict | None:
    """The posted data with one more blank row, when the user asked for one (works without JavaScript)."""
    for button, prefix in ROW_BUTTONS.items():
        if button in request.POST:
            data = request.POST.copy()
            key = f"{prefix}-TOTAL_FORMS"
            data[key] = str(int(data.get(key) or 0) + 1)
            return data
    return None


def _render(request: HttpRequest, forms: DraftForms, *, replaces=None, status: int = 200) -> HttpResponse:
    return render(request, "certificates/draft.html", {
        "forms": forms, "replaces": replaces, "replaces_title": title_of(replaces) if replaces else "",
        "hs_codes": KP_HS_CODES, "officer_participants": sorted(
            request_actor(request).participants_for("authority_officer")),
    }, status=status)


def _draft_page(request: HttpRequest, *, replaces=None) -> HttpResponse:
    actor = request_actor(request)
    today = dt.date.today()
    wanted = replaces.exporting_participant.code if replaces else (
        request.POST.get("exporting") or request.GET.get("exporting"))
    exporting = participant_get(code=exporting_code(actor, wanted))
    if request.method != "POST":
        initial = lifecycle.draft_input_of(replaces) if replaces else None
        return _render(request, DraftForms(exporting=exporting, on=today, initial=initial), replaces=replaces)
    more = _with_one_more_row(request)
    if more is not None:
        forms = DraftForms(exporting=exporting, on=today, data=more)
        return _render(request, forms, replaces=replaces)
    forms = DraftForms(exporting=exporting, on=today, data=request.POST)
    if not forms.parses():
        forms.judge()  # every problem at once, not only the ones Django sees
        return _render(request, forms, replaces=replaces, status=400)
    try:
        if replaces:
            c = lifecycle.certificate_replace(actor=actor, number=replaces.number, data=forms.draft_input())
        else:
            c = lifecycle.certificate_draft_create(actor=actor, exporting=exporting.code, data=forms.draft_input())
    except NotFound:
        raise
    except DomainError as exc:  # a broken rule goes next to its field; anything else above the form
        forms.add_problems(exc.details if isinstance(exc, RuleViolation) else [{"message": str(exc.message)}])
        return _render(request, forms, replaces=replaces, status=exc.status)
    messages.success(request, _("The draft was saved. A validator of your authority must now validate it."))
    return redirect("certificate-detail", pk=c.pk)


@requires("certificates.draft")
def certificate_new(request: HttpRequest) -> HttpResponse:
    return _draft_page(request)


@requires("certificates.draft")
def certificate_replace(request: HttpRequest, pk: int) -> HttpResponse:
    old = selectors.certificate_get(actor=request_actor(request), pk=pk)
    if request.method != "POST":  # say it before the form is filled in; the service checks again on saving
        if old.status != Status.ISSUED:
            raise Conflict(_("Only an issued certificate can be replaced."), code="invalid_transition")
        if Certificate.objects.filter(replaces=old).exists():
            raise Conflict(_("A replacement for this certificate is already being prepared."),
                           code="replacement_exists")
    return _draft_page(request, replaces=old)


@require_GET
@requires("certificates.draft")
def importer_select(request: HttpRequest) -> HttpResponse:
    """The importer select for the chosen destination (HTMX swaps it in when the destination changes)."""
    actor = request_actor(request)
    exporting = participant_get(code=exporting_code(actor, request.GET.get("exporting")))
    form = DraftForm(exporting=exporting, on=dt.date.today(),
                     initial={"destination": (request.GET.get("destination") or "").upper()})
    return render(request, "certificates/_importer_field.html", {"field": form["importer"]})


@require_POST
@requires("certificates.draft")
def draft_check(request: HttpRequest) -> HttpResponse:
    """Inline validation: every rule, nothing saved; refreshes every error slot of the draft form."""
    actor = request_actor(request)
    exporting = participant_get(code=exporting_code(actor, request.POST.get("exporting")))
    forms = DraftForms(exporting=exporting, on=dt.date.today(), data=request.POST)
    forms.judge(partial=True)
    return render(request, "certificates/_check.html", {"slots": forms.error_slots(),
                                                         "count": forms.error_count()})
