"""The actions on one certificate (POST only). Each calls its service; a refusal is shown on the certificate's
page next to the action, with the service's translated message."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kpcs.certificates import selectors
from kpcs.certificates.forms import ConfirmForm, VoidForm
from kpcs.certificates.services import lifecycle
from kpcs.certificates.views.detail import render_detail
from kpcs.errors import DomainError, NotFound
from kpcs.web.access import request_actor, requires


def _messages_of(exc: DomainError) -> list[str]:
    return [d["message"] for d in exc.details] if isinstance(exc.details, list) else [str(exc.message)]


@require_POST
@requires("certificates.validate")
def certificate_validate(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        c = lifecycle.certificate_validate(actor=request_actor(request), certificate_id=pk)
    except NotFound:
        raise
    except DomainError as exc:
        return render_detail(request, pk, validate_errors=_messages_of(exc), status=exc.status)
    messages.success(request, _("Certificate %(number)s was validated, signed and issued.") % {"number": c.number})
    return redirect("certificate-detail", pk=pk)


@require_POST
@requires("certificates.confirm")
def certificate_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_actor(request)
    c = selectors.certificate_get(actor=actor, pk=pk)
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        return render_detail(request, pk, confirm_form=form, status=400)
    try:
        confirmation = lifecycle.certificate_confirm(actor=actor, number=c.number or "", **form.cleaned_data)
    except NotFound:
        raise
    except DomainError as exc:
        if isinstance(exc.details, list):
            form.add_problems(exc.details)
        else:
            form.add_error(None, str(exc.message))
        return render_detail(request, pk, confirm_form=form, status=exc.status)
    if confirmation.discrepancies:
        messages.warning(request, _("The import of %(number)s was confirmed. What was received differs from the "
                                    "certificate: the differences are flagged below.") % {"number": c.number})
    else:
        messages.success(request, _("The import of %(number)s was confirmed.") % {"number": c.number})
    return redirect("certificate-detail", pk=pk)


@require_POST
@requires("certificates.void")
def certificate_void(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_actor(request)
    c = selectors.certificate_get(actor=actor, pk=pk)
    form = VoidForm(request.POST)
    form.is_valid()
    try:
        lifecycle.certificate_void(actor=actor, number=c.number or "", reason=form.cleaned_data.get("reason", ""))
    except NotFound:
        raise
    except DomainError as exc:
        form.add_error("reason", str(exc.message))
        return render_detail(request, pk, void_form=form, status=exc.status)
    messages.success(request, _("Certificate %(number)s was voided.") % {"number": c.number})
    return redirect("certificate-detail", pk=pk)
