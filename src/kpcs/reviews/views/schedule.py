"""The schedule of a planning period: what is planned, the optimiser's proposals, pins and re-planning."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kpcs.errors import DomainError
from kpcs.reviews import selectors
from kpcs.reviews.forms import ProposeForm
from kpcs.reviews.planning import parse_period
from kpcs.reviews.services import schedule
from kpcs.reviews.views.common import can, forbidden_unless
from kpcs.web.access import request_actor, requires


def _period(request: HttpRequest) -> str:
    period = (request.GET.get("period") or request.POST.get("period") or "").strip()
    known = selectors.periods()
    if period:
        try:
            parse_period(period)
        except DomainError:
            period = ""
    return period or (known[-1] if known else "")


@requires("reviews.view")
def schedule_page(request: HttpRequest) -> HttpResponse:
    """GET: the period's visits and proposals. POST (coordinator): run the optimiser; when no plan satisfies
    the rules the reasons are listed in words and nothing is stored."""
    period = _period(request)
    form = ProposeForm(initial={"period": period})
    reasons: list[dict] = []
    if request.method == "POST":
        refused = forbidden_unless(request, "reviews.plan")
        if refused:
            return refused
        form = ProposeForm(request.POST)
        if form.is_valid():
            try:
                proposal = schedule.schedule_propose(actor=request_actor(request), **form.cleaned_data)
            except DomainError as exc:
                reasons = exc.details if isinstance(exc.details, list) and exc.details else [
                    {"message": str(exc.message)}]
            else:
                messages.success(request, _("The optimiser proposed a plan; check it and apply it."))
                return redirect("reviews-plan", plan_id=proposal.pk)
    visits = selectors.visit_list(period=period) if period else selectors.visit_list().none()
    return render(request, "reviews/schedule.html", {
        "period": period, "periods": selectors.periods(), "visits": visits, "form": form, "reasons": reasons,
        "plans": selectors.plan_list(period=period)[:10] if period else [], **can(request, "reviews.plan")})


@requires("reviews.view")
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    proposal = schedule.plan_get(plan_id)
    return render(request, "reviews/plan.html", {
        "plan": proposal, "rows": selectors.plan_rows(proposal), **can(request, "reviews.plan")})


@require_POST
@requires("reviews.plan")
def plan_apply(request: HttpRequest, plan_id: int) -> HttpResponse:
    try:
        proposal = schedule.schedule_apply(actor=request_actor(request), plan_id=plan_id)
    except DomainError as exc:
        messages.error(request, str(exc.message))
        return redirect("reviews-plan", plan_id=plan_id)
    messages.success(request, _("The plan was applied: its visits are planned."))
    return redirect(f"{reverse('reviews-schedule')}?period={proposal.period}")
