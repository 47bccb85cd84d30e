"""The expert roster."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kpcs.reviews import selectors
from kpcs.reviews.forms import ExpertFilterForm, ExpertForm, ExpertUpdateForm, UnavailabilityForm
from kpcs.reviews.services import roster
from kpcs.reviews.views.common import can, forbidden_unless, submit
from kpcs.web.access import request_actor, requires


@requires("reviews.view")
def expert_list(request: HttpRequest) -> HttpResponse:
    form = ExpertForm()
    if request.method == "POST":
        refused = forbidden_unless(request, "reviews.manage")
        if refused:
            return refused
        form = ExpertForm(request.POST)
        if form.is_valid():
            expert = submit(form, lambda: roster.expert_create(actor=request_actor(request), **form.service_kwargs()))
            if expert:
                messages.success(request, _("The expert was added to the roster."))
                return redirect("reviews-expert", expert_id=expert.pk)
    filters = ExpertFilterForm(request.GET)
    cleaned = filters.cleaned_data if filters.is_valid() else {}
    experts = selectors.expert_list(kind=cleaned.get("kind") or None, nominated_by=cleaned.get("nominated_by") or None,
                                    search=cleaned.get("q") or None)
    return render(request, "reviews/experts.html", {
        "experts": experts, "filters": filters, "form": form, **can(request, "reviews.manage")})


def _edit_form(expert) -> ExpertUpdateForm:
    return ExpertUpdateForm(initial={"languages": ", ".join(expert.languages), "expertise": expert.expertise,
                                     "max_visits": expert.max_visits, "active": expert.active}, prefix="edit")


@requires("reviews.view")
def expert_detail(request: HttpRequest, expert_id: int) -> HttpResponse:
    expert = selectors.expert_get(expert_id)
    form = UnavailabilityForm()
    if request.method == "POST":
        refused = forbidden_unless(request, "reviews.manage")
        if refused:
            return refused
        form = UnavailabilityForm(request.POST)
        if form.is_valid() and submit(form, lambda: roster.expert_unavailability_add(
                actor=request_actor(request), expert_id=expert.pk, **form.cleaned_data)):
            messages.success(request, _("The unavailability was recorded."))
            return redirect("reviews-expert", expert_id=expert.pk)
    visits = selectors.visit_list().filter(team__expert=expert)
    return render(request, "reviews/expert.html", {
        "expert": expert, "form": form, "visits": visits, "edit_form": _edit_form(expert),
        **can(request, "reviews.manage")})


@require_POST
@requires("reviews.manage")
def expert_edit(request: HttpRequest, expert_id: int) -> HttpResponse:
    form = ExpertUpdateForm(request.POST, prefix="edit")
    if form.is_valid() and submit(form, lambda: roster.expert_update(actor=request_actor(request),
                                                                     expert_id=expert_id, **form.service_kwargs())):
        messages.success(request, _("The roster entry was updated."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("reviews-expert", expert_id=expert_id)
