"""Applications to join and non-compliance cases, with the signals cases are opened from."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from kpcs.accounts.permissions import allowed
from kpcs.errors import DomainError
from kpcs.governance.forms import (
    ActForm,
    AdviseForm,
    ApplicationForm,
    AssessForm,
    CaseForm,
    CloseForm,
    DecideForm,
    OnForm,
    RecommendForm,
)
from kpcs.governance.selectors.cases import application_get, application_list, case_get, case_list
from kpcs.governance.selectors.signals import compliance_signals
from kpcs.governance.services import applications, compliance
from kpcs.governance.status import APPLICATION_TRANSITIONS, CASE_TRANSITIONS
from kpcs.governance.views.common import can, forbidden_unless, submit
from kpcs.web.access import request_actor, requires

# step -> (form, service, permission)
APPLICATION_STEPS: dict[str, tuple[type[forms.Form], Callable, str]] = {
    "assess": (AssessForm, applications.application_assess, "governance.applications.assess"),
    "recommend": (RecommendForm, applications.application_recommend, "governance.applications.assess"),
    "decide": (DecideForm, applications.application_decide, "governance.applications.decide"),
    "admit": (OnForm, applications.application_admit, "governance.applications.decide"),
    "withdraw": (OnForm, applications.application_withdraw, "governance.applications.decide"),
}
STEP_TITLES = {
    "assess": _lazy("Assess the application"), "recommend": _lazy("The committee's recommendation"),
    "decide": _lazy("Decision of the plenary or by written procedure"), "admit": _lazy("Admit the applicant"),
    "withdraw": _lazy("Record a withdrawal"), "advise": _lazy("The committee's advice to the Chair"),
    "act": _lazy("The Chair's action"), "close": _lazy("Close the case"),
}
CASE_STEPS: dict[str, tuple[type[forms.Form], Callable, str]] = {
    "advise": (AdviseForm, compliance.case_advise, "governance.compliance.advise"),
    "act": (ActForm, compliance.case_act, "governance.compliance.act"),
    "close": (CloseForm, compliance.case_close, "governance.compliance.act"),
}


@requires("governance.applications.view")
def application_page(request: HttpRequest) -> HttpResponse:
    form = ApplicationForm()
    if request.method == "POST":
        refused = forbidden_unless(request, "governance.applications.decide")
        if refused:
            return refused
        form = ApplicationForm(request.POST)
        if form.is_valid():
            application = submit(form, lambda: applications.application_receive(actor=request_actor(request),
                                                                                 **form.cleaned_data))
            if application:
                messages.success(request, _("The application was recorded."))
                return redirect("governance-application", application_id=application.pk)
    return render(request, "governance/applications.html", {
        "applications": application_list(), "form": form, **can(request, "governance.applications.decide")})


def _application_steps(request: HttpRequest, application, failed: dict) -> list[dict]:
    actor = request_actor(request)
    steps = []
    for step, (form_class, _service, action) in APPLICATION_STEPS.items():
        transitions = ("decide_admit",) if step == "decide" else (step,)
        if any(application.status in APPLICATION_TRANSITIONS[t][0] for t in transitions) and allowed(actor, action):
            steps.append({"step": step, "title": STEP_TITLES[step],
                          "form": failed.get(step) or form_class(prefix=step)})
    return steps


def _application(request: HttpRequest, application_id: int, failed: dict) -> HttpResponse:
    application = application_get(application_id)
    return render(request, "governance/application.html", {
        "application": application, "steps": _application_steps(request, application, failed)})


@requires("governance.applications.view")
def application_detail(request: HttpRequest, application_id: int) -> HttpResponse:
    return _application(request, application_id, {})


@require_POST
@requires("governance.applications.view")
def application_step(request: HttpRequest, application_id: int, step: str) -> HttpResponse:
    if step not in APPLICATION_STEPS:
        return render(request, "kpcs/not_found.html", status=404)
    form_class, service, action = APPLICATION_STEPS[step]
    refused = forbidden_unless(request, action)
    if refused:
        return refused
    form = form_class(request.POST, prefix=step)
    if form.is_valid() and submit(form, lambda: service(actor=request_actor(request), application_id=application_id,
                                                        **form.cleaned_data)):
        messages.success(request, _("The application moved to its next step."))
        return redirect("governance-application", application_id=application_id)
    return _application(request, application_id, {step: form})


@requires("governance.compliance.view")
def case_page(request: HttpRequest) -> HttpResponse:
    form = CaseForm()
    if request.method == "POST":
        refused = forbidden_unless(request, "governance.compliance.open")
        if refused:
            return refused
        form = CaseForm(request.POST)
        if form.is_valid():
            case = submit(form, lambda: compliance.case_open(actor=request_actor(request), **form.cleaned_data))
            if case:
                messages.success(request, _("The case was opened."))
                return redirect("governance-case", case_id=case.pk)
    status = request.GET.get("status") or None
    return render(request, "governance/cases.html", {
        "cases": case_list(status=status if status != "all" else None, open_only=status is None),
        "status": status or "", "signals": compliance_signals(), "form": form,
        **can(request, "governance.compliance.open")})


@require_POST
@requires("governance.compliance.open")
def signal_open(request: HttpRequest) -> HttpResponse:
    try:
        case = compliance.case_open_from_signal(actor=request_actor(request), signal_key=request.POST.get("key", ""))
    except DomainError as exc:
        messages.error(request, str(exc.message))
        return redirect("governance-cases")
    messages.success(request, _("The case was opened from the signal."))
    return redirect("governance-case", case_id=case.pk)


def _case_steps(request: HttpRequest, case, failed: dict) -> list[dict]:
    actor = request_actor(request)
    return [{"step": step, "title": STEP_TITLES[step], "form": failed.get(step) or form_class(prefix=step)}
            for step, (form_class, _service, action) in CASE_STEPS.items()
            if case.status in CASE_TRANSITIONS[step][0] and allowed(actor, action)]


def _case(request: HttpRequest, case_id: int, failed: dict) -> HttpResponse:
    case = case_get(case_id)
    return render(request, "governance/case.html", {"case": case, "steps": _case_steps(request, case, failed)})


@requires("governance.compliance.view")
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    return _case(request, case_id, {})


@require_POST
@requires("governance.compliance.view")
def case_step(request: HttpRequest, case_id: int, step: str) -> HttpResponse:
    if step not in CASE_STEPS:
        return render(request, "kpcs/not_found.html", status=404)
    form_class, service, action = CASE_STEPS[step]
    refused = forbidden_unless(request, action)
    if refused:
        return refused
    form = form_class(request.POST, prefix=step)
    if form.is_valid() and submit(form, lambda: service(actor=request_actor(request), case_id=case_id,
                                                        **form.cleaned_data)):
        messages.success(request, _("The case moved to its next step."))
        return redirect("governance-case", case_id=case_id)
    return _case(request, case_id, {step: form})
