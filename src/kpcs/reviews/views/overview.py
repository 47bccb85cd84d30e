"""Peer review at a glance, invitations and recommendations."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kpcs.reviews import selectors
from kpcs.reviews.forms import InvitationForm, ProgressForm
from kpcs.reviews.services import roster
from kpcs.reviews.status import RecommendationStatus
from kpcs.reviews.views.common import can, forbidden_unless, submit
from kpcs.web.access import request_actor, requires


@requires("reviews.view")
def reviews_home(request: HttpRequest) -> HttpResponse:
    form = ProgressForm(request.GET or None)
    cleaned = form.cleaned_data if form.is_valid() else {}
    today = dt.date.today()
    year = cleaned.get("year") or today.year
    progress = selectors.review_progress(year=year, on=cleaned.get("on"))
    return render(request, "reviews/home.html", {
        "form": form, "progress": progress, "periods": selectors.periods(),
        "plans": selectors.plan_list()[:5], **can(request, "reviews.manage", "reviews.plan")})


@requires("reviews.view")
def invitation_list(request: HttpRequest) -> HttpResponse:
    form = InvitationForm()
    if request.method == "POST":
        refused = forbidden_unless(request, "reviews.manage")
        if refused:
            return refused
        form = InvitationForm(request.POST)
        if form.is_valid() and submit(form, lambda: roster.invitation_record(actor=request_actor(request),
                                                                              **form.cleaned_data)):
            messages.success(request, _("The invitation was recorded."))
            return redirect("reviews-invitations")
    return render(request, "reviews/invitations.html", {
        "invitations": selectors.invitation_list(), "form": form, **can(request, "reviews.manage")})


@requires("reviews.view")
def recommendation_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status") or None
    if status not in (None, *RecommendationStatus.values, "overdue"):
        status = None
    today = dt.date.today()
    qs = (selectors.recommendation_list(overdue_on=today) if status == "overdue"
          else selectors.recommendation_list(status=status))
    return render(request, "reviews/recommendations.html", {
        "recommendations": qs.prefetch_related("updates")[:500], "status": status or "", "today": today,
        "statuses": RecommendationStatus.choices})
