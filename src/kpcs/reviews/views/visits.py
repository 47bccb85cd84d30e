"""Review visits and missions: the list, one visit with its team, workflow, pins and recommendations."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kpcs.reviews import selectors
from kpcs.reviews.forms import (
    FollowUpForm,
    PinForm,
    RecommendationForm,
    TeamForm,
    TransitionForm,
    VisitFilterForm,
    VisitForm,
)
from kpcs.reviews.models import Recommendation
from kpcs.reviews.services import schedule, visits
from kpcs.reviews.status import PLANNABLE, VISIT_TRANSITIONS
from kpcs.reviews.views.common import can, forbidden_unless, submit
from kpcs.web.access import request_actor, requires


@requires("reviews.view")
def visit_list(request: HttpRequest) -> HttpResponse:
    form = VisitForm()
    if request.method == "POST":
        refused = forbidden_unless(request, "reviews.manage")
        if refused:
            return refused
        form = VisitForm(request.POST)
        if form.is_valid():
            visit = submit(form, lambda: visits.visit_request(actor=request_actor(request), **form.service_kwargs()))
            if visit:
                messages.success(request, _("The visit was recorded; it waits to be scheduled."))
                return redirect("reviews-visit", visit_id=visit.pk)
    filters = VisitFilterForm(request.GET)
    cleaned = filters.cleaned_data if filters.is_valid() else {}
    qs = selectors.visit_list(period=cleaned.get("period") or None, status=cleaned.get("status") or None,
                              participant=cleaned.get("participant") or None)
    page = Paginator(qs, 100).get_page(request.GET.get("page"))
    return render(request, "reviews/visits.html", {"page": page, "filters": filters, "form": form,
                                                   **can(request, "reviews.manage")})


def _actions(visit) -> list[str]:
    return [a for a, (sources, _t, _f) in VISIT_TRANSITIONS.items() if visit.status in sources]


def _detail(request: HttpRequest, visit_id: int, **forms) -> HttpResponse:
    visit = selectors.visit_detail(visit_id)
    actions = _actions(visit)
    for r in visit.recommendations.all():
        failed = forms.get("follow_up_for") == r.pk
        r.follow_up_form = forms["follow_up_form"] if failed else FollowUpForm(prefix=f"r{r.pk}")
    context = {
        "visit": visit, "plannable": visit.status in PLANNABLE,
        "pinned": {p.expert_id for p in visit.pins.all()},
        "pins": visit.pins.select_related("expert"),
        "transition_form": forms.get("transition_form") or TransitionForm(actions=actions),
        "actions": actions,
        "pin_form": forms.get("pin_form") or PinForm(),
        "team_form": forms.get("team_form") or TeamForm(),
        "recommendation_form": forms.get("recommendation_form") or RecommendationForm(),
        **can(request, "reviews.manage", "reviews.plan"),
    }
    return render(request, "reviews/visit.html", context)


@requires("reviews.view")
def visit_detail(request: HttpRequest, visit_id: int) -> HttpResponse:
    return _detail(request, visit_id)


@require_POST
@requires("reviews.manage")
def visit_transition(request: HttpRequest, visit_id: int) -> HttpResponse:
    form = TransitionForm(request.POST)
    if form.is_valid() and submit(form, lambda: visits.visit_transition(
            actor=request_actor(request), visit_id=visit_id, **form.cleaned_data)):
        messages.success(request, _("The visit moved to its next step."))
        return redirect("reviews-visit", visit_id=visit_id)
    return _detail(request, visit_id, transition_form=form)


@require_POST
@requires("reviews.plan")
def visit_team(request: HttpRequest, visit_id: int) -> HttpResponse:
    form = TeamForm(request.POST)
    if form.is_valid() and submit(form, lambda: visits.visit_team_set(
            actor=request_actor(request), visit_id=visit_id, starts_on=form.cleaned_data["starts_on"],
            ends_on=form.cleaned_data["ends_on"], expert_ids=form.cleaned_data["experts"],
            leader_id=form.cleaned_data["leader"])):
        messages.success(request, _("The dates and the team were set."))
        return redirect("reviews-visit", visit_id=visit_id)
    return _detail(request, visit_id, team_form=form)


@require_POST
@requires("reviews.plan")
def visit_pin(request: HttpRequest, visit_id: int) -> HttpResponse:
    if request.POST.get("current"):
        count = schedule.team_pin_current(actor=request_actor(request), visit_id=visit_id)
        messages.success(request, _("%(n)s team members were pinned.") % {"n": count})
        return redirect("reviews-visit", visit_id=visit_id)
    form = PinForm(request.POST)
    if form.is_valid() and submit(form, lambda: schedule.team_pin(
            actor=request_actor(request), visit_id=visit_id, expert_id=form.cleaned_data["expert"])):
        messages.success(request, _("The expert is pinned to this visit; re-plan the period to fill the rest."))
        return redirect("reviews-visit", visit_id=visit_id)
    return _detail(request, visit_id, pin_form=form)


@require_POST
@requires("reviews.plan")
def visit_unpin(request: HttpRequest, visit_id: int, expert_id: int) -> HttpResponse:
    schedule.team_unpin(actor=request_actor(request), visit_id=visit_id, expert_id=expert_id)
    messages.success(request, _("The expert is no longer pinned."))
    return redirect("reviews-visit", visit_id=visit_id)


@require_POST
@requires("reviews.manage")
def recommendation_create(request: HttpRequest, visit_id: int) -> HttpResponse:
    form = RecommendationForm(request.POST)
    if form.is_valid() and submit(form, lambda: visits.recommendation_add(
            actor=request_actor(request), visit_id=visit_id, text=form.cleaned_data["text"],
            owner=form.cleaned_data["owner"] or None, due_on=form.cleaned_data["due_on"])):
        messages.success(request, _("The recommendation was added."))
        return redirect("reviews-visit", visit_id=visit_id)
    return _detail(request, visit_id, recommendation_form=form)


@require_POST
@requires("reviews.manage")
def recommendation_follow_up(request: HttpRequest, recommendation_id: int) -> HttpResponse:
    rec = Recommendation.objects.filter(pk=recommendation_id).first()
    if rec is None:
        return render(request, "kpcs/not_found.html", status=404)
    form = FollowUpForm(request.POST, prefix=f"r{rec.pk}")
    if form.is_valid() and submit(form, lambda: visits.recommendation_follow_up(
            actor=request_actor(request), recommendation_id=rec.pk, **form.cleaned_data)):
        messages.success(request, _("The follow-up was recorded."))
        return redirect("reviews-visit", visit_id=rec.visit_id)
    return _detail(request, rec.visit_id, follow_up_form=form, follow_up_for=rec.pk)
