"""Governance at a glance, the Participation Committee, bodies, meetings and deadlines."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kpcs.governance.forms import BodyForm, DeadlineForm, MeetingForm, MemberForm, OnForm, SeatForm, YearForm
from kpcs.governance.models import CommitteeSeat
from kpcs.governance.selectors.committee import body_list, chairs_for, committee_seats, committee_warnings
from kpcs.governance.selectors.decisions import deadline_list, deadlines_due, decision_list, meeting_list
from kpcs.governance.services import committee, decisions
from kpcs.governance.services.common import get_or_404
from kpcs.governance.views.common import can, forbidden_unless, submit
from kpcs.web.access import request_actor, requires


@requires("governance.view")
def governance_home(request: HttpRequest) -> HttpResponse:
    year = dt.date.today().year
    rows = decision_list()
    return render(request, "governance/home.html", {
        "chairs": [chairs_for(y) for y in (year - 1, year, year + 1)],
        "due": deadlines_due(actor=request_actor(request)),
        "pending": [(d, s) for d, s in rows if s.state != "adopted"][:10], "n_decisions": len(rows),
        **can(request, "governance.applications.view", "governance.compliance.view", "governance.report")})


@requires("governance.view")
def committee_page(request: HttpRequest) -> HttpResponse:
    form = YearForm(request.GET or None)
    year = (form.cleaned_data.get("year") if form.is_valid() else None) or dt.date.today().year
    seat_form = SeatForm()
    if request.method == "POST":
        refused = forbidden_unless(request, "governance.manage")
        if refused:
            return refused
        seat_form = SeatForm(request.POST)
        if seat_form.is_valid() and submit(seat_form, lambda: committee.committee_seat_add(
                actor=request_actor(request), year=year, **seat_form.cleaned_data)):
            messages.success(request, _("The seat was added."))
            return redirect(f"{reverse('governance-committee')}?year={year}")
    return render(request, "governance/committee.html", {
        "year": year, "form": form, "seats": committee_seats(year), "warnings": committee_warnings(year),
        "chairs": chairs_for(year), "outgoing": chairs_for(year - 1).chair, "seat_form": seat_form,
        **can(request, "governance.manage")})


@require_POST
@requires("governance.manage")
def committee_seat_remove(request: HttpRequest, seat_id: int) -> HttpResponse:
    year = get_or_404(CommitteeSeat, seat_id, code="unknown_seat").year
    committee.committee_seat_remove(actor=request_actor(request), seat_id=seat_id)
    messages.success(request, _("The seat was removed."))
    return redirect(f"{reverse('governance-committee')}?year={year}")


@requires("governance.view")
def body_page(request: HttpRequest) -> HttpResponse:
    form = BodyForm()
    if request.method == "POST":
        refused = forbidden_unless(request, "governance.manage")
        if refused:
            return refused
        if request.POST.get("body_id"):
            member_form = MemberForm(request.POST)
            if member_form.is_valid() and submit(member_form, lambda: committee.body_member_add(
                    actor=request_actor(request), body_id=int(request.POST["body_id"]),
                    member=member_form.cleaned_data["member"], role=member_form.cleaned_data["role"])):
                messages.success(request, _("The member was added."))
                return redirect("governance-bodies")
            for error in member_form.errors.get("__all__", []) + [e for k, v in member_form.errors.items()
                                                                   if k != "__all__" for e in v]:
                messages.error(request, error)
            return redirect("governance-bodies")
        form = BodyForm(request.POST)
        if form.is_valid() and submit(form, lambda: committee.body_create(
                actor=request_actor(request), name=form.cleaned_data["name"], kind=form.cleaned_data["kind"],
                mandate=form.cleaned_data["mandate"], established_by=form.cleaned_data["established_by"] or None)):
            messages.success(request, _("The body was established."))
            return redirect("governance-bodies")
    return render(request, "governance/bodies.html", {"bodies": body_list(), "form": form,
                                                      "member_form": MemberForm(),
                                                      **can(request, "governance.manage")})


@requires("governance.view")
def meeting_page(request: HttpRequest) -> HttpResponse:
    form = MeetingForm()
    if request.method == "POST":
        refused = forbidden_unless(request, "governance.manage")
        if refused:
            return refused
        form = MeetingForm(request.POST)
        if form.is_valid() and submit(form, lambda: decisions.meeting_create(
                actor=request_actor(request), **{**form.cleaned_data, "host": form.cleaned_data["host"] or None})):
            messages.success(request, _("The meeting was recorded."))
            return redirect("governance-meetings")
    return render(request, "governance/meetings.html", {"meetings": meeting_list(), "form": form,
                                                        **can(request, "governance.manage")})


@requires("governance.view")
def deadline_page(request: HttpRequest) -> HttpResponse:
    form = DeadlineForm()
    if request.method == "POST":
        refused = forbidden_unless(request, "governance.manage")
        if refused:
            return refused
        form = DeadlineForm(request.POST)
        if form.is_valid() and submit(form, lambda: decisions.deadline_create(
                actor=request_actor(request), title=form.cleaned_data["title"], due_on=form.cleaned_data["due_on"],
                owner_role=form.cleaned_data["owner_role"], owner_participant=form.cleaned_data["owner_participant"]
                or None, decision_number=form.cleaned_data["decision_number"] or None)):
            messages.success(request, _("The deadline was set."))
            return redirect("governance-deadlines")
    mine = request.GET.get("mine") == "1"
    return render(request, "governance/deadlines.html", {
        "deadlines": deadline_list(actor=request_actor(request) if mine else None), "mine": mine, "form": form,
        "today": dt.date.today(), "done_form": OnForm(), **can(request, "governance.manage")})


@require_POST
@requires("governance.manage")
def deadline_done(request: HttpRequest, deadline_id: int) -> HttpResponse:
    form = OnForm(request.POST)
    if form.is_valid():
        decisions.deadline_done(actor=request_actor(request), deadline_id=deadline_id, on=form.cleaned_data["on"])
        messages.success(request, _("The deadline is marked as met."))
    return redirect("governance-deadlines")
