"""Decisions: the list with each one's Rule 26 state, and one decision with its texts in the five languages."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kpcs.errors import DomainError
from kpcs.governance.forms import DecisionForm, OnForm, TextForm
from kpcs.governance.selectors.decisions import decision_get, decision_list, meeting_list, rule26_state, text_in
from kpcs.governance.services import decisions
from kpcs.governance.status import OFFICIAL_LANGUAGES, language_name
from kpcs.governance.views.common import can, forbidden_unless, submit
from kpcs.web.access import request_actor, requires


@requires("governance.view")
def decision_page(request: HttpRequest) -> HttpResponse:
    meetings = list(meeting_list())
    form = DecisionForm(meetings=meetings)
    if request.method == "POST":
        refused = forbidden_unless(request, "governance.manage")
        if refused:
            return refused
        form = DecisionForm(request.POST, meetings=meetings)
        if form.is_valid():
            decision = submit(form, lambda: decisions.decision_create(actor=request_actor(request),
                                                                      **form.cleaned_data))
            if decision:
                messages.success(request, _("The decision was recorded: agreed, pending translation."))
                return redirect("governance-decision", number=decision.number)
    rows = [{"d": d, "state": s, "text": text_in(d)} for d, s in decision_list()]
    return render(request, "governance/decisions.html", {"rows": rows, "form": form,
                                                         **can(request, "governance.manage")})


def _detail(request: HttpRequest, number: str, *, text_form: TextForm | None = None,
            adopt_form: OnForm | None = None, status: int = 200) -> HttpResponse:
    decision = decision_get(number=number)
    texts = {t.language: t for t in decision.texts.all()}
    # Not "languages": the layout's language switcher uses that name.
    by_language = [{"code": code, "name": language_name(code), "text": texts.get(code)} for code in OFFICIAL_LANGUAGES]
    return render(request, "governance/decision.html", {
        "decision": decision, "state": rule26_state(decision), "texts_by_language": by_language,
        "title": text_in(decision), "text_form": text_form or TextForm(), "adopt_form": adopt_form or OnForm(),
        **can(request, "governance.manage")}, status=status)


@requires("governance.view")
def decision_detail(request: HttpRequest, number: str) -> HttpResponse:
    return _detail(request, number)


@require_POST
@requires("governance.manage")
def decision_text(request: HttpRequest, number: str) -> HttpResponse:
    decision = decision_get(number=number)
    form = TextForm(request.POST)
    if form.is_valid() and submit(form, lambda: decisions.decision_text_set(
            actor=request_actor(request), decision_id=decision.pk, **form.cleaned_data)):
        messages.success(request, _("The text was saved; make it available to all participants."))
        return redirect("governance-decision", number=number)
    return _detail(request, number, text_form=form)


@require_POST
@requires("governance.manage")
def decision_circulate(request: HttpRequest, number: str, language: str) -> HttpResponse:
    decision = decision_get(number=number)
    form = OnForm(request.POST)
    if form.is_valid():
        try:
            decisions.decision_text_circulate(actor=request_actor(request), decision_id=decision.pk,
                                              language=language, on=form.cleaned_data["on"])
        except DomainError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("The text is recorded as made available to all participants."))
    return redirect("governance-decision", number=number)


@require_POST
@requires("governance.manage")
def decision_adopt(request: HttpRequest, number: str) -> HttpResponse:
    decision = decision_get(number=number)
    form = OnForm(request.POST)
    if form.is_valid() and submit(form, lambda: decisions.decision_adopt(
            actor=request_actor(request), decision_id=decision.pk, on=form.cleaned_data["on"])):
        messages.success(request, _("The decision is formally adopted."))
        return redirect("governance-decision", number=number)
    return _detail(request, number, adopt_form=form)
