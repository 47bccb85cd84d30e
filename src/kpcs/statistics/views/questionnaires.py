"""Data Anomaly Questionnaires: list, read, and the buttons that move them along."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kpcs.accounts.permissions import allowed
from kpcs.errors import DomainError
from kpcs.statistics.forms import AnswerForm, CloseForm, QuestionnaireDraftForm, QuestionsForm
from kpcs.statistics.messages import translated
from kpcs.statistics.models import Questionnaire
from kpcs.statistics.selectors.questionnaires import questionnaire_get, questionnaire_list
from kpcs.statistics.services import questionnaires as services
from kpcs.web.access import request_actor, requires


@requires("statistics.questionnaire.view")
def questionnaire_index(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status") or None
    if status not in Questionnaire.Status.values:
        status = None
    items = questionnaire_list(actor=request_actor(request), status=status)[:200]
    return render(request, "statistics/questionnaires.html", {
        "items": items, "status": status, "statuses": Questionnaire.Status.choices})


@requires("statistics.questionnaire.view")
def questionnaire_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_actor(request)
    q = questionnaire_get(actor=actor, questionnaire_id=pk)
    manage = allowed(actor, "statistics.questionnaire.manage")
    answer = allowed(actor, "statistics.questionnaire.answer", participant=q.participant.code)
    return render(request, "statistics/questionnaire.html", {
        "q": q, "findings": [translated(f) for f in q.findings],
        "questions_form": QuestionsForm(initial={"questions": q.questions}) if manage and q.status == "draft" else None,
        "can_send": manage and q.status == "draft",
        "close_form": CloseForm() if manage and q.status in ("draft", "answered") else None,
        "answer_form": AnswerForm() if answer and q.status == "sent" else None})


@require_POST
@requires("statistics.questionnaire.manage")
def questionnaire_new(request: HttpRequest) -> HttpResponse:
    form = QuestionnaireDraftForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say which report the questionnaire is about."))
        return redirect("statistics-questionnaires")
    try:
        q = services.questionnaire_draft(actor=request_actor(request), **{
            **form.cleaned_data, "participant": form.cleaned_data["participant"].upper()})
    except DomainError as exc:
        messages.error(request, str(exc.message))
        return redirect("statistics-questionnaires")
    messages.success(request, _("The questionnaire was drafted. Read it, edit it if needed, and send it."))
    return redirect("statistics-questionnaire", pk=q.pk)


def _act(request: HttpRequest, pk: int, step: Callable[..., Questionnaire], done: str, **kwargs) -> HttpResponse:
    try:
        step(actor=request_actor(request), questionnaire_id=pk, **kwargs)
    except DomainError as exc:
        messages.error(request, str(exc.message))
        if exc.status == 404:
            return redirect("statistics-questionnaires")
    else:
        messages.success(request, done)
    return redirect("statistics-questionnaire", pk=pk)


def _text(request: HttpRequest, form_class: type, field: str) -> str:
    form = form_class(request.POST)
    return form.cleaned_data[field] if form.is_valid() else ""


@require_POST
@requires("statistics.questionnaire.manage")
def questionnaire_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, services.questionnaire_update, _("The questions were saved."),
                questions=_text(request, QuestionsForm, "questions"))


@require_POST
@requires("statistics.questionnaire.manage")
def questionnaire_send(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, services.questionnaire_send, _("The questionnaire was sent to the focal point."))


@require_POST
@requires("statistics.questionnaire.answer")
def questionnaire_answer(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, services.questionnaire_answer, _("Your answer was sent to the Working Group."),
                answer=_text(request, AnswerForm, "answer"))


@require_POST
@requires("statistics.questionnaire.manage")
def questionnaire_close(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, services.questionnaire_close, _("The questionnaire was closed and kept on record."),
                outcome=_text(request, CloseForm, "outcome"))
