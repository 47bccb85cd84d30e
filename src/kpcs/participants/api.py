from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from kpcs.accounts.permissions import require
from kpcs.api.auth import actor_from
from kpcs.errors import DomainError
from kpcs.participants import selectors, services
from kpcs.participants.models import Participant, StatusEvent
from kpcs.participants.status import STATE_AFTER

router = Router(tags=["participants"])


class ParticipantOut(Schema):
    code: str
    name: str
    kind: str
    status: str | None = Field(description="State on the requested date: participant, suspended, "
                                           "self_suspended, applicant, removed, withdrawn, or null.")


class StatusEventOut(Schema):
    date: dt.date
    event: str
    state: str
    certainty: str
    source: str
    note: str


class MemberStateOut(Schema):
    country: str
    since: dt.date
    until: dt.date | None


class AuthorityOut(Schema):
    id: int
    name: str
    exporting: bool
    importing: bool


class ParticipantDetailOut(ParticipantOut):
    iso_alpha3: str
    names: dict[str, str]
    region: str
    languages: list[str]
    status_history: list[StatusEventOut]
    member_states: list[MemberStateOut]
    authorities: list[AuthorityOut]


class StatusEventIn(Schema):
    date: dt.date
    event: str
    certainty: str = StatusEvent.Certainty.CONFIRMED
    source: str = ""
    note: str = ""


class ObserverOut(Schema):
    code: str
    name: str
    kind: str
    active: bool


class HSCodeOut(Schema):
    code: str
    description: str
    in_scope: bool


class ChairOut(Schema):
    year: int
    chair: str
    vice_chair: str | None


def _out(p: Participant) -> dict:
    return {"code": p.code, "name": p.name, "kind": p.kind, "status": STATE_AFTER.get(p.event_on)}


@router.get("/participants", response=list[ParticipantOut], summary="Participants on a date")
def participant_list(request: HttpRequest, on: dt.date | None = None, all: bool = False):
    """The participants of the scheme on `on` (default today). With `all=true`, every registry entry
    (observers excluded) with its state on that date, or null."""
    require(actor_from(request), "registry.view")
    day = on or dt.date.today()
    qs = selectors.participant_list(on=day) if all else selectors.participants_on(day)
    return [_out(p) for p in qs]


@router.get("/participants/{code}", response=ParticipantDetailOut, summary="One participant with its history")
def participant_detail(request: HttpRequest, code: str, on: dt.date | None = None):
    require(actor_from(request), "registry.view")
    day = on or dt.date.today()
    p = selectors.participant_get(code=code)
    return {
        "code": p.code, "name": p.name, "kind": p.kind, "status": selectors.state_of(p, day),
        "iso_alpha3": p.iso_alpha3, "region": p.region, "languages": p.languages,
        "names": {lang: p.name_in(lang) for lang in ("en", "fr", "pt", "es", "ru")},
        "status_history": [{"date": e.date, "event": e.kind, "state": STATE_AFTER[e.kind],
                            "certainty": e.certainty, "source": e.source, "note": e.note}
                           for e in selectors.status_history(p)],
        "member_states": [{"country": m.country_code, "since": m.since, "until": m.until}
                          for m in p.member_states.all()],
        "authorities": list(selectors.authority_list(participant=p).values(
            "id", "name", "exporting", "importing")),
    }


@router.post("/participants/{code}/status-events", response={201: StatusEventOut},
             summary="Record a status change (Secretariat)")
def status_event_create(request: HttpRequest, code: str, payload: StatusEventIn):
    actor = actor_from(request)
    require(actor, "registry.edit")
    if payload.certainty not in StatusEvent.Certainty.values:
        raise DomainError(_("Unknown certainty %(value)s.") % {"value": payload.certainty}, code="invalid_request")
    p = selectors.participant_get(code=code)
    e = services.status_event_add(actor=actor, participant=p, date=payload.date, kind=payload.event,
                                  certainty=payload.certainty, source=payload.source, note=payload.note)
    return Status(201, {"date": e.date, "event": e.kind, "state": STATE_AFTER[e.kind], "certainty": e.certainty,
                 "source": e.source, "note": e.note})


@router.get("/observers", response=list[ObserverOut], summary="Observer organisations")
def observer_list(request: HttpRequest):
    require(actor_from(request), "registry.view")
    return [{"code": o.code, "name": o.name, "kind": o.kind, "active": o.active} for o in selectors.observer_list()]


@router.get("/hs-codes", response=list[HSCodeOut], summary="HS codes and whether they are rough diamonds")
def hs_code_list(request: HttpRequest, in_scope: bool | None = None):
    require(actor_from(request), "registry.view")
    return list(selectors.hs_code_list(in_scope=in_scope).values("code", "description", "in_scope"))


@router.get("/chairs", response=list[ChairOut], summary="Chair and Vice-Chair by year")
def chair_list(request: HttpRequest):
    require(actor_from(request), "registry.view")
    return [{"year": c.year, "chair": c.chair.code, "vice_chair": c.vice_chair.code if c.vice_chair else None}
            for c in selectors.chair_list()]
