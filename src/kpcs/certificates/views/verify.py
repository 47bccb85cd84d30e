"""The public verification page: anyone with a certificate number learns its status, its dates and the two
participants, never values, carats or company names. An authority of either participant gets a link to the
whole certificate."""

from __future__ import annotations

import contextlib

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kpcs.accounts.actor import actor_for
from kpcs.accounts.permissions import allowed
from kpcs.certificates import selectors
from kpcs.certificates.forms import VerifyForm
from kpcs.errors import NotFound
from kpcs.participants.models import Participant


def verify(request: HttpRequest) -> HttpResponse:
    form = VerifyForm(request.GET or None)
    result = participants = full = None
    if form.is_bound and form.is_valid():
        result = selectors.certificate_verify_public(number=form.cleaned_data["number"])
        codes = [result.exporting_participant, result.importing_participant]
        by_code = {p.code: p for p in Participant.objects.filter(code__in=[c for c in codes if c])}
        participants = {"exporting": by_code.get(result.exporting_participant),
                        "importing": by_code.get(result.importing_participant)}
        actor = actor_for(request.user)
        if result.status != "unknown" and allowed(actor, "certificates.view"):
            with contextlib.suppress(NotFound):  # not theirs: the public answer only
                full = selectors.certificate_get(actor=actor, number=result.number)
    return render(request, "certificates/verify.html", {
        "form": form, "result": result, "participants": participants, "full": full})
