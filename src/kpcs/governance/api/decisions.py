"""Meetings, decisions and their texts (Rule 26), deadlines, and the Chair's report."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from ninja import Field, Schema, Status

from kpcs.accounts.permissions import require
from kpcs.api.auth import actor_from
from kpcs.governance import serializers as out
from kpcs.governance.api.common import router
from kpcs.governance.report import chair_report
from kpcs.governance.selectors.decisions import deadline_list, decision_get, decision_list, meeting_list
from kpcs.governance.services import decisions

CONTENT_TYPES = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8", "pdf": "application/pdf"}


class MeetingIn(Schema):
    place: str
    starts_on: dt.date
    ends_on: dt.date
    kind: str = "plenary"
    host: str | None = None


class DecisionIn(Schema):
    number: str = Field(examples=["2004-GAT-01"])
    route: str = Field(description="plenary | written_procedure")
    agreed_on: dt.date
    title: str
    text: str
    kind: str = "decision"
    meeting_id: int | None = None
    language: str = "en"


class TextIn(Schema):
    language: str = Field(description="en | fr | pt | es | ru")
    title: str
    text: str


class OnIn(Schema):
    on: dt.date


class DeadlineIn(Schema):
    title: str
    due_on: dt.date
    owner_role: str = ""
    owner_participant: str | None = None
    owner_body_id: int | None = None
    decision_number: str | None = None


def _decision(number: str) -> dict:
    return out.decision_dict(decision_get(number=number))


@router.get("/governance/meetings", response=list[dict], summary="Plenary and intersessional meetings")
def meetings(request: HttpRequest):
    require(actor_from(request), "governance.view")
    return [out.meeting_dict(m) for m in meeting_list()]


@router.post("/governance/meetings", response={201: dict}, summary="Record a meeting")
def meeting_create(request: HttpRequest, payload: MeetingIn):
    actor = actor_from(request)
    require(actor, "governance.manage")
    return Status(201, out.meeting_dict(decisions.meeting_create(actor=actor, **payload.dict())))


@router.get("/governance/decisions", response=list[dict],
            summary="Decisions, each with its Rule 26 state (adopted, or agreed pending translation)")
def decision_index(request: HttpRequest, year: int | None = None, state: str | None = None):
    require(actor_from(request), "governance.view")
    return [out.decision_dict(d, s) for d, s in decision_list(year=year, state=state)]


@router.post("/governance/decisions", response={201: dict}, summary="Record a decision agreed by consensus")
def decision_create(request: HttpRequest, payload: DecisionIn):
    actor = actor_from(request)
    require(actor, "governance.manage")
    return Status(201, _decision(decisions.decision_create(actor=actor, **payload.dict()).number))


@router.get("/governance/decisions/{number}", response=dict, summary="One decision with its texts")
def decision_detail(request: HttpRequest, number: str):
    require(actor_from(request), "governance.view")
    return _decision(number)


@router.post("/governance/decisions/{number}/texts", response=dict, summary="Add or correct the text in a language")
def decision_text(request: HttpRequest, number: str, payload: TextIn):
    actor = actor_from(request)
    require(actor, "governance.manage")
    decisions.decision_text_set(actor=actor, decision_id=decision_get(number=number).pk, **payload.dict())
    return _decision(number)


@router.post("/governance/decisions/{number}/texts/{language}/circulate", response=dict,
             summary="Record that a text was made available to all participants")
def decision_circulate(request: HttpRequest, number: str, language: str, payload: OnIn):
    actor = actor_from(request)
    require(actor, "governance.manage")
    decisions.decision_text_circulate(actor=actor, decision_id=decision_get(number=number).pk, language=language,
                                      on=payload.on)
    return _decision(number)


@router.post("/governance/decisions/{number}/adopt", response=dict,
             summary="Mark formally adopted (409 translations_missing while a language is missing, Rule 26)")
def decision_adopt(request: HttpRequest, number: str, payload: OnIn):
    actor = actor_from(request)
    require(actor, "governance.manage")
    decisions.decision_adopt(actor=actor, decision_id=decision_get(number=number).pk, on=payload.on)
    return _decision(number)


@router.get("/governance/deadlines", response=list[dict], summary="Open deadlines (mine=true: those I own)")
def deadlines(request: HttpRequest, mine: bool = False, status: str | None = "open"):
    actor = actor_from(request)
    require(actor, "governance.view")
    return [out.deadline_dict(d) for d in deadline_list(actor=actor if mine else None, status=status or None)]


@router.post("/governance/deadlines", response={201: dict}, summary="Set a deadline with its owner")
def deadline_create(request: HttpRequest, payload: DeadlineIn):
    actor = actor_from(request)
    require(actor, "governance.manage")
    return Status(201, out.deadline_dict(decisions.deadline_create(actor=actor, **payload.dict())))


@router.post("/governance/deadlines/{int:deadline_id}/done", response=dict, summary="Mark a deadline met")
def deadline_done(request: HttpRequest, deadline_id: int, payload: OnIn):
    actor = actor_from(request)
    require(actor, "governance.manage")
    return out.deadline_dict(decisions.deadline_done(actor=actor, deadline_id=deadline_id, on=payload.on))


@router.get("/governance/report/chair", summary="The Chair's annual report (md, html or pdf) in a language")
def report(request: HttpRequest, year: int, lang: str = "en", format: str = "md"):
    require(actor_from(request), "governance.report")
    body = chair_report(year=year, language=lang, fmt=format)
    response = HttpResponse(body, content_type=CONTENT_TYPES.get(format, "text/plain"))
    response["Content-Disposition"] = f'inline; filename="chair-report-{year}-{lang}.{format}"'
    return response
