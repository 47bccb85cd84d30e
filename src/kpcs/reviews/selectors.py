"""Reads of the peer review app: progress at a glance, visits, roster, plans, recommendations, deadlines."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from kpcs.errors import DomainError, NotFound
from kpcs.participants.selectors import participants_on
from kpcs.reviews.models import (
    Expert,
    Invitation,
    Recommendation,
    ReviewVisit,
    SchedulePlan,
    TeamMember,
)
from kpcs.reviews.planning import Names, pk_of
from kpcs.reviews.status import DONE_STATES, RECOMMENDATION_OPEN, RecommendationStatus, VisitKind, VisitStatus


@dataclass(frozen=True)
class Progress:
    """Peer review at a glance for a year, as known on ``on``."""

    year: int
    on: dt.date
    participants: int  # participants of the scheme on ``on``
    invited: int  # participants that had invited a visit by ``on``
    visited: int  # participants that received a visit in the year, done by ``on``
    planned: int  # further visits planned in the year
    pending: int  # invited, never visited, no visit planned in the year
    not_invited: int


def check_year(year: int | None) -> None:
    """Years the scheme can have data for; anything else is a 400, not a date overflow."""
    if year is not None and not 2000 <= year <= 2100:
        raise DomainError(_("%(year)s is not a year of the scheme.") % {"year": year}, code="bad_year")


def review_progress(*, year: int, on: dt.date | None = None) -> Progress:
    """Invited, visited, planned and pending, as the Working Group on Monitoring reports them (the Gatineau
    communiqué: 8 visited, 7 more planned before the end of 2004, 33 invited, 10 not yet)."""
    check_year(year)
    on = on or min(dt.date.today(), dt.date(year, 12, 31))
    participants = set(participants_on(on).values_list("code", flat=True))
    invited = set(Invitation.objects.filter(invited_on__lte=on, participant__code__in=participants)
                  .values_list("participant__code", flat=True))
    visits = ReviewVisit.objects.filter(kind=VisitKind.VISIT, starts_on__year=year)
    visited = set(visits.filter(status__in=DONE_STATES, ends_on__lte=on).values_list("participant__code", flat=True))
    ever_visited = set(ReviewVisit.objects.filter(kind=VisitKind.VISIT, status__in=DONE_STATES, ends_on__lte=on)
                       .values_list("participant__code", flat=True))
    planned = set(visits.filter(status=VisitStatus.PLANNED).values_list("participant__code", flat=True)) - visited
    return Progress(year=year, on=on, participants=len(participants), invited=len(invited),
                    visited=len(visited), planned=len(planned),
                    pending=len(invited - ever_visited - planned), not_invited=len(participants - invited))


def invitation_list() -> QuerySet[Invitation]:
    return Invitation.objects.select_related("participant").order_by("invited_on", "participant__code")


def expert_list(*, kind: str | None = None, nominated_by: str | None = None, active: bool | None = True,
                search: str | None = None) -> QuerySet[Expert]:
    qs = Expert.objects.select_related("nominated_by_participant", "nominated_by_observer").annotate(
        n_visits=Count("memberships", filter=Q(memberships__visit__status__in=[VisitStatus.PLANNED, *DONE_STATES])))
    if kind:
        qs = qs.filter(kind=kind)
    if nominated_by:
        code = nominated_by.upper()
        qs = qs.filter(Q(nominated_by_participant__code=code) | Q(nominated_by_observer__code=code))
    if active is not None:
        qs = qs.filter(active=active)
    if search:
        qs = qs.filter(name__icontains=search)
    return qs.order_by("name", "id")


def expert_get(expert_id: int) -> Expert:
    expert = expert_list(active=None).prefetch_related("unavailable").filter(pk=expert_id).first()
    if expert is None:
        raise NotFound(_("No expert with number %(id)s on the roster.") % {"id": expert_id}, code="unknown_expert")
    return expert


def visit_list(*, period: str | None = None, status: str | None = None, participant: str | None = None,
               year: int | None = None) -> QuerySet[ReviewVisit]:
    qs = ReviewVisit.objects.select_related("participant", "leader").prefetch_related(
        Prefetch("team", queryset=TeamMember.objects.select_related("expert").order_by("expert__name")), "pins")
    if period:
        qs = qs.filter(period=period)
    if status:
        qs = qs.filter(status=status)
    if participant:
        qs = qs.filter(participant__code=participant.upper())
    if year:
        check_year(year)
        qs = qs.filter(Q(starts_on__year=year) | Q(starts_on__isnull=True, earliest__year=year))
    return qs.order_by("starts_on", "earliest", "id")


def visit_detail(visit_id: int) -> ReviewVisit:
    visit = visit_list().prefetch_related(
        Prefetch("recommendations", queryset=Recommendation.objects.select_related("owner")
                 .prefetch_related("updates"))).filter(pk=visit_id).first()
    if visit is None:
        raise NotFound(_("No review visit with number %(id)s.") % {"id": visit_id}, code="unknown_visit")
    return visit


def periods() -> list[str]:
    return sorted(set(ReviewVisit.objects.values_list("period", flat=True)))


def plan_list(*, period: str | None = None) -> QuerySet[SchedulePlan]:
    qs = SchedulePlan.objects.select_related("created_by")
    return qs.filter(period=period) if period else qs


def plan_rows(proposal: SchedulePlan) -> list[dict[str, Any]]:
    """The plan's visits with participant and expert names, the unmet expertise and the pins it kept."""
    keys = [v["id"] for v in proposal.output["visits"]] + [e for v in proposal.output["visits"] for e in v["team"]]
    names = Names(keys)
    unmet = {u["visit"]: u["expertise"] for u in proposal.output.get("unmet", [])}
    pinned = {(p["visit"], p["expert"]) for p in proposal.input.get("pinned", [])}
    rows = []
    for v in proposal.output["visits"]:
        visit = names.visits.get(pk_of(v["id"]))
        rows.append({
            "visit": visit, "start": dt.date.fromisoformat(v["start"]), "end": dt.date.fromisoformat(v["end"]),
            "leader": names.expert(v["leader"]),
            "team": [{"name": names.expert(e), "expert_id": pk_of(e), "pinned": (v["id"], e) in pinned,
                      "leader": e == v["leader"]} for e in v["team"]],
            "unmet": unmet.get(v["id"], []),
        })
    return rows


def recommendation_list(*, status: str | None = None, owner: str | None = None, overdue_on: dt.date | None = None,
                        open_only: bool = False) -> QuerySet[Recommendation]:
    qs = Recommendation.objects.select_related("visit__participant", "owner")
    if status:
        qs = qs.filter(status=status)
    if open_only or overdue_on:
        qs = qs.filter(status__in=RECOMMENDATION_OPEN)
    if owner:
        qs = qs.filter(owner__code=owner.upper())
    if overdue_on:
        qs = qs.filter(due_on__lt=overdue_on)
    return qs.order_by("due_on", "id")


def recommendations_not_acted_on(*, on: dt.date) -> QuerySet[Recommendation]:
    """Open recommendations past their due date with no follow-up recorded: a compliance signal."""
    return recommendation_list(overdue_on=on).filter(status=RecommendationStatus.OPEN)


@dataclass(frozen=True)
class ReviewDeadlines:
    visits_soon: list[ReviewVisit]
    reports_awaited: list[ReviewVisit]
    recommendations_overdue: list[Recommendation]


def review_deadlines(*, today: dt.date, horizon_days: int = 30, participant_codes: frozenset[str] | None = None,
                     ) -> ReviewDeadlines:
    """What the dashboard shows: visits starting soon, draft reports not yet sent 30 days after a visit, and
    recommendations past their due date (for the owner's participant when ``participant_codes`` is given)."""
    soon = visit_list(status=VisitStatus.PLANNED).filter(starts_on__gte=today,
                                                         starts_on__lte=today + dt.timedelta(days=horizon_days))
    awaited = visit_list(status=VisitStatus.DONE).filter(ends_on__lt=today - dt.timedelta(days=horizon_days))
    overdue = recommendation_list(overdue_on=today)
    if participant_codes is not None:
        soon = soon.filter(participant__code__in=participant_codes)
        awaited = awaited.none()
        overdue = overdue.filter(owner__code__in=participant_codes)
    return ReviewDeadlines(visits_soon=list(soon[:20]), reports_awaited=list(awaited[:20]),
                           recommendations_overdue=list(overdue[:20]))
