"""Peer review API: progress, invitations, roster, visits and their workflow, recommendations, schedule plans.
Each route: check the permission, call one service or selector, return plain JSON."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from kpcs.accounts.permissions import require
from kpcs.api.auth import actor_from
from kpcs.reviews import selectors
from kpcs.reviews import serializers as out
from kpcs.reviews.planning import DEFAULT_TEAM_SIZE
from kpcs.reviews.services import roster, schedule, visits

router = Router(tags=["peer review"])


class InvitationIn(Schema):
    participant: str = Field(examples=["AO"])
    invited_on: dt.date
    note: str = ""


class ExpertIn(Schema):
    name: str
    nominated_by: str = Field(description="Participant code (BW, EU) or observer code (WDC, CSC)")
    kind: str = Field(examples=["government"], description="government | industry | civil_society")
    languages: list[str] = []
    expertise: list[str] = []
    max_visits: int = 2
    email: str = ""


class ExpertUpdateIn(Schema):
    languages: list[str] | None = None
    expertise: list[str] | None = None
    max_visits: int | None = None
    active: bool | None = None


class UnavailableIn(Schema):
    starts_on: dt.date
    ends_on: dt.date
    note: str = ""


class VisitIn(Schema):
    participant: str
    period: str = Field(examples=["2005-2006"])
    earliest: dt.date
    latest: dt.date
    days: int
    kind: str = "visit"
    languages: list[str] | None = None
    expertise: list[str] = []


class TransitionIn(Schema):
    action: str = Field(description="done | send_report | receive_comments | consider | cancel")
    on: dt.date
    note: str = ""


class TeamIn(Schema):
    starts_on: dt.date
    ends_on: dt.date
    experts: list[int]
    leader: int


class PinIn(Schema):
    expert: int


class RecommendationIn(Schema):
    text: str
    owner: str | None = None
    due_on: dt.date | None = None


class FollowUpIn(Schema):
    status: str = Field(description="in_progress | implemented | closed")
    note: str
    on: dt.date


class PlanIn(Schema):
    period: str = Field(examples=["2005-2006"])
    team_size: int = DEFAULT_TEAM_SIZE
    time_limit_s: float = 10.0


def _visit(visit_id: int) -> dict:
    return out.visit_dict(selectors.visit_detail(visit_id), full=True)


@router.get("/reviews/progress", response=dict, summary="Peer review at a glance: invited, visited, planned")
def progress(request: HttpRequest, year: int, on: dt.date | None = None):
    require(actor_from(request), "reviews.view")
    return out.progress_dict(selectors.review_progress(year=year, on=on))


@router.get("/reviews/invitations", response=list[dict], summary="Invitations of review visits")
def invitation_list(request: HttpRequest):
    require(actor_from(request), "reviews.view")
    return [out.invitation_dict(i) for i in selectors.invitation_list()]


@router.post("/reviews/invitations", response={201: dict}, summary="Record a participant's invitation")
def invitation_create(request: HttpRequest, payload: InvitationIn):
    actor = actor_from(request)
    require(actor, "reviews.manage")
    return Status(201, out.invitation_dict(roster.invitation_record(actor=actor, **payload.dict())))


@router.get("/reviews/experts", response=list[dict], summary="The expert roster")
def expert_list(request: HttpRequest, kind: str | None = None, nominated_by: str | None = None,
                active: bool | None = True):
    require(actor_from(request), "reviews.view")
    qs = selectors.expert_list(kind=kind, nominated_by=nominated_by, active=active).prefetch_related("unavailable")
    return [out.expert_dict(e) for e in qs]


@router.post("/reviews/experts", response={201: dict}, summary="Add an expert to the roster")
def expert_create(request: HttpRequest, payload: ExpertIn):
    actor = actor_from(request)
    require(actor, "reviews.manage")
    expert = roster.expert_create(actor=actor, **payload.dict())
    return Status(201, out.expert_dict(selectors.expert_get(expert.pk)))


@router.get("/reviews/experts/{int:expert_id}", response=dict, summary="One expert")
def expert_detail(request: HttpRequest, expert_id: int):
    require(actor_from(request), "reviews.view")
    return out.expert_dict(selectors.expert_get(expert_id))


@router.post("/reviews/experts/{int:expert_id}", response=dict, summary="Change an expert's languages, "
             "expertise, cap or activity")
def expert_update(request: HttpRequest, expert_id: int, payload: ExpertUpdateIn):
    actor = actor_from(request)
    require(actor, "reviews.manage")
    roster.expert_update(actor=actor, expert_id=expert_id, **payload.dict())
    return out.expert_dict(selectors.expert_get(expert_id))


@router.post("/reviews/experts/{int:expert_id}/unavailability", response={201: dict},
             summary="Record a period in which the expert cannot travel")
def expert_unavailable(request: HttpRequest, expert_id: int, payload: UnavailableIn):
    actor = actor_from(request)
    require(actor, "reviews.manage")
    roster.expert_unavailability_add(actor=actor, expert_id=expert_id, **payload.dict())
    return Status(201, out.expert_dict(selectors.expert_get(expert_id)))


@router.get("/reviews/visits", response=list[dict], summary="Review visits and missions")
def visit_list(request: HttpRequest, period: str | None = None, status: str | None = None,
               participant: str | None = None, year: int | None = None):
    require(actor_from(request), "reviews.view")
    qs = selectors.visit_list(period=period, status=status, participant=participant, year=year)
    return [out.visit_dict(v) for v in qs]


@router.post("/reviews/visits", response={201: dict}, summary="Request a visit or a mission (to be scheduled)")
def visit_create(request: HttpRequest, payload: VisitIn):
    actor = actor_from(request)
    require(actor, "reviews.manage")
    return Status(201, _visit(visits.visit_request(actor=actor, **payload.dict()).pk))


@router.get("/reviews/visits/{int:visit_id}", response=dict, summary="One visit with its team and recommendations")
def visit_detail(request: HttpRequest, visit_id: int):
    require(actor_from(request), "reviews.view")
    return _visit(visit_id)


@router.post("/reviews/visits/{int:visit_id}/transition", response=dict,
             summary="Move a visit along its workflow: done, report sent, comments, considered, or cancel it")
def visit_transition(request: HttpRequest, visit_id: int, payload: TransitionIn):
    actor = actor_from(request)
    require(actor, "reviews.manage")
    visits.visit_transition(actor=actor, visit_id=visit_id, **payload.dict())
    return _visit(visit_id)


@router.post("/reviews/visits/{int:visit_id}/team", response=dict,
             summary="Set dates, team and leader by hand (checked against every hard rule)")
def visit_team(request: HttpRequest, visit_id: int, payload: TeamIn):
    actor = actor_from(request)
    require(actor, "reviews.plan")
    visits.visit_team_set(actor=actor, visit_id=visit_id, starts_on=payload.starts_on, ends_on=payload.ends_on,
                          expert_ids=payload.experts, leader_id=payload.leader)
    return _visit(visit_id)


@router.post("/reviews/visits/{int:visit_id}/pins", response={201: dict},
             summary="Pin an expert to a visit's team for the next re-plan")
def pin_create(request: HttpRequest, visit_id: int, payload: PinIn):
    actor = actor_from(request)
    require(actor, "reviews.plan")
    schedule.team_pin(actor=actor, visit_id=visit_id, expert_id=payload.expert)
    return Status(201, _visit(visit_id))


@router.post("/reviews/visits/{int:visit_id}/pins/{int:expert_id}/delete", response=dict, summary="Unpin an expert")
def pin_delete(request: HttpRequest, visit_id: int, expert_id: int):
    actor = actor_from(request)
    require(actor, "reviews.plan")
    schedule.team_unpin(actor=actor, visit_id=visit_id, expert_id=expert_id)
    return _visit(visit_id)


@router.post("/reviews/visits/{int:visit_id}/recommendations", response={201: dict},
             summary="Add a recommendation of the visit's report")
def recommendation_create(request: HttpRequest, visit_id: int, payload: RecommendationIn):
    actor = actor_from(request)
    require(actor, "reviews.manage")
    rec = visits.recommendation_add(actor=actor, visit_id=visit_id, **payload.dict())
    return Status(201, out.recommendation_dict(rec))


@router.get("/reviews/recommendations", response=list[dict], summary="Recommendations and their follow-up")
def recommendation_list(request: HttpRequest, status: str | None = None, owner: str | None = None,
                        overdue_on: dt.date | None = None):
    require(actor_from(request), "reviews.view")
    qs = selectors.recommendation_list(status=status, owner=owner, overdue_on=overdue_on).prefetch_related("updates")
    return [out.recommendation_dict(r) for r in qs]


@router.post("/reviews/recommendations/{int:recommendation_id}/follow-up", response=dict,
             summary="Record a follow-up step (in progress, implemented, closed)")
def recommendation_follow_up(request: HttpRequest, recommendation_id: int, payload: FollowUpIn):
    actor = actor_from(request)
    require(actor, "reviews.manage")
    rec = visits.recommendation_follow_up(actor=actor, recommendation_id=recommendation_id, **payload.dict())
    return out.recommendation_dict(rec)


@router.get("/reviews/plans", response=list[dict], summary="Schedule plans proposed by the optimiser")
def plan_list(request: HttpRequest, period: str | None = None):
    require(actor_from(request), "reviews.view")
    return [out.plan_dict(p, full=False) for p in selectors.plan_list(period=period)[:100]]


@router.post("/reviews/plans", response={201: dict},
             summary="Run the optimiser for a period and store its plan as a proposal (409 with reasons when "
                     "no plan satisfies the rules)")
def plan_create(request: HttpRequest, payload: PlanIn):
    actor = actor_from(request)
    require(actor, "reviews.plan")
    proposal = schedule.schedule_propose(actor=actor, period=payload.period, team_size=payload.team_size,
                                         time_limit_s=payload.time_limit_s)
    return Status(201, out.plan_dict(proposal))


@router.get("/reviews/plans/{int:plan_id}", response=dict, summary="One schedule plan")
def plan_detail(request: HttpRequest, plan_id: int):
    require(actor_from(request), "reviews.view")
    return out.plan_dict(schedule.plan_get(plan_id))


@router.post("/reviews/plans/{int:plan_id}/apply", response=dict,
             summary="Apply a proposed plan: its dates, teams and leaders go onto the visits")
def plan_apply(request: HttpRequest, plan_id: int):
    actor = actor_from(request)
    require(actor, "reviews.plan")
    return out.plan_dict(schedule.schedule_apply(actor=actor, plan_id=plan_id))
