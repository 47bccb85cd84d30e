"""Chairs, the Participation Committee and the scheme's bodies."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from ninja import Schema, Status

from kpcs.accounts.permissions import require
from kpcs.api.auth import actor_from
from kpcs.governance import serializers as out
from kpcs.governance.api.common import router
from kpcs.governance.models import CommitteeSeat
from kpcs.governance.selectors.committee import body_list, chairs_for, committee_seats, committee_warnings
from kpcs.governance.services import committee
from kpcs.governance.services.common import get_or_404


class SeatIn(Schema):
    year: int
    member: str
    chair: bool = False


class BodyIn(Schema):
    name: str
    kind: str
    mandate: str = ""
    parent_id: int | None = None
    established_by: str | None = None


class MemberIn(Schema):
    member: str
    role: str = "member"


def _committee(year: int) -> dict:
    return out.committee_dict(year, list(committee_seats(year)), committee_warnings(year))


@router.get("/governance/chairs", response=dict, summary="Chair and Vice-Chair of a year (from the registry)")
def chairs(request: HttpRequest, year: int | None = None):
    require(actor_from(request), "governance.view")
    return out.chairs_dict(chairs_for(year or dt.date.today().year))


@router.get("/governance/committee", response=dict,
            summary="The Participation Committee of a year, with the rules its composition breaks")
def committee_get(request: HttpRequest, year: int | None = None):
    require(actor_from(request), "governance.view")
    return _committee(year or dt.date.today().year)


@router.post("/governance/committee", response={201: dict}, summary="Seat a participant or observer")
def committee_add(request: HttpRequest, payload: SeatIn):
    actor = actor_from(request)
    require(actor, "governance.manage")
    committee.committee_seat_add(actor=actor, year=payload.year, member=payload.member, chair=payload.chair)
    return Status(201, _committee(payload.year))


@router.post("/governance/committee/{int:seat_id}/delete", response=dict, summary="Remove a seat")
def committee_remove(request: HttpRequest, seat_id: int):
    actor = actor_from(request)
    require(actor, "governance.manage")
    year = get_or_404(CommitteeSeat, seat_id, code="unknown_seat").year
    committee.committee_seat_remove(actor=actor, seat_id=seat_id)
    return _committee(year)


@router.get("/governance/bodies", response=list[dict], summary="Working groups and committees with mandates")
def bodies(request: HttpRequest):
    require(actor_from(request), "governance.view")
    return [out.body_dict(b) for b in body_list()]


@router.post("/governance/bodies", response={201: dict}, summary="Establish a body")
def body_create(request: HttpRequest, payload: BodyIn):
    actor = actor_from(request)
    require(actor, "governance.manage")
    body = committee.body_create(actor=actor, **payload.dict())
    return Status(201, out.body_dict(body_list(active=None).get(pk=body.pk)))


@router.post("/governance/bodies/{int:body_id}/members", response={201: dict}, summary="Add a member or the chair")
def body_member(request: HttpRequest, body_id: int, payload: MemberIn):
    actor = actor_from(request)
    require(actor, "governance.manage")
    committee.body_member_add(actor=actor, body_id=body_id, **payload.dict())
    return Status(201, out.body_dict(body_list(active=None).get(pk=body_id)))
